#!/usr/bin/env python3
"""Scores a blind reading made with blind.py.

  blind_score.py RATINGS.tsv KEY_FOLDER

RATINGS.tsv: one `id<TAB or spaces>score` a line (# comments and empty scores skipped): read-also items
(R...) 0 unrelated / 1 same subject / 2 same story or directly related; tags (T...) 1 usable / 0 not.
KEY_FOLDER: the `key/` folder blind.py wrote beside the packets.

Prints the tables of issues 14 and 16: per list (Warraq, the TF-IDF reference) the mean item score of the
top 5 and of all 6, the share of unrelated items, and which list is better per article (mean score of its
rated top 5: wins / ties / losses for Warraq); the share of usable tags, over all and by kind.
"""
import collections
import csv
import os
import sys


def read_ratings(path):
    ratings = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) < 2:
                continue
            try:
                ratings[parts[0]] = int(parts[1])
            except ValueError:
                sys.exit("%s:%d: error: score '%s' is not a whole number" % (path, number, parts[1]))
    return ratings


def read_key(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def mean(values):
    return sum(values) / len(values) if values else float("nan")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ratings = read_ratings(sys.argv[1])
    items = read_key(os.path.join(sys.argv[2], "readalso.tsv"))
    tags = read_key(os.path.join(sys.argv[2], "tags.tsv"))

    # article -> system -> [(rank, score)]
    lists = collections.defaultdict(lambda: collections.defaultdict(list))
    unrated = 0
    for row in items:
        score = ratings.get(row["id"])
        if score is None:
            unrated += 1
            continue
        if score not in (0, 1, 2):
            sys.exit("blind_score.py: item %s has score %d; items take 0, 1 or 2" % (row["id"], score))
        for entry in row["systems"].split(","):
            system, rank = entry.split(":")
            lists[row["article"]][system].append((int(rank), score))

    names = {"warraq": "Warraq", "reference": "TF-IDF reference", "once": "TF-IDF, one story once"}
    present = {entry.split(":")[0] for row in items for entry in row["systems"].split(",")}
    systems = [s for s in names if s in present]
    about = os.path.join(sys.argv[2], "README")
    if os.path.exists(about):
        with open(about, encoding="utf-8") as f:
            print("key: " + " ".join(f.read().split("\n")[1:]).strip())
    if items:
        print("Read also: %d articles, %d items rated, %d not rated" % (len(lists), len(items) - unrated, unrated))
        rows = collections.OrderedDict()
        for depth in (5, 6):
            scores = {s: [sc for a in lists.values() for r, sc in a[s] if r <= depth] for s in systems}
            rows["mean item score, top %d" % depth] = {s: "%.2f" % mean(scores[s]) for s in systems}
            rows["unrelated items, top %d" % depth] = {
                s: "%.0f%% (%d of %d)" % (100 * mean([sc == 0 for sc in scores[s]]), sum(sc == 0 for sc in scores[s]), len(scores[s]))
                for s in systems}
        # Warraq against each other list, article by article.
        for other in systems[1:]:
            wins = ties = losses = 0
            for a in lists.values():
                w = [sc for r, sc in a["warraq"] if r <= 5]
                ref = [sc for r, sc in a[other] if r <= 5]
                if not w or not ref:
                    continue
                if abs(mean(w) - mean(ref)) < 1e-9:
                    ties += 1
                elif mean(w) > mean(ref):
                    wins += 1
                else:
                    losses += 1
            label = "which list is better (mean of the top 5)" if other == "reference" else "Warraq against %s (mean of the top 5)" % names[other]
            rows[label] = {s: "" for s in systems}
            rows[label]["warraq"] = "%d wins, %d ties, %d losses" % (wins, ties, losses)
        shared = sum(1 for row in items if len({e.split(":")[0] for e in row["systems"].split(",")} & {"warraq", "reference"}) == 2)
        rows["items both lists hold"] = {s: str(shared) if s in ("warraq", "reference") else "" for s in systems}
        print()
        print("| measure | " + " | ".join(names[s] for s in systems) + " |")
        print("|---|" + "---:|" * len(systems))
        for label, values in rows.items():
            print("| %s | %s |" % (label, " | ".join(values[s] for s in systems)))
        print()

    if tags:
        scored = [(row, ratings[row["id"]]) for row in tags if row["id"] in ratings]
        bad = [row["id"] for row, score in scored if score not in (0, 1)]
        if bad:
            sys.exit("blind_score.py: tags take 0 or 1: %s" % ", ".join(bad[:5]))
        print("Tags: %d articles, %d tags rated, %d not rated" % (len({r["article"] for r in tags}), len(scored), len(tags) - len(scored)))
        print()
        print("| tags | usable | share |")
        print("|---|---:|---:|")
        for kind in ("all", "tags", "auto_tags"):
            chosen = [score for row, score in scored if kind == "all" or row["kind"] == kind]
            if chosen or kind == "all":
                print("| %s | %d of %d | %.0f%% |" % (kind, sum(chosen), len(chosen), 100 * mean(chosen) if chosen else 0))
        per_article = collections.defaultdict(list)
        for row, score in scored:
            per_article[row["article"]].append(score)
        print("| mean per article | | %.0f%% |" % (100 * mean([mean(v) for v in per_article.values()]) if per_article else 0))
    return 0


if __name__ == "__main__":
    sys.exit(main())
