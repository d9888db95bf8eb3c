#!/usr/bin/env python3
"""A rebuild gives exactly the site a clean build gives, on a real archive (issue 19).

    Benchmarks/equality.py [--day 2015-07-22] [--steps 30] [--seed 19] [--warraq PATH] [--out FILE] [--no-search]

Imports one SaudiNewsNet day (../shared/corpora/saudinewsnet) with `warraq import json --auto-tags 5`, builds it,
then applies a seeded random sequence of an editor's changes: a body, a title, the tags, the date of an article
edited, an article added or deleted, `site.yml` changed, a template override written or removed under the
archive's `templates/`. After each change the site is rebuilt into the same output folder and built clean into
a new one, and the two are compared file by file and folder by folder. Warraq's own state files are the only
exceptions, listed in STATE_FILES: the manifest is compared without its modification times; a journal or a
staging folder must not be left. Prints one line per step and the totals; exit status 1 on any difference.
Everything goes to Benchmarks/work/equality/.
"""
import argparse
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
SHARED = os.path.join(ROOT, "..", "shared", "corpora", "saudinewsnet")
BASE_URL = "https://example.org/"
# Warraq's own files at the top of the output, compared by meaning rather than bytes.
MANIFEST = ".warraq-manifest"
LEFT_BY_A_BUILD = (".warraq-journal", ".warraq-staging-")
STATE_FILES = {MANIFEST}
# Records inodes and times, which two equal builds never share; a build that saw an input change under it
# records none. Left out of the comparison.
IGNORED = {".warraq-state"}

SENTENCES = [
    "وأكد المتحدث أن العمل سيستمر خلال الأيام المقبلة وفق الخطة المعلنة.",
    "وأشار التقرير إلى ارتفاع الأسعار في الأسواق المحلية خلال الشهر الماضي.",
    "وقالت الوزارة في بيان إن الإجراءات الجديدة تبدأ مطلع العام المقبل.",
    "وشهدت المدينة هطول أمطار غزيرة أدت إلى إغلاق عدد من الطرق.",
]
TAGS = ["الرياض", "جدة", "الاقتصاد", "النفط", "الهلال", "التعليم", "الصحة", "الحج"]


def run(cmd, **kw):
    return subprocess.run(cmd, check=False, capture_output=True, text=True, **kw)


def tree(root):
    """Every file (relative path) and folder (path + '/') below root."""
    entries = set()
    for folder, dirs, files in os.walk(root):
        rel = os.path.relpath(folder, root)
        prefix = "" if rel == "." else rel + "/"
        for d in dirs:
            entries.add(prefix + d + "/")
        for f in files:
            entries.add(prefix + f)
    return entries


def manifest_records(path):
    records = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 5:
                digest, size, source, _modified, rel = fields
                records[rel] = (digest, size, source)
    return records


def differences(a, b):
    ta, tb = tree(a) - IGNORED, tree(b) - IGNORED
    found = [f"{p}: only in the rebuild" for p in sorted(ta - tb)] + [f"{p}: only in the clean build" for p in sorted(tb - ta)]
    files = 0
    for rel in sorted(ta & tb):
        if rel.endswith("/"):
            continue
        files += 1
        if rel.startswith(LEFT_BY_A_BUILD):
            found.append(f"{rel}: left by a build")
        elif rel in STATE_FILES:
            if manifest_records(os.path.join(a, rel)) != manifest_records(os.path.join(b, rel)):
                found.append(f"{rel}: records differ")
        else:
            with open(os.path.join(a, rel), "rb") as fa, open(os.path.join(b, rel), "rb") as fb:
                if fa.read() != fb.read():
                    found.append(f"{rel}: bytes differ")
    return found, files, len(ta)


