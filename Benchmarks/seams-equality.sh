#!/bin/bash
# The site one binary renders against another's (issue 21): builds seeds/ and one imported SaudiNewsNet day
# with both, diffs the two Public trees (Warraq's own state and manifest left out: they hold times, inode
# numbers and page fingerprints, whose recipe issue 21 changed), then times each render step back to back.
#
#   Benchmarks/seams-equality.sh MAIN_BINARY NEW_BINARY [DAY_JSON] [WORK]
set -eu
MAIN=$1; NEW=$2; DAY=${3:-/tmp/snn/2015-07-21.json}; WORK=${4:-/tmp/seams-equality}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$WORK"; mkdir -p "$WORK"
cp -r "$ROOT/seeds" "$WORK/seeds"
echo "\$ $MAIN import json $DAY --into $WORK/day --map date=date_extracted --timezone Asia/Riyadh --auto-tags 5"
"$MAIN" import json "$DAY" --into "$WORK/day" --map date=date_extracted --timezone Asia/Riyadh --auto-tags 5 2>/dev/null | tail -2
echo "\$ $NEW import json $DAY --into $WORK/day-imported-new ... (same options: the importer now parses through JSONValue)"
"$NEW" import json "$DAY" --into "$WORK/day-imported-new" --map date=date_extracted --timezone Asia/Riyadh --auto-tags 5 2>/dev/null | tail -2
echo "\$ diff -r $WORK/day $WORK/day-imported-new && echo identical archives"
diff -r "$WORK/day" "$WORK/day-imported-new" && echo "identical archives"
for site in seeds day; do
  for which in main new; do
    bin=$MAIN; [ $which = new ] && bin=$NEW
    echo "\$ $which build $site (--no-search: Pagefind's index is compared by the search benchmark, not here)"
    "$bin" build "$WORK/$site" -o "$WORK/$site-$which" --no-search 2>"$WORK/$site-$which.log" | tail -1
  done
  echo "\$ diff -r -x .warraq-state -x .warraq-manifest $WORK/$site-main $WORK/$site-new && echo identical"
  diff -r -x .warraq-state -x .warraq-manifest "$WORK/$site-main" "$WORK/$site-new" && echo "identical: $(find "$WORK/$site-new" -type f | wc -l) files"
  echo "\$ diff of the manifests' paths (their fingerprints are expected to differ)"
  diff <(awk -F"\t" "{print \$NF}" "$WORK/$site-main/.warraq-manifest") <(awk -F"\t" "{print \$NF}" "$WORK/$site-new/.warraq-manifest") 2>/dev/null && echo "same paths" || true
done
echo "\$ render step, full build of the day into an empty folder, three times each, alternating"
for run in 1 2 3; do
  for which in main new; do
    bin=$MAIN; [ $which = new ] && bin=$NEW
    rm -rf "$WORK/time-$which"
    printf "%s run %s: " $which $run
    "$bin" build "$WORK/day" -o "$WORK/time-$which" --no-search --timings 2>/dev/null | grep "render and stage"
  done
done
