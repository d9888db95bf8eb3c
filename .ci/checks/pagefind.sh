#!/usr/bin/env bash
# Pagefind (issue 18), the search indexer `warraq build` runs: the pip package `pagefind[extended]` in a
# virtualenv of its own, unless one is found already. Sourced by .ci/run and .ci/checks/install.sh; exports
# PAGEFIND_BINARY_PATH, which Warraq looks at first.
pagefind_version="1.5.2"
if [ -z "${PAGEFIND_BINARY_PATH:-}" ] && ! python3 -m pagefind --version >/dev/null 2>&1 \
        && ! command -v pagefind_extended >/dev/null 2>&1 && ! command -v pagefind >/dev/null 2>&1; then
    pf_venv="${PAGEFIND_VENV:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/warraq-pagefind/venv}"
    if ! "$pf_venv/bin/python" -m pagefind --version >/dev/null 2>&1; then
        echo "ci: installing pagefind[extended]==$pagefind_version into $pf_venv" >&2
        rm -rf "$pf_venv"
        if ! python3 -m venv "$pf_venv" >/dev/null 2>&1; then
            rm -rf "$pf_venv"
            if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
            else sudo apt-get update -qq && sudo apt-get install -y -qq python3-venv >/dev/null; fi
            python3 -m venv "$pf_venv"
        fi
        "$pf_venv/bin/python" -m pip install -q --disable-pip-version-check "pagefind[extended]==$pagefind_version"
    fi
    PAGEFIND_BINARY_PATH="$("$pf_venv/bin/python" -c 'from pagefind_bin_extended import get_executable; print(get_executable())')"
    export PAGEFIND_BINARY_PATH
fi
