#!/usr/bin/env python3
"""Search index benchmark (issue 18): what Pagefind costs a build, at 12k and 100k articles.

  Benchmarks/search.py [--articles N ...] [--compare-cli]

For each size: a full build into an empty folder (the "search index" step of --timings is the indexer's
time: the records sent through `pagefind --service` and the bundle staged), the index's size and files,
a rebuild with no change (the records' fingerprint matches: the indexer does not run) and a rebuild after
one article is edited (it runs again). With --compare-cli, also `pagefind --site` over the written pages
(reading the HTML back), the alternative the README weighs. Uses the archives of Benchmarks/run
(work/imported, work/archive-N; made here the same way when missing) and a release build in .build-bench/.
Prints a table and writes work/search-results.md.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
WORK = os.path.join(BENCH, "work")
SHARED = os.path.join(REPO, "..", "shared", "corpora", "saudinewsnet")
WARRAQ = os.environ.get("WARRAQ") or os.path.join(REPO, ".build-bench", "release", "warraq")


def sh(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def archive(n):
    imported = os.path.join(WORK, "imported")
    if not os.path.isfile(imported + ".ready"):
        tmp = os.path.join(WORK, "snn-json")
        shutil.rmtree(tmp, ignore_errors=True)
        os.makedirs(tmp)
        for z in sorted(os.listdir(SHARED)):
            if z.endswith(".zip"):
                sh(["unzip", "-oq", os.path.join(SHARED, z), "-d", tmp])
        jsons = sorted(os.path.join(tmp, f) for f in os.listdir(tmp) if f.endswith(".json"))
        sh([WARRAQ, "import", "json", *jsons, "--into", imported, "--map", "date=date_extracted",
            "--timezone", "Asia/Riyadh", "--auto-tags", "5"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(tmp)
        count = sh([sys.executable, os.path.join(BENCH, "prepare.py"), "count", imported], capture_output=True, text=True).stdout
        open(imported + ".ready", "w").write(count)
    have = int(open(imported + ".ready").read())
    if n is None or n == have:
        return imported, have
    dest = os.path.join(WORK, "archive-%d" % n)
    if not os.path.isfile(dest + ".ready"):
        shutil.rmtree(dest, ignore_errors=True)
        sh([sys.executable, os.path.join(BENCH, "prepare.py"), "replicate", imported, dest, str(n)], stderr=subprocess.DEVNULL)
        open(dest + ".ready", "w").write("saudinewsnet\n")
    return dest, n


def timed(cmd):
    """Wall seconds, peak MB (the largest process: warraq or the pagefind it runs) and the output."""
    t0 = time.time()
    p = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True)
    wall = time.time() - t0
    if p.returncode != 0:
        sys.exit("search.py: %s failed:\n%s" % (" ".join(cmd), p.stderr[-2000:]))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)[1]) / 1024
    return wall, peak, p.stdout + p.stderr


def lap(log, name):
    m = re.search(r"^\s+%s\s+([\d.]+) s$" % re.escape(name), log, re.M)
    return float(m[1]) if m else None


def folder_size(path):
    total, files = 0, 0
    for root, _, names in os.walk(path):
        for name in names:
            total += os.path.getsize(os.path.join(root, name))
            files += 1
    return total / 1e6, files


def measure(n, compare_cli, full_only=False):
    source, n = archive(n)
    out = os.path.join(WORK, "search-out-%d" % n)
    shutil.rmtree(out, ignore_errors=True)
    build = [WARRAQ, "build", source, "--output", out, "--base-url", "https://example.org/", "--timings"]
    rows = []
    wall, peak, log = timed(build)
    written = re.search(r"(\d+) articles, (\d+) files", log)
    size, files = folder_size(os.path.join(out, "pagefind"))
    rows.append(("full build", wall, lap(log, "search index"), peak, "%s articles; index %.1f MB in %d files" % (written[1], size, files)))
    if full_only:
        return n, rows
    wall, peak, log = timed(build)
    rows.append(("rebuild, no change", wall, lap(log, "search index (records unchanged)"), peak, "indexer not run"))
    edited = sorted(os.path.join(r, f) for r, _, fs in os.walk(source) for f in fs if f.endswith(".md"))[0]
    original = open(edited, encoding="utf-8").read()
    try:
        with open(edited, "a", encoding="utf-8") as f:
            f.write("\n\nأضيفت هذه الجملة لقياس إعادة البناء بعد تعديل مقال واحد.\n")
        wall, peak, log = timed(build)
        rows.append(("rebuild, 1 article edited", wall, lap(log, "search index"), peak, "full reindex"))
    finally:
        open(edited, "w", encoding="utf-8").write(original)
    if compare_cli:
        cli = os.path.join(WORK, "search-cli-%d" % n)
        shutil.rmtree(cli, ignore_errors=True)
        wall, peak, log = timed([sys.executable, "-m", "pagefind", "--site", out, "--glob", "[0-9]*/[0-9]*/*/index.html",
                                 "--force-language", "ar", "--output-path", cli])
        size, files = folder_size(cli)
        rows.append(("pagefind --site over the written pages", wall, wall, peak, "index %.1f MB in %d files" % (size, files)))
    return n, rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, nargs="*", default=[None])
    ap.add_argument("--compare-cli", action="store_true")
    ap.add_argument("--full-only", action="store_true", help="only the full build (a full index), for the largest sizes")
    args = ap.parse_args()
    if not os.access(WARRAQ, os.X_OK):
        sh(["swift", "build", "-c", "release", "--build-path", os.path.join(REPO, ".build-bench")], cwd=REPO)
    version = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    lines = ["Search benchmark, %s, commit %s, %s, %d cores" % (time.strftime("%Y-%m-%d"), commit, version, os.cpu_count()), "",
             "| articles | case | wall s | search step s | peak MB | notes |", "|---:|---|---:|---:|---:|---|"]
    print("\n".join(lines), flush=True)
    for n in args.articles:
        n, rows = measure(n, args.compare_cli, args.full_only)
        for case, wall, step, peak, notes in rows:
            line = "| {:,} | {} | {:.2f} | {} | {:,.0f} | {} |".format(n, case, wall, "%.2f" % step if step is not None else "", peak, notes)
            print(line, flush=True)
            lines.append(line)
    with open(os.path.join(WORK, "search-results%s.md" % "".join("-%s" % n for n in args.articles if n)), "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
