#!/bin/bash
# Read + plan of one archive, read-also included, without rendering (`warraq build --dry-run`): cold (the
# archive's .warraq-cache/ removed), warm (nothing changed), and after a sentence is appended to one article
# (put back at the end). Each under /usr/bin/time, with `--timings`. Issues 14 and 19 (100,000 and 1,000,000
# articles made by `prepare.py replicate`).
#
#   Benchmarks/dry-run.sh WARRAQ ARCHIVE
set -eu
BIN=$1; ARCHIVE=$2
EDITED="$(find "$ARCHIVE" -name '*.md' | LC_ALL=C sort | sed -n 1p)"
cp "$EDITED" "$EDITED.orig-dry-run"
trap 'mv "$EDITED.orig-dry-run" "$EDITED"' EXIT
run() {
    local name=$1
    /usr/bin/time -f "$name: %e s wall, %U+%S s CPU, %M KB peak" "$BIN" build "$ARCHIVE" --dry-run --base-url https://example.org/ \
        --timings >/tmp/dry-run.$$.log 2>/tmp/dry-run.$$.err || true
    tail -n 1 /tmp/dry-run.$$.err
    grep -v '^$' /tmp/dry-run.$$.log | sed 's/^/    /'
    rm -f /tmp/dry-run.$$.log /tmp/dry-run.$$.err
}
echo "binary: $BIN; archive: $ARCHIVE; $(nproc) cores; $(date -u +%Y-%m-%dT%H:%MZ)"
rm -rf "$ARCHIVE/.warraq-cache"
run "cold (no cache)"
run "warm (nothing changed)"
printf '\nجملة أضيفت للقياس.\n' >>"$EDITED"
run "warm, 1 edited"
