#!/usr/bin/env python3
"""Checks the read-also blocks of a built site: every article page should have a featured article and
the configured number of similar links, each pointing at a page the build wrote.

  readalso.py SITE_FOLDER

Article pages are the index.html files at YYYY/MM/<slug>/. Prints one summary line; exits 1 when any
link is broken or any article page has no featured article.
"""
import os
import re
import sys
import urllib.parse

HREF = re.compile(r'href="([^"]+)"')
ARTICLE = re.compile(r"^\d{4}/\d{2}/[^/]+$")


def main(root):
    pages = featured = broken = 0
    similar = {}
    for folder, _, files in os.walk(root):
        relative = os.path.relpath(folder, root)
        if "index.html" not in files or not ARTICLE.match(relative):
            continue
        with open(os.path.join(folder, "index.html"), encoding="utf-8") as f:
            html = f.read()
        pages += 1
        links = []
        aside = re.search(r'<aside class="read-also".*?</aside>', html, re.S)
        first = HREF.search(aside.group(0)) if aside else None
        if first:
            featured += 1
            links.append(first.group(1))
        nav = re.search(r'<nav class="similar".*?</nav>', html, re.S)
        found = HREF.findall(nav.group(0)) if nav else []
        similar[len(found)] = similar.get(len(found), 0) + 1
        for link in links + found:
            path = urllib.parse.unquote(urllib.parse.urlparse(link).path).strip("/")
            if not os.path.exists(os.path.join(root, path, "index.html")):
                broken += 1
    counts = ", ".join("%d with %d" % (n, k) for k, n in sorted(similar.items()))
    print("%d article pages: %d with a featured article; similar links: %s; %d broken links" % (pages, featured, counts, broken))
    return 1 if broken or featured < pages else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
