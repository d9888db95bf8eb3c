#!/usr/bin/env python3
"""Turns the measurements of Benchmarks/run into one table.

  report.py RESULTS.tsv MACHINE.txt MARKDOWN_OUT

RESULTS.tsv has one line per run: tool, case, exit status, path of the `/usr/bin/time -v` log, path of the
tool's standard output, files modified during the run (found by mtime), bytes of the output folder.
The table goes to standard output (plain text, aligned) and, as Markdown with the machine facts, to
MARKDOWN_OUT.
"""
import re
import sys

HEADERS = ["tool", "case", "wall s", "CPU s", "peak MB", "files written", "output MB", "Hugo/Warraq wall"]
WARRAQ_SUMMARY = re.compile(r"(\d+) articles, (\d+) files(?: \((\d+) rendered\))?: (\d+) written")


def parse_time(path):
    values = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            key, _, value = line.strip().rpartition(": ")
            values[key] = value
    wall = values.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "0")
    seconds = 0.0
    for part in wall.split(":"):
        seconds = seconds * 60 + float(part)
    cpu = float(values.get("User time (seconds)", 0)) + float(values.get("System time (seconds)", 0))
    peak = int(values.get("Maximum resident set size (kbytes)", 0)) / 1024
    return seconds, cpu, peak


def files_written(tool, stdout_path, modified):
    """Warraq's own count (its summary line) when it printed one; otherwise files modified during the run."""
    if tool == "warraq":
        with open(stdout_path, encoding="utf-8", errors="replace") as f:
            match = WARRAQ_SUMMARY.search(f.read())
        if match:
            return int(match.group(4))
    return modified


def main(results_path, machine_path, markdown_path):
    rows = []
    walls = {}
    with open(results_path, encoding="utf-8") as f:
        for line in f:
            tool, case, status, time_log, stdout_path, modified, size = line.rstrip("\n").split("\t")
            wall, cpu, peak = parse_time(time_log)
            written = files_written(tool, stdout_path, int(modified))
            if status == "0":
                walls[(tool, case)] = wall
            note = "" if status == "0" else (" (timed out)" if status == "124" else " (exit %s)" % status)
            rows.append([tool, case + note, "%.2f" % wall, "%.2f" % cpu, "%.0f" % peak, str(written),
                         "%.1f" % (int(size) / 1e6)])
    hugo_ran = any(r[0] == "hugo" for r in rows)
    headers = HEADERS if hugo_ran else HEADERS[:-1]
    if hugo_ran:
        for row in rows:
            case = row[1]
            if row[0] == "hugo" and ("warraq", case) in walls and ("hugo", case) in walls and walls[("warraq", case)] > 0:
                row.append("%.2f" % (walls[("hugo", case)] / walls[("warraq", case)]))
            else:
                row.append("")
    numeric = set(range(2, len(headers)))
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells):
        return "  ".join(c.rjust(w) if i in numeric else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    with open(machine_path, encoding="utf-8") as f:
        machine = f.read().strip()
    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    with open(markdown_path, "w", encoding="utf-8") as f:
        f.write("# Warraq benchmark\n\n")
        for fact in machine.splitlines():
            f.write("- %s\n" % fact)
        f.write("\n| %s |\n" % " | ".join(headers))
        f.write("|%s|\n" % "|".join("---:" if i in numeric else "---" for i in range(len(headers))))
        for row in rows:
            f.write("| %s |\n" % " | ".join(row))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
