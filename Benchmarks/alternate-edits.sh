#!/bin/bash
# Two binaries' edit rebuilds side by side, alternating, so that a machine whose speed drifts (shared cores)
# weighs on both alike (issue 19). The archive is copied twice into Benchmarks/work/alternate/ (one copy per
# binary, each with its own caches and output); each binary builds its copy twice, then for each of N edits
# the same sentence is appended to the same file of both copies and each rebuilds in turn. Prints, per
# rebuild, the steps that differ between builds and the total seconds (a = first binary, b = second).
#
#   Benchmarks/alternate-edits.sh WARRAQ_A WARRAQ_B ARCHIVE [N=6]
set -eu
A=$1; B=$2; ARCHIVE=$3; N=${4:-6}
WORK="$(cd "$(dirname "$0")" && pwd)/work/alternate"
rm -rf "$WORK"; mkdir -p "$WORK"
for x in a b; do cp -r "$ARCHIVE" "$WORK/$x"; rm -rf "$WORK/$x/.warraq-cache"; done
binary() { if [ "$1" = a ]; then echo "$A"; else echo "$B"; fi; }
run() { "$(binary "$1")" build "$WORK/$1" --output "$WORK/out-$1" --base-url https://example.org/ --no-search --timings 2>&1; }
for x in a b; do run $x >/dev/null; run $x >/dev/null; done
for i in $(seq 1 "$N"); do
  for x in a b; do
    f="$(find "$WORK/$x" -name '*.md' | LC_ALL=C sort | sed -n "${i}p")"
    printf '\nجملة أضيفت للقياس %s.\n' "$i" >>"$f"
    run $x | awk -v x=$x '/articles,/{t=$(NF-1)} /input identities|render and stage|commit|cards and|previous manifest|taxonomies|words and weights|read-also lists|read \(/{n=$1; if($1=="plan:") n=$2; if ($1=="read-also"||$2=="read-also") n=$(NF-2); printf "%s=%s ", n, $(NF-1)} END{print x" total="t}'
  done
done
