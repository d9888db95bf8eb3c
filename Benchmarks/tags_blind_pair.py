#!/usr/bin/env python3
"""A paired blind reading of automatic tags: two imports of the same records, one packet.

  tags_blind_pair.py ARCHIVE_A ARCHIVE_B OUT [--labels A B] [--seed 2016] [--count 30] [--lead 600]
  tags_blind_pair.py --score RATINGS OUT/key.tsv

The archives are two imports of the same JSON (by two versions of the tagger). Articles are matched by
original URL (then by path); 30 are drawn with the seed among those that either import tagged, and each
is shown once with the union of both systems' tags in a shuffled order, each under a random id. A tag
both systems give is shown once, so the rater cannot tell which system gave what. OUT/tags.md and
OUT/ratings.tsv go to the rater; OUT/key.tsv (which system gave each tag) never does.

--score prints, per system: tags rated, share usable, tags per article, articles left with none.
"""
import argparse
import os
import random
import sys

from quality_common import read_archive


def tagged(articles):
    by_key = {}
    for article in articles:
        key = article.original_url or article.path
        by_key[key] = article
    return by_key


def make(args):
    a = tagged(read_archive(args.archive_a))
    b = tagged(read_archive(args.archive_b))
    keys = sorted(k for k in a.keys() & b.keys() if a[k].auto_tags or b[k].auto_tags)
    rng = random.Random(args.seed)
    chosen = rng.sample(keys, min(args.count, len(keys)))
    os.makedirs(args.out, exist_ok=True)
    packet = ["# Tags: blind reading (%d articles, seed %d)" % (len(chosen), args.seed), "",
              "Rate every tag in ratings.tsv: 1 usable by an editor as it stands, 0 not.", ""]
    ratings = ["# id\tscore (1 usable by an editor as it stands, 0 not)"]
    key = ["id\tarticle\tsystems\ttag"]
    used = set()
    for number, k in enumerate(chosen, 1):
        article = a[k]
        systems = {}
        for label, source in zip(args.labels, (a[k], b[k])):
            for tag in source.auto_tags:
                systems.setdefault(tag, []).append(label)
        order = sorted(systems)
        rng.shuffle(order)
        packet += ["## %d. %s" % (number, article.title), "", article.lead(args.lead), ""]
        if not order:
            packet += ["(no tags)", ""]
        for tag in order:
            while True:
                tag_id = "T%04x" % rng.randrange(0x10000)
                if tag_id not in used:
                    used.add(tag_id)
                    break
            packet.append("- **[%s]** %s" % (tag_id, tag))
            ratings.append(tag_id + "\t")
            key.append("\t".join([tag_id, str(number), ",".join(systems[tag]), tag]))
        packet.append("")
    for name, lines in (("tags.md", packet), ("ratings.tsv", ratings), ("key.tsv", key)):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    print("tags_blind_pair: %s: %d articles, %d tags shown (labels %s)" % (args.out, len(chosen), len(key) - 1, " ".join(args.labels)))


def score(ratings_path, key_path):
    ratings = {}
    for line in open(ratings_path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2 and parts[1].strip() in ("0", "1"):
            ratings[parts[0]] = int(parts[1])
    rows = [line.rstrip("\n").split("\t") for line in open(key_path, encoding="utf-8")][1:]
    articles = {row[1] for row in rows}
    labels = sorted({label for row in rows for label in row[2].split(",")})
    print("| system | tags | usable | tags per article | articles with no tag |")
    print("|---|---:|---:|---:|---:|")
    for label in labels:
        mine = [row for row in rows if label in row[2].split(",")]
        rated = [ratings[row[0]] for row in mine if row[0] in ratings]
        with_tag = {row[1] for row in mine}
        print("| %s | %d | %.0f%% (%d of %d) | %.2f | %d of %d |" % (
            label, len(mine), 100.0 * sum(rated) / max(len(rated), 1), sum(rated), len(rated),
            len(mine) / max(len(articles), 1), len(articles - with_tag), len(articles)))
    shared = [row for row in rows if len(row[2].split(",")) > 1]
    print("tags both give: %d; unrated ids: %d" % (len(shared), sum(1 for row in rows if row[0] not in ratings)))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive_a", nargs="?")
    parser.add_argument("archive_b", nargs="?")
    parser.add_argument("out", nargs="?")
    parser.add_argument("--labels", nargs=2, default=["A", "B"])
    parser.add_argument("--seed", type=int, default=2016)
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--lead", type=int, default=600)
    parser.add_argument("--score", nargs=2, metavar=("RATINGS", "KEY"))
    args = parser.parse_args()
    if args.score:
        score(*args.score)
    elif args.archive_a and args.archive_b and args.out:
        make(args)
    else:
        parser.error("give ARCHIVE_A ARCHIVE_B OUT, or --score RATINGS KEY")
    return 0


if __name__ == "__main__":
    sys.exit(main())
