#!/usr/bin/env python3
"""How soon `warraq serve` shows an edit (issue 19: "the preview shows an edit <= 2 s after the save at 18k").

    python3 Benchmarks/preview.py [--archive Benchmarks/work/archive-18000] [--warraq .build/release/warraq]
                                  [--edits 5] [--seed 19] [--out FILE]

Starts the preview on a free port, waits for its first build, then edits articles chosen with a fixed seed,
one at a time: a sentence is appended to the body and saved. For each it measures, from the save, when the
served page first holds the sentence (the proof, `PageProof`) and when the rebuilt site's file on disk does
(the whole rebuild: read-also, lists, feeds). Every article is put back as it was.
"""
import argparse
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as reply:
            return reply.read().decode("utf-8", "replace")
    except Exception:
        return ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--archive", default=os.path.join(ROOT, "Benchmarks/work/archive-18000"))
    parser.add_argument("--warraq", default=os.path.join(ROOT, ".build/release/warraq"))
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()

    articles = sorted(os.path.relpath(os.path.join(d, f), args.archive)
                      for d, _, fs in os.walk(args.archive) if "/." not in d and "templates" not in d
                      for f in fs if f.endswith(".md"))
    chosen = random.Random(args.seed).sample(articles, args.edits)
    port = free_port()
    output = tempfile.mkdtemp(prefix="warraq-preview-bench-")
    lines = [f"preview: {args.archive}, {len(articles)} articles, seed {args.seed}, {args.edits} edits",
             f"warraq: {args.warraq}; machine: {os.cpu_count()} cores; each edit appends a sentence to one article's body"]
    started = time.time()
    server = subprocess.Popen([args.warraq, "serve", args.archive, "--port", str(port), "--output", output],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    originals = {}
    try:
        while fetch(f"http://127.0.0.1:{port}/") == "":
            if server.poll() is not None:
                sys.exit("preview: the server stopped: " + server.stderr.read()[-2000:])
            time.sleep(0.2)
        lines.append(f"first build and serving: {time.time() - started:.1f} s")
        time.sleep(2)
        lines.append("")
        lines.append("edit  article                                                    proof shown s  rebuilt on disk s")
        for number, relative in enumerate(chosen, 1):
            path = os.path.join(args.archive, relative)
            with open(path, encoding="utf-8") as f:
                originals[path] = f.read()
            year, month, name = relative.split("/")[-3:]
            page = f"{year}/{month}/{name[:-3]}/index.html"
            url = f"http://127.0.0.1:{port}/" + urllib.parse.quote(f"{year}/{month}/{name[:-3]}/")
            if "<html" not in fetch(url):
                lines.append(f"{number:4}  {relative[:58]:58}  (no page at {url})")
                continue
            sentence = f"جملة أضافها المحرر للقياس رقم {number}."
            with open(path, "a", encoding="utf-8") as f:
                f.write("\n" + sentence + "\n")
            saved = time.time()
            shown = rebuilt = None
            while time.time() - saved < 120 and (shown is None or rebuilt is None):
                now = time.time() - saved
                if shown is None and sentence in fetch(url):
                    shown = now
                if rebuilt is None:
                    try:
                        with open(os.path.join(output, page), encoding="utf-8") as f:
                            if sentence in f.read():
                                rebuilt = now
                    except OSError:
                        pass
                time.sleep(0.05)
            fmt = lambda t: f"{t:13.2f}" if t is not None else "      timeout"
            lines.append(f"{number:4}  {relative[:58]:58}  {fmt(shown)}  {fmt(rebuilt):>17}")
            with open(path, "w", encoding="utf-8") as f:
                f.write(originals.pop(path))
            # Wait for the rebuild that puts the article back (on disk, not only its proof) before the next
            # edit: a save during a rebuild waits for it to end.
            waited = time.time()
            while time.time() - waited < 120:
                try:
                    with open(os.path.join(output, page), encoding="utf-8") as f:
                        if sentence not in f.read():
                            break
                except OSError:
                    pass
                time.sleep(0.2)
            time.sleep(1)
    finally:
        for path, text in originals.items():
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        server.terminate()
        server.wait(timeout=30)
    lines.append("")
    lines.append("The watcher polls every 0.4 s and waits 0.3 s for a burst of saves to settle, so about 0.5 s of each")
    lines.append("figure passes before Warraq knows of the save.")
    report = "\n".join(lines)
    print(report)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(report + "\n")


if __name__ == "__main__":
    main()
