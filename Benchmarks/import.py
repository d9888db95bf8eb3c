#!/usr/bin/env python3
"""How faithfully `warraq import json` brings in a real archive: imports SaudiNewsNet days with a warraq
binary, builds the site, and prints four shares against the figures issue 15 asks for.

  Benchmarks/import.py [--day YYYY-MM-DD] [--warraq PATH]

Without --day every day of ../shared/corpora/saudinewsnet/ is imported into one archive. The binary is
WARRAQ, --warraq, or the release build (.build/release/warraq, built with `swift build -c release` when
missing). Work goes to Benchmarks/work/import/ (ignored by git).

  kept        records with text and a distinct URL that are an article of the archive (want >= 99%)
  paragraphs  articles whose text had >= 3 non-blank lines shown with >= 3 <p> (want >= 95%)
  bylines     author names holding a dash, colon or guillemet, or naming a city or agency (want <= 2%)
  controls    C0/C1 control characters and U+FFFD in written .html and .xml files (want 0)
"""
import argparse
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "saudinewsnet")
WORK = os.path.join(HERE, "work", "import")

# Checked independently of Warraq's own gazetteer: the datelines and agencies most often seen in the corpus.
CITIES_AND_AGENCIES = set("""
الرياض جدة الدمام مكة المكرمة المدينة المنورة لندن القاهرة واشنطن أبها الباحة الطائف الأحساء جازان بريدة
بيروت صنعاء عدن تبوك نيويورك بغداد دبي نجران حائل المنامة مدريد برلين باريس بروكسل عمان تونس الخبر ينبع
أنقرة الكويت طهران موسكو روما دمشق الدوحة القطيف عرعر الجوف الخرج واس رويترز وكالات الوكالات متابعات
""".split()) | {"مكة المكرمة", "المدينة المنورة", "أ ف ب", "د ب أ", "ا ف ب", "د ب ا", "الشرق الأوسط", "الأناضول", "كونا", "وام"}
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
ARTICLE_PAGE = re.compile(r"^\d{4}/\d{2}/[^/]+/index\.html$")


