#!/usr/bin/env python3
"""Blind-reading packets for read-also (issue 14) and tags (issue 16), with a fixed seed.

  blind.py ARCHIVE_FOLDER SITE_FOLDER OUT_FOLDER [--day YYYY-MM-DD] [--seed 2015] [--count 30] [--keep-copies] [--once]

Writes into OUT_FOLDER:
  readalso.md   30 random articles of one day: title + first 300 characters, then a shuffled, unlabelled
                merge of Warraq's 6 items (featured + 5 similar) and the TF-IDF reference's 6 items (the
                reference of readalso_quality.py: self and near-copies of the article removed; with
                --keep-copies, the plain list without that filter), each item as title + first 150
                characters under a random id. An item both lists hold is shown once. With --once, a third
                list joins them: the reference with one story once (greedy down its ranking, skipping
                copies of what it holds, as readalso_quality.py's "what an engine could reach").
  tags.md       30 random tagged articles of that day: title + lead and their tags, each under an id.
  ratings.tsv   every id with an empty score, for the rater: items 0 unrelated / 1 same subject /
                2 same story or directly related; tags 1 usable by an editor / 0 not.
  key/          which system gave each item and at which rank, and each tag's article and kind:
                the rater never opens it. Score with blind_score.py ratings.tsv OUT_FOLDER/key.

Articles are drawn from those sorted by original URL (then path), so a new import of the same day draws
the same articles whatever its file names. The day defaults to the archive's most common day.
"""
import argparse
import collections
import os
import random
import sys

from quality_common import NearCopies, Reference, fold, items_of_page, load

ITEMS = 6


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive")
    parser.add_argument("site")
    parser.add_argument("out")
    parser.add_argument("--day")
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument("--count", type=int, default=30)
    parser.add_argument("--keep-copies", action="store_true", help="reference without the near-copy filter")
    parser.add_argument("--once", action="store_true", help="also the reference with one story once")
    args = parser.parse_args()

    articles, pages, mapping, base = load(args.archive, args.site)
    mapped = sorted(mapping.page_of_file)
    day = args.day or collections.Counter(articles[i].day() for i in mapped).most_common(1)[0][0]
    of_day = sorted((i for i in mapped if articles[i].day() == day),
                    key=lambda i: (articles[i].original_url or "~", articles[i].path))
    if not of_day:
        sys.exit("blind.py: no article page dated %s" % day)
    near = NearCopies([a.body for a in articles])
    reference = Reference(articles, mapped, near, keep_copies=args.keep_copies)
    titles = [fold(a.title) for a in articles]

    os.makedirs(os.path.join(args.out, "key"), exist_ok=True)
    used_ids = set()

    def new_id(rng, prefix):
        while True:
            candidate = "%s%04x" % (prefix, rng.randrange(0x10000))
            if candidate not in used_ids:
                used_ids.add(candidate)
                return candidate

    # (a) read-also
    rng = random.Random(args.seed)
    chosen = rng.sample(of_day, min(args.count, len(of_day)))
    packet = ["# Read also: blind reading (day %s, seed %d, %d articles)" % (day, args.seed, len(chosen)), "",
              "Rate every item in ratings.tsv: 0 unrelated, 1 same subject, 2 same story or directly related.",
              "Items are in random order; an item may come from any of the lists.", ""]
    key = ["id\tarticle\tfile\tsystems\ttitle"]
    ratings = ["# id\tscore (items: 0 unrelated, 1 same subject, 2 same story or directly related; tags: 1 usable, 0 not)"]
    for number, i in enumerate(chosen, 1):
        page = pages[mapping.page_of_file[i]]
        warraq, _ = items_of_page(page, mapping, base, ITEMS)
        systems = collections.OrderedDict()
        for rank, x in enumerate(warraq, 1):
            if x is not None:
                systems.setdefault(x, []).append("warraq:%d" % rank)
        for rank, x in enumerate(reference.top(i, ITEMS), 1):
            systems.setdefault(x, []).append("reference:%d" % rank)
        if args.once:
            for rank, x in enumerate(reference.once(i, ITEMS, near, titles), 1):
                systems.setdefault(x, []).append("once:%d" % rank)
        order = list(systems)
        rng.shuffle(order)
        article = articles[i]
        packet += ["## %d. %s" % (number, article.title), "", article.lead(300), ""]
        for x in order:
            item_id = new_id(rng, "R")
            packet.append("- **[%s]** %s — %s" % (item_id, articles[x].title, articles[x].lead(150)))
            key.append("\t".join([item_id, str(number), article.path, ",".join(systems[x]), articles[x].title]))
            ratings.append(item_id + "\t")
        packet.append("")

    # (b) tags
    rng = random.Random(args.seed + 1)
    tagged = [i for i in of_day if articles[i].tags or articles[i].auto_tags]
    chosen = rng.sample(tagged, min(args.count, len(tagged)))
    tags_packet = ["# Tags: blind reading (day %s, seed %d, %d articles)" % (day, args.seed + 1, len(chosen)), "",
                   "Rate every tag in ratings.tsv: 1 usable by an editor as it stands, 0 not.", ""]
    tags_key = ["id\tarticle\tfile\tkind\ttag"]
    for number, i in enumerate(chosen, 1):
        article = articles[i]
        tags_packet += ["## %d. %s" % (number, article.title), "", article.lead(300), ""]
        seen = set()
        for kind, tags in (("tags", article.tags), ("auto_tags", article.auto_tags)):
            for tag in tags:
                if tag in seen:
                    continue
                seen.add(tag)
                tag_id = new_id(rng, "T")
                tags_packet.append("- **[%s]** %s" % (tag_id, tag))
                tags_key.append("\t".join([tag_id, str(number), article.path, kind, tag]))
                ratings.append(tag_id + "\t")
        tags_packet.append("")

    def write(name, lines):
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

    write("readalso.md", packet)
    write("tags.md", tags_packet)
    write("ratings.tsv", ratings)
    write(os.path.join("key", "readalso.tsv"), key)
    write(os.path.join("key", "tags.tsv"), tags_key)
    with open(os.path.join(args.out, "key", "README"), "w", encoding="utf-8") as f:
        f.write("The key of the blind packets: raters never open this folder.\n"
                "day %s, seed %d, reference %s%s\n" % (day, args.seed, "plain (copies kept)" if args.keep_copies else Reference.DESCRIPTION,
                                                      "; once: the reference with one story once" if args.once else ""))
    print("blind packets: %s (day %s, seed %d): %d read-also items for %d articles, %d tags for %d articles; key in %s"
          % (args.out, day, args.seed, len(key) - 1, min(args.count, len(of_day)), len(tags_key) - 1, len(chosen),
             os.path.join(args.out, "key")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
