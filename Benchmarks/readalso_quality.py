#!/usr/bin/env python3
"""Read-also quality of a built site against an exact TF-IDF reference (issue 14).

  readalso_quality.py ARCHIVE_FOLDER SITE_FOLDER [--sample-day YYYY-MM-DD] [--details FILE.tsv]

For every article page: its 6 items (the featured article, then the first 5 similar links) are compared
with the reference, scikit-learn TF-IDF over the folded title + whole body (sublinear_tf=True, otherwise
defaults), brute-force cosine against every other article, the article itself and its near-copies (word
5-shingle containment >= 0.5 over the folded body) removed. Pages are mapped to the archive's Markdown
files by slug, headline and date (see quality_common.Mapping); the reference ranks every mapped article.

--sample-day measures only the articles of that day (all articles still rank); --details writes one line
per measured article (items, whether each is in the reference top 10, copies) for reading by hand.
"""
import argparse
import sys
import time

from quality_common import NEAR, NearCopies, Reference, fold, items_of_page, load, one_story_twice

ITEMS = 6
DEPTH = 10


def share(n, d):
    return n / d if d else 0.0


def line(label, value, want=None, ok=None):
    mark = ""
    if want is not None:
        mark = "   (want %s: %s)" % (want, "ok" if ok else "NOT MET")
    print("  %-62s %s%s" % (label, value, mark))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("archive")
    parser.add_argument("site")
    parser.add_argument("--sample-day", help="measure only the articles dated YYYY-MM-DD (archive's own zone)")
    parser.add_argument("--details", help="write one TSV line per measured article")
    args = parser.parse_args()

    started = time.time()
    articles, pages, mapping, base = load(args.archive, args.site)
    print("read-also quality: %s against %s" % (args.site, args.archive))
    print("  " + mapping.summary(pages, articles))
    if mapping.unmapped_pages:
        print("  pages not mapped (first 5): " + ", ".join(mapping.unmapped_pages[:5]))
    if mapping.title_mismatch:
        print("  pages whose slug names a file with another headline or date: %d (first 5: %s)"
              % (len(mapping.title_mismatch), ", ".join(mapping.title_mismatch[:5])))

    near = NearCopies([a.body for a in articles])
    mapped = sorted(mapping.page_of_file)
    reference = Reference(articles, mapped, near, depth=DEPTH)
    titles = [fold(a.title) for a in articles]
    measured = [i for i in mapped if not args.sample_day or articles[i].day() == args.sample_day]
    print("  reference: " + Reference.DESCRIPTION)
    print("  measured articles: %d%s; %d near-copy pairs in the archive; %.1f s to read and rank"
          % (len(measured), " of " + args.sample_day if args.sample_day else "",
             sum(len(s) for s in near.near) // 2, time.time() - started))

    in_top = shown = full = featured = featured_copy = twice = self_listed = unknown = 0
    ref_twice = ref_in_top = dedup_in_top = dedup_twice = 0
    also_pages = also_links = also_copies = with_copy_elsewhere = also_when_copy = 0
    detail_rows = []
    for i in measured:
        page = pages[mapping.page_of_file[i]]
        items, is_full = items_of_page(page, mapping, base, ITEMS)
        top = set(reference.top(i, DEPTH))
        full += is_full
        shown += len(items)
        unknown += sum(1 for x in items if x is None)
        hits = [x is not None and x in top for x in items]
        in_top += sum(hits)
        self_listed += sum(1 for x in items if x == i)
        if page.featured:
            featured += 1
            if items[0] is not None and near.is_copy(i, items[0]):
                featured_copy += 1
        story_twice = one_story_twice(items, near, titles)
        twice += story_twice

        ref6 = reference.top(i, ITEMS)
        ref_in_top += sum(1 for x in ref6 if x in top)
        ref_twice += one_story_twice(ref6, near, titles)
        dedup = reference.once(i, ITEMS, near, titles)
        dedup_in_top += sum(1 for x in dedup if x in top)
        dedup_twice += one_story_twice(dedup, near, titles)

        others = {j for j in near.near[i] if j in mapping.page_of_file and articles[j].source != articles[i].source}
        with_copy_elsewhere += bool(others)
        if page.has_also_published:
            also_pages += 1
            also_when_copy += bool(others)
            for href in page.also_published:
                j = mapping.file_of_link(page, href, base)
                if j is not None and j != i:
                    also_links += 1
                    also_copies += near.is_copy(i, j)
        if args.details:
            detail_rows.append("\t".join([
                articles[i].path, str(len(items)), "".join("1" if h else "0" for h in hits),
                "copy" if page.featured and items[0] is not None and near.is_copy(i, items[0]) else "",
                "twice" if story_twice else "",
                " | ".join(articles[x].title if x is not None else "?" for x in items),
                " | ".join(articles[x].title for x in ref6)]))

    n = len(measured)
    print()
    print("Warraq (featured + first %d similar), %d articles" % (ITEMS - 1, n))
    v = share(in_top, ITEMS * n)
    line("share of items in the reference top %d (of %d slots)" % (DEPTH, ITEMS), "%.3f" % v, ">= 0.6", v >= 0.6)
    line("share of shown items in the reference top %d" % DEPTH, "%.3f  (%d of %d shown)" % (share(in_top, shown), in_top, shown))
    v = share(featured_copy, featured)
    line("featured item is a near-copy of the article (>= %.1f)" % NEAR, "%.2f%%  (%d of %d)" % (100 * v, featured_copy, featured), "<= 1%", v <= 0.01)
    v = share(twice, n)
    line("lists with one story twice", "%.2f%%  (%d of %d)" % (100 * v, twice, n), "<= 3%", v <= 0.03)
    v = share(full, n)
    line("articles with a full list (featured + >= %d similar)" % (ITEMS - 1), "%.2f%%  (%d of %d)" % (100 * v, full, n), "100%", full == n)
    line("items that are not a mapped article page / the article itself", "%d / %d" % (unknown, self_listed))
    v = share(also_pages, n)
    line('pages with a "نُشر أيضاً في" block (class also-published)', "%.2f%%  (%d of %d)" % (100 * v, also_pages, n))
    line("articles with a near-copy from another source", "%d; %d of them show the block" % (with_copy_elsewhere, also_when_copy))
    line("also-published links that are near-copies", "%d of %d" % (also_copies, also_links))
    print()
    print("Reference (TF-IDF top %d), same articles" % ITEMS)
    line("share of items in the reference top %d (itself; 1 by construction)" % DEPTH, "%.3f" % share(ref_in_top, ITEMS * n))
    line("lists with one story twice", "%.2f%%  (%d of %d)" % (100 * share(ref_twice, n), ref_twice, n))
    line("featured item is a near-copy (removed by construction)", "0.00%")
    print("Reference with one story once (greedy, copies of listed items skipped)")
    line("share of items in the reference top %d" % DEPTH, "%.3f" % share(dedup_in_top, ITEMS * n))
    line("lists with one story twice", "%.2f%%  (%d of %d)" % (100 * share(dedup_twice, n), dedup_twice, n))

    if args.details:
        with open(args.details, "w", encoding="utf-8") as f:
            f.write("file\titems\tin_top10\tfeatured\tlist\twarraq_titles\treference_titles\n")
            f.write("\n".join(detail_rows) + "\n")
    print("\n  %.1f s" % (time.time() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
