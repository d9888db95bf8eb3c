#!/usr/bin/env python3
"""The README's sample of automatic tags: N articles of one day drawn with a fixed seed, printed unedited.

    python3 Benchmarks/tags_sample.py ARCHIVE [--day 2015-07-22] [--seed 2015] [--count 8]

Prints a Markdown table (article title and source, then its `auto_tags` or "—" when it has none). Articles
are drawn in the order of their original URL, so a new import of the same day draws the same articles.
"""
import argparse
import random

from quality_common import read_archive


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("archive")
    parser.add_argument("--day", default="2015-07-22")
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument("--count", type=int, default=8)
    args = parser.parse_args()

    of_day = sorted((a for a in read_archive(args.archive) if a.day() == args.day and not a.tags),
                    key=lambda a: (a.original_url, a.path))
    chosen = random.Random(args.seed).sample(of_day, min(args.count, len(of_day)))
    print("| article (source) | automatic tags |")
    print("|---|---|")
    for article in chosen:
        title = article.title.replace("|", "\\|")
        tags = " · ".join(article.auto_tags) or "—"
        print("| %s (%s) | %s |" % (title, article.source, tags))


if __name__ == "__main__":
    main()
