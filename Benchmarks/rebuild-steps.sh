#!/bin/bash
# One binary's rebuilds step by step (issue 19), search off: a full build with the article cache removed,
# a rebuild with no change, one after a sentence is appended to one article, one after an article is added
# (then removed and the edit undone). Each under /usr/bin/time, with `--timings`.
#
#   Benchmarks/rebuild-steps.sh WARRAQ ARCHIVE OUTPUT
# ARCHIVE is changed and put back (the first article in path order, and one added file).
set -eu
BIN=$1; ARCHIVE=$2; OUT=$3
EDITED="$(find "$ARCHIVE" -name '*.md' | LC_ALL=C sort | sed -n 1p)"
ADDED="$(dirname "$EDITED")/benchmark-added-article.md"
cp "$EDITED" "$OUT.edited.orig"
restore() { rm -f "$ADDED"; cp "$OUT.edited.orig" "$EDITED"; rm -f "$OUT.edited.orig"; }
trap restore EXIT
run() {
    local name=$1
    /usr/bin/time -f "$name: %e s wall, %U+%S s CPU, %M KB peak" "$BIN" build "$ARCHIVE" --output "$OUT" \
        --base-url https://example.org/ --no-search --timings >"$OUT.log" 2>"$OUT.err" || true
    tail -n 1 "$OUT.err"
    sed -n '1,/^$/p' "$OUT.log" | grep -v '^$' | sed 's/^/    /'
}
echo "binary: $BIN"
rm -rf "$OUT" "$ARCHIVE/.warraq-cache"
run "full build (no cache)"
run "rebuild, no change"
printf '\nجملة أضيفت للقياس.\n' >>"$EDITED"
run "rebuild, 1 edited"
sed 's/^title: .*/title: "مقال أضيف للقياس"/' "$EDITED" >"$ADDED"
run "rebuild, 1 added"