def front_matter(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    head = text.split("\n---\n", 1)[0]
    fields = {}
    for line in head.splitlines()[1:]:
        key, _, value = line.partition(": ")
        if value:
            try:
                fields[key] = json.loads(value)
            except ValueError:
                fields[key] = value
    return fields


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--day", help="one day, e.g. 2015-07-22 (default: every day)")
    parser.add_argument("--warraq", default=os.environ.get("WARRAQ"))
    args = parser.parse_args()

    zips = sorted(glob.glob(os.path.join(CORPUS, (args.day or "*") + ".zip")))
    if not zips:
        sys.exit("import.py: no SaudiNewsNet zip in {}".format(os.path.abspath(CORPUS)))
    warraq = args.warraq or os.path.join(ROOT, ".build", "release", "warraq")
    if not os.access(warraq, os.X_OK):
        print("import.py: building warraq (release): several minutes", file=sys.stderr, flush=True)
        subprocess.run(["swift", "build", "-c", "release", "--product", "warraq"], cwd=ROOT, check=True)

    shutil.rmtree(WORK, ignore_errors=True)
    exports, archive, site = os.path.join(WORK, "exports"), os.path.join(WORK, "archive"), os.path.join(WORK, "site")
    os.makedirs(exports)
    records = []
    for z in zips:
        with zipfile.ZipFile(z) as f:
            f.extractall(exports)
    files = sorted(glob.glob(os.path.join(exports, "*.json")))
    for path in files:
        with open(path, encoding="utf-8") as f:
            records += json.load(f)

    t0 = time.time()
    imported = subprocess.run([warraq, "import", "json", *files, "--into", archive], capture_output=True, text=True)
    t_import = time.time() - t0
    if imported.returncode != 0:
        sys.exit("import.py: import failed:\n" + imported.stderr[-2000:])
    t0 = time.time()
    built = subprocess.run([warraq, "build", archive, "--output", site, "--base-url", "https://example.org/"],
                           capture_output=True, text=True)
    t_build = time.time() - t0
    if built.returncode != 0:
        sys.exit("import.py: build failed:\n" + built.stderr[-2000:])

    # kept
    with_text = [r for r in records if (r.get("content") or "").strip()]
    urls = {r["url"] for r in with_text if r.get("url")}
    articles = {}
    for path in glob.glob(os.path.join(archive, "**", "*.md"), recursive=True):
        fields = front_matter(path)
        articles[os.path.relpath(path, archive)] = fields
    kept_urls = {f.get("original_url") for f in articles.values()}
    merged_text = int((re.search(r"(\d+) same source, title, day and text", imported.stdout) or [0, 0])[1])
    lost = len(urls - kept_urls) - merged_text

    # paragraphs: each record's page, found through its file (the page's slug is the file's name)
    by_url = {f.get("original_url"): rel for rel, f in articles.items()}
    long_records = paragraphs_ok = unfound = 0
    seen = set()
    for r in with_text:
        if r["url"] in seen or r["url"] not in by_url:
            continue
        seen.add(r["url"])
        if sum(1 for line in r["content"].splitlines() if line.strip(" \t\u00a0")) < 3:
            continue
        long_records += 1
        rel = by_url[r["url"]]
        page = os.path.join(site, os.path.dirname(rel), os.path.splitext(os.path.basename(rel))[0], "index.html")
        if not os.path.isfile(page):
            unfound += 1
            continue
        with open(page, encoding="utf-8") as f:
            body = f.read().split('<div class="article-body" dir="auto">', 1)[-1].split("</div>", 1)[0]
        if body.count("<p>") >= 3:
            paragraphs_ok += 1

    # bylines
    places = {f["place"] for f in articles.values() if f.get("place")}
    credits = {f["credit"] for f in articles.values() if f.get("credit")}
    names = []
    for f in articles.values():
        value = f.get("author")
        names += value if isinstance(value, list) else ([value] if value else [])
    bad = [n for n in names if re.search(r"[-ـ–:«»]", n) or n in CITIES_AND_AGENCIES or n in places or n in credits]
    distinct_bad = set(bad)

    # control characters
    controls, files_with = 0, []
    for folder, _, names_here in os.walk(site):
        for name in names_here:
            if name.endswith((".html", ".xml")):
                with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
                    found = len(CONTROL.findall(f.read()))
                if found:
                    controls += found
                    files_with.append(os.path.relpath(os.path.join(folder, name), site))

    def pct(a, b):
        return 100.0 * a / b if b else 100.0

    days = args.day or "{} days ({} to {})".format(len(zips), os.path.basename(zips[0])[:10], os.path.basename(zips[-1])[:10])
    print("SaudiNewsNet {}: {} records; import {:.1f} s, build {:.1f} s".format(days, len(records), t_import, t_build))
    print("import: " + imported.stdout.strip().splitlines()[0])
    print("build:  " + built.stdout.strip().splitlines()[-1])
    kept = len(urls & kept_urls)
    print("kept:       {:.2f}% of {} records with text and a distinct URL are articles ({} merged as the same source, "
          "title, day and text: {:.2f}% with them; {} lost otherwise)  want >= 99%".format(
              pct(kept, len(urls)), len(urls), merged_text, pct(kept + merged_text, len(urls)), max(lost, 0)))
    print("paragraphs: {:.2f}% of {} articles whose text had >= 3 lines show >= 3 paragraphs ({} pages not found)  want >= 95%".format(
        pct(paragraphs_ok, long_records), long_records, unfound))
    print("bylines:    {:.2f}% of {} author names ({} distinct) hold a dash, colon or guillemet or are a city or agency "
          "({} distinct: {})  want <= 2%".format(pct(len(bad), len(names)), len(names), len(set(names)), len(distinct_bad),
                                                 ", ".join(sorted(distinct_bad)[:12])))
    print("            {} places, {} credits; articles with an author {}, a place {}, a credit {}".format(
        len(places), len(credits), sum(1 for f in articles.values() if f.get("author")),
        sum(1 for f in articles.values() if f.get("place")), sum(1 for f in articles.values() if f.get("credit"))))
    print("controls:   {} control characters in written .html/.xml files{}  want 0".format(
        controls, " (" + ", ".join(files_with[:5]) + ")" if files_with else ""))
    ok = pct(kept + merged_text, len(urls)) >= 99 and pct(paragraphs_ok, long_records) >= 95 and pct(len(bad), len(names)) <= 2 and controls == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
