#!/usr/bin/env python3
"""A new import against tags a reader already rated: which usable tags it keeps, which rejected ones it drops.

  tags_rated.py ARCHIVE PACKET [PACKET...] [--list]

ARCHIVE is a new import of the packets' day (file names are the same from one import of a day to the next);
each PACKET is a rated blind folder (`key/tags.tsv` and `ratings-*.tsv`, as `blind.py` and a reader left them).
Prints, over the rated articles: rated-1 tags kept, rated-0 tags dropped, the share usable among the rated tags
kept (what a new reading would find if the new tags were only those), how many tags the articles hold that
were never rated, and how many of the articles still have a tag. `--list` prints each article's tags: +/- for
kept/dropped, the rating, and the new tags. For development only: the days of these packets are then seen, and
a new reading must be of a day the rules were not written from.
"""
import argparse
import csv
import glob
import os
import sys

from quality_common import fold, read_archive


def ratings(packet):
    key = {row["id"]: row for row in csv.DictReader(open(os.path.join(packet, "key", "tags.tsv"), encoding="utf-8"), delimiter="\t")}
    rated = {}
    for path in glob.glob(os.path.join(packet, "ratings-*.tsv")):
        for line in open(path, encoding="utf-8"):
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#") or fields[0] not in key or len(fields) < 2 or not fields[1].strip():
                continue
            rated[fields[0]] = int(fields[1])
    by_file = {}
    for tag_id, row in key.items():
        if tag_id in rated:
            by_file.setdefault(row["file"], []).append((row["tag"], rated[tag_id]))
    return by_file


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive")
    parser.add_argument("packets", nargs="+")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    articles = {a.path: a for a in read_archive(args.archive)}
    kept = {0: 0, 1: 0}
    total = {0: 0, 1: 0}
    new = tagged = count = 0
    for packet in args.packets:
        for path, rated in ratings(packet).items():
            article = articles.get(path)
            if article is None:
                sys.exit("tags_rated.py: %s is not in %s (another day?)" % (path, args.archive))
            now = {fold(t): t for t in article.auto_tags}
            marks = []
            for tag, score in rated:
                total[score] += 1
                if fold(tag) in now:
                    kept[score] += 1
                marks.append("%s%d %s" % ("+" if fold(tag) in now else "-", score, tag))
            old = {fold(t) for t, _ in rated}
            fresh = [t for t in article.auto_tags if fold(t) not in old]
            new += len(fresh)
            count += 1
            tagged += bool(article.auto_tags)
            if args.list:
                print("%s | %s | new: %s" % (article.title[:60], " · ".join(marks), " · ".join(fresh) or "-"))
    shown = kept[0] + kept[1]
    print("rated tags of %d articles: usable kept %d of %d, rejected dropped %d of %d; usable among the rated kept %.0f%% (%d of %d)"
          % (count, kept[1], total[1], total[0] - kept[0], total[0], 100.0 * kept[1] / max(shown, 1), kept[1], shown))
    print("tags never rated: %d; articles still tagged: %d of %d" % (new, tagged, count))
    all_tags = sum(len(a.auto_tags) for a in articles.values())
    with_tags = sum(1 for a in articles.values() if a.auto_tags)
    print("archive: %d articles, %d with tags (%.0f%%), %d tags (%.2f per article, %.2f per tagged article)"
          % (len(articles), with_tags, 100.0 * with_tags / max(len(articles), 1), all_tags,
             all_tags / max(len(articles), 1), all_tags / max(with_tags, 1)))


if __name__ == "__main__":
    main()
