#!/usr/bin/env python3
"""Image work on an archive of 1,000 articles with a picture each (issue 17): a full build, then a rebuild
with no change, which must process no image (their variants come from the cache, by content hash).

    Benchmarks/images.py [--count 1000] [--width 1200 --height 800]

Writes Benchmarks/work/images/ (archive, site, cache) and prints one table; Benchmarks/results/images.txt
holds the last run. `WARRAQ=path/to/warraq` measures a given binary (default: .build/release, else
.build/debug). Each picture is its own file: the same gradient with the article's number in a PNG text
chunk, so every file has other bytes (another cache key) and is decoded and scaled like any photograph.
"""
import argparse
import os
import platform
import re
import shutil
import struct
import subprocess
import sys
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def gradient(width, height):
    rows = bytearray()
    line = bytearray()
    for x in range(width):
        line += bytes(((x * 255) // width, (x * 97) % 256, 128))
    for y in range(height):
        rows.append(0)
        shade = (y * 255) // height
        rows += bytes((c + shade) % 256 if k % 3 == 2 else c for k, c in enumerate(line))
    return (chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),
            chunk(b"IDAT", zlib.compress(bytes(rows), 6)))


def binary():
    given = os.environ.get("WARRAQ")
    if given:
        return given
    for kind in ("release", "debug"):
        path = os.path.join(REPO, ".build", kind, "warraq")
        if os.path.isfile(path):
            return path
    sys.exit("build warraq first (swift build -c release)")


def run(warraq, archive, out, cache_note):
    started = time.time()
    p = subprocess.run([warraq, "build", archive, "--output", out, "--timings", "--base-url", "https://example.org/"],
                       capture_output=True, text=True)
    wall = time.time() - started
    if p.returncode != 0:
        sys.exit(p.stdout + p.stderr)
    images = re.search(r"images: (\d+) processed, (\d+) from the cache", p.stdout)
    step = re.search(r"^\s+images\s+([\d.]+) s", p.stdout, re.M)
    written = re.search(r"(\d+) written", p.stdout)
    return {"wall": wall, "processed": int(images.group(1)), "cached": int(images.group(2)),
            "step": float(step.group(1)), "written": int(written.group(1)), "note": cache_note}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--width", type=int, default=1200)
    ap.add_argument("--height", type=int, default=800)
    args = ap.parse_args()
    work = os.path.join(HERE, "work", "images")
    archive, out = os.path.join(work, "archive"), os.path.join(work, "site")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(archive)
    with open(os.path.join(archive, "site.yml"), "w", encoding="utf-8") as f:
        f.write("title: أرشيف الصور\nbase_url: https://example.org/\n")
    header, pixels = gradient(args.width, args.height)
    total = 0
    for i in range(args.count):
        folder = os.path.join(archive, "2023", "{:02d}".format(1 + i % 12))
        os.makedirs(folder, exist_ok=True)
        data = b"\x89PNG\r\n\x1a\n" + header + chunk(b"tEXt", b"Comment\x00article %d" % i) + pixels + chunk(b"IEND", b"")
        total += len(data)
        with open(os.path.join(folder, "photo-{:04d}.png".format(i)), "wb") as f:
            f.write(data)
        with open(os.path.join(folder, "article-{:04d}.md".format(i)), "w", encoding="utf-8") as f:
            f.write("---\ntitle: \"خبر مصور رقم {0}\"\ndate: 2023-{1:02d}-{2:02d}\nsource: \"مصدر {3}\"\nimage: photo-{0:04d}.png\n"
                    "image_alt: \"صورة الخبر {0}\"\n---\n\nنص الخبر المصور رقم {0}.\n".format(i, 1 + i % 12, 1 + i % 28, i % 5))
    warraq = binary()
    full = run(warraq, archive, out, "empty cache")
    again = run(warraq, archive, out, "cache of the full build")
    cache = os.path.join(archive, ".warraq-cache", "images")
    cache_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(cache) for f in fs)
    lines = [
        "Image work: {} articles, one {}x{} PNG each ({:.0f} MB of pictures)".format(args.count, args.width, args.height, total / 1e6),
        "binary: {}; {} ({} cores); libvips {}".format(os.path.relpath(warraq, REPO), platform.platform(), os.cpu_count(),
                                                      subprocess.run(["pkg-config", "--modversion", "vips"], capture_output=True, text=True).stdout.strip()),
        "",
        "| build | cache | images processed | from cache | images step s | build wall s | files written |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for name, r in (("full build", full), ("rebuild, no change", again)):
        lines.append("| {} | {} | {} | {} | {:.2f} | {:.2f} | {} |".format(name, r["note"], r["processed"], r["cached"], r["step"], r["wall"], r["written"]))
    lines += ["", "cache: {:.1f} MB (a 480 px JPEG thumbnail and a WebP at most 1600 px wide per picture)".format(cache_bytes / 1e6)]
    text = "\n".join(lines) + "\n"
    print(text, end="")
    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(os.path.join(HERE, "results", "images.txt"), "w", encoding="utf-8") as f:
        f.write(text)
    if again["processed"] != 0:
        sys.exit("the rebuild processed {} images: the cache does not hold".format(again["processed"]))


if __name__ == "__main__":
    main()