class Editor:
    """Changes an imported archive as an editor would, driven by a seeded generator."""

    KINDS = ["body", "title", "tags", "date", "add", "delete", "site.yml", "template"]

    def __init__(self, archive, seed):
        self.archive = archive
        self.random = random.Random(seed)
        self.files = sorted(os.path.relpath(os.path.join(d, f), archive)
                            for d, _, fs in os.walk(archive) if "templates" not in d for f in fs if f.endswith(".md"))
        self.site = open(os.path.join(archive, "site.yml"), encoding="utf-8").read()
        self.serial = 0
        self.applied = set()

    def read(self, rel):
        with open(os.path.join(self.archive, rel), encoding="utf-8") as f:
            return f.read()

    def write(self, rel, text):
        path = os.path.join(self.archive, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    @staticmethod
    def split(text):
        _, front, body = text.split("---\n", 2)
        return front, body

    def set_field(self, front, key, value):
        line = f"{key}: {value}\n"
        pattern = re.compile(rf"^{key}:.*\n", re.M)
        return pattern.sub(line, front, count=1) if pattern.search(front) else front + line

    def change(self):
        untried = [k for k in self.KINDS if k not in self.applied]
        kind = untried[0] if untried and self.random.random() < 0.3 else self.random.choice(self.KINDS)
        self.applied.add(kind)
        rel = self.random.choice(self.files)
        front, body = self.split(self.read(rel))
        if kind == "body":
            self.write(rel, "---\n" + front + "---\n" + body.rstrip("\n") + "\n\n" + self.random.choice(SENTENCES) + "\n")
        elif kind == "title":
            title = " ".join(self.random.sample(SENTENCES[self.random.randrange(4)].rstrip(".").split(), 5))
            self.write(rel, "---\n" + self.set_field(front, "title", f'"{title}"') + "---\n" + body)
        elif kind == "tags":
            tags = self.random.sample(TAGS, self.random.randint(1, 3))
            self.write(rel, "---\n" + self.set_field(front, "tags", "[" + ", ".join(f'"{t}"' for t in tags) + "]") + "---\n" + body)
        elif kind == "date":
            date = f"2015-0{self.random.randint(1, 9)}-{self.random.randint(10, 28)}T{self.random.randint(10, 23)}:00:00+03:00"
            if self.random.random() < 0.2:
                date = "2014-12-31T09:00:00+03:00"  # a new year: every page's sections change
            self.write(rel, "---\n" + self.set_field(front, "date", date) + "---\n" + body)
        elif kind == "add":
            self.serial += 1
            added = os.path.join(os.path.dirname(rel), f"equality-added-{self.serial}.md")
            title = f'"{self.random.choice(SENTENCES).rstrip(".")} {self.serial}"'
            self.write(added, "---\n" + self.set_field(front, "title", title) + "---\n" + body + "\n" + self.random.choice(SENTENCES) + "\n")
            self.files.append(added)
            return f"add {added}"
        elif kind == "delete":
            os.remove(os.path.join(self.archive, rel))
            self.files.remove(rel)
        elif kind == "site.yml":
            extra = self.random.choice(["page_size: 15\n", "date_digits: arab\n", "title: أرشيف الصحف السعودية\n",
                                        "feeds: {items: 10}\n", "month_names: levantine\n", ""])
            self.write("site.yml", self.site + extra)
            return f"site.yml + {extra.strip() or '(as imported)'}"
        elif kind == "template":
            override = os.path.join(self.archive, "templates", "article.mustache")
            if os.path.exists(override) and self.random.random() < 0.5:
                os.remove(override)
                return "templates/article.mustache removed"
            theme = os.path.join(ROOT, "Templates", "theme", "article.mustache")
            text = open(theme, encoding="utf-8").read()
            self.serial += 1
            extra = f'<p class="counts">{{{{#article.tags}}}}{{{{name}}}} ({{{{count}}}}) {{{{/article.tags}}}}{self.serial}</p>\n'
            self.write("templates/article.mustache", text.replace("</header>\n", "</header>\n" + extra, 1))
            return "templates/article.mustache written"
        return f"{kind} {rel}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--day", default="2015-07-22")
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--warraq", default=None)
    parser.add_argument("--no-search", action="store_true", help="build without the search index (Pagefind)")
    parser.add_argument("--out", default=None, help="also write the report here")
    args = parser.parse_args()

    warraq = args.warraq or next((p for p in [os.path.join(ROOT, ".build-bench/release/warraq"), os.path.join(ROOT, ".build/release/warraq")]
                                  if os.path.exists(p)), None)
    if not warraq:
        sys.exit("equality: no release binary (swift build -c release, or --warraq PATH)")
    zipped = os.path.join(SHARED, args.day + ".zip")
    if not os.path.exists(zipped):
        sys.exit(f"equality: {zipped} is missing")

    work = os.path.join(BENCH, "work", "equality")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    archive, output, clean = (os.path.join(work, n) for n in ("archive", "public", "clean"))
    run(["unzip", "-oq", zipped, "-d", work])
    imported = run([warraq, "import", "json", os.path.join(work, args.day + ".json"), "--into", archive,
                    "--map", "date=date_extracted", "--timezone", "Asia/Riyadh", "--auto-tags", "5", "--quiet"])
    if imported.returncode != 0:
        sys.exit("equality: import failed\n" + imported.stderr)

    lines = []

    def say(text):
        print(text, flush=True)
        lines.append(text)

    def build(out, clean=False):
        started = time.time()
        # The clean build reads every file (--no-cache): the rebuild's article cache is what is on trial.
        done = run([warraq, "build", archive, "--output", out, "--base-url", BASE_URL, "--timings"] + (["--no-cache"] if clean else [])
                   + (["--no-search"] if args.no_search else []))
        if done.returncode not in (0, 1):
            sys.exit(f"equality: build failed ({done.returncode})\n{done.stderr[-2000:]}")
        out_lines = done.stdout.strip().splitlines()
        summary = next((l for l in out_lines if " articles, " in l), "")
        parsed = next((re.search(r"read \((\d+) parsed", l).group(1) for l in out_lines if re.search(r"read \((\d+) parsed", l)), "-")
        # How many articles read-also scored again (the others it remembered: ReadAlsoMemory).
        scored = next((re.search(r"read-also: (\d+) scored", l).group(1) for l in out_lines if re.search(r"read-also: (\d+) scored", l)), "-")
        return time.time() - started, summary + "|" + parsed + "|" + scored

    seconds, summary = build(output)
    summary = summary.split("|")[0]
    editor = Editor(archive, args.seed)
    say(f"equality: SaudiNewsNet {args.day}, {len(editor.files)} articles imported, seed {args.seed}, {args.steps} steps")
    say(f"warraq: {warraq}; commit {run(['git', '-C', ROOT, 'rev-parse', '--short', 'HEAD']).stdout.strip()}")
    say(f"first build {seconds:.1f} s: {summary}")
    say("")
    say(f"{'step':>4}  {'change':<58} {'rebuild s':>9} {'clean s':>7} {'written':>7} {'parsed':>6} {'scored':>6} {'files':>7}  result")
    failed = 0
    total_files = 0
    for step in range(1, args.steps + 1):
        change = editor.change()
        rebuild_seconds, summary = build(output)
        shutil.rmtree(clean, ignore_errors=True)
        summary, parsed, scored = summary.split("|")
        clean_seconds, _ = build(clean, clean=True)
        found, files, _entries = differences(output, clean)
        total_files += files
        written = re.search(r"(\d+) written", summary)
        result = "equal" if not found else f"{len(found)} DIFFERENCES: " + "; ".join(found[:5])
        failed += bool(found)
        say(f"{step:>4}  {change[:58]:<58} {rebuild_seconds:>9.1f} {clean_seconds:>7.1f} {written.group(1) if written else '?':>7} {parsed:>6} {scored:>6} {files:>7}  {result}")
    say("")
    say(f"{args.steps} steps, {total_files:,} files compared, kinds tried: {', '.join(sorted(editor.applied))}; "
        f"{'all equal' if not failed else f'{failed} steps with differences'}")
    say(f"machine: {os.cpu_count()} cores; timings are indicative only (one run); 'scored': articles whose read-also was scored again, "
        f"the rest remembered")
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
