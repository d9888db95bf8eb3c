#!/usr/bin/env python3
"""Fault injection for the output writer (issue 20): kills `warraq build` at many points of its commit and
checks that the next build leaves a site byte-identical to a clean build, with no staging folder or journal.

    Benchmarks/crash.py [--count 3000] [--points 50] [--warraq PATH] [--work DIR]

Generates an archive (.ci/checks/gen_archive.py) as v1, and v2 from it: a tenth of the articles edited, some
removed, so a v1 -> v2 build renames and removes files. For each kill point k (spread evenly over the commit's
steps: the journal, every rename, every removal, the manifest), a copy of the clean v1 site is built with v2 and
WARRAQ_KILL_AFTER_STEPS=k (the writer sends itself SIGKILL there), then rebuilt: with v2 at even points, with v1
at odd ones (the change reverted, the case where a trusting rebuild kept the aborted pages). The result is
compared file by file with a clean build of the same version, and its manifest (modification times aside) with
the clean build's. Prints the figures; the last lines are the summary.
"""
import argparse
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def site(folder):
    """Every file of the output but Warraq's own, with its bytes."""
    files = {}
    for base, dirs, names in os.walk(folder):
        rel = os.path.relpath(base, folder)
        if rel == ".":
            dirs[:] = [d for d in dirs if not d.startswith(".warraq-")]
        for name in names:
            path = os.path.normpath(os.path.join(rel, name))
            if path.startswith(".warraq-"):
                continue
            with open(os.path.join(base, name), "rb") as f:
                files[path] = f.read()
    return files


def manifest(folder):
    """The manifest's entries without modification times: what a rebuild must agree on."""
    entries = set()
    with open(os.path.join(folder, ".warraq-manifest"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t", 4)
            entries.add((fields[0], fields[1], fields[2], fields[4]))
    return entries


def leftovers(folder):
    return sorted(n for n in os.listdir(folder) if n.startswith(".warraq-") and n not in (".warraq-manifest", ".warraq-state"))


def build(warraq, archive, output, kill_after=None):
    env = dict(os.environ)
    if kill_after is not None:
        env["WARRAQ_KILL_AFTER_STEPS"] = str(kill_after)
    started = time.time()
    run = subprocess.run([warraq, "build", archive, "--output", output], env=env, capture_output=True, text=True)
    return run, time.time() - started


def make_v2(v1, v2):
    shutil.copytree(v1, v2)
    articles = sorted(os.path.join(b, n) for b, _, ns in os.walk(v2) for n in ns if n.endswith(".md"))
    rng = random.Random(20)
    edited = removed = 0
    for path in articles:
        roll = rng.random()
        if roll < 0.02:
            os.remove(path)
            removed += 1
        elif roll < 0.12:
            with open(path, "a", encoding="utf-8") as f:
                f.write("\nفقرة أضيفت في النسخة الثانية.\n")
            edited += 1
    return len(articles), edited, removed


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--points", type=int, default=50)
    ap.add_argument("--warraq", default=None)
    ap.add_argument("--work", default="/tmp/warraq-crash")
    args = ap.parse_args()
    warraq = args.warraq
    if warraq is None:
        for config in ("release", "debug"):
            candidate = os.path.join(ROOT, ".build", config, "warraq")
            if os.access(candidate, os.X_OK):
                warraq = candidate
                break
    if not warraq:
        sys.exit("no warraq executable: swift build -c release --product warraq")
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    v1, v2 = os.path.join(args.work, "v1"), os.path.join(args.work, "v2")
    subprocess.run([sys.executable, os.path.join(ROOT, ".ci/checks/gen_archive.py"), v1, "--count", str(args.count)],
                   check=True, capture_output=True)
    total, edited, removed = make_v2(v1, v2)
    clean = {}
    for name, archive in (("v1", v1), ("v2", v2)):
        out = os.path.join(args.work, "clean-" + name)
        run, seconds = build(warraq, archive, out)
        print(f"clean {name}: {run.stdout.strip()}")
        clean[name] = (out, site(out), manifest(out))
    # How many steps a v1 -> v2 commit has: the journal, each rename, each removal, the manifest, the journal's end.
    probe = os.path.join(args.work, "probe")
    shutil.copytree(clean["v1"][0], probe, symlinks=True)
    run, _ = build(warraq, v2, probe)
    counts = re.search(r"(\d+) written, (\d+) unchanged, (\d+) removed", run.stdout)
    written, removals = int(counts.group(1)), int(counts.group(3))
    steps = 1 + written + removals + 2
    shutil.rmtree(probe)
    print(f"archive: {total} articles in v1, {edited} edited and {removed} removed in v2; "
          f"a v1 -> v2 commit writes {written} files and removes {removals}: {steps} steps")
    points = sorted({round(i * (steps - 1) / (args.points - 1)) for i in range(args.points)})
    identical = killed = staging_left = journal_left = recovered = 0
    failures = []
    trial_seconds = []
    for index, point in enumerate(points):
        trial = os.path.join(args.work, "trial")
        shutil.rmtree(trial, ignore_errors=True)
        shutil.copytree(clean["v1"][0], trial, symlinks=True)
        started = time.time()
        run, _ = build(warraq, v2, trial, kill_after=point)
        was_killed = run.returncode == -signal.SIGKILL
        killed += was_killed
        version = "v2" if index % 2 == 0 else "v1"
        rebuild, _ = build(warraq, v2 if version == "v2" else v1, trial)
        trial_seconds.append(time.time() - started)
        recovered += "stopped while writing" in rebuild.stderr
        same = site(trial) == clean[version][1] and manifest(trial) == clean[version][2]
        left = leftovers(trial)
        staging_left += any(n.startswith(".warraq-staging-") for n in left)
        journal_left += ".warraq-journal" in left
        identical += same and not left
        status = "identical" if same and not left else "DIFFERENT" if not same else "left " + ", ".join(left)
        if not (same and not left):
            failures.append(point)
        print(f"kill after step {point:5d} ({'killed' if was_killed else 'exit ' + str(run.returncode)}), "
              f"rebuilt as {version}: {status}")
    shutil.rmtree(os.path.join(args.work, "trial"), ignore_errors=True)
    print(f"kill points: {len(points)} over {steps} commit steps; killed by SIGKILL: {killed}; "
          f"rebuilds that found the journal: {recovered}")
    print(f"byte-identical to a clean build (site and manifest), nothing left: {identical} of {len(points)}; "
          f"staging folders left: {staging_left}; journals left: {journal_left}")
    print(f"seconds per kill and rebuild: mean {sum(trial_seconds) / len(trial_seconds):.2f}, max {max(trial_seconds):.2f}")
    if failures:
        print("FAILED at steps " + ", ".join(map(str, failures)))
        sys.exit(1)


if __name__ == "__main__":
    main()
