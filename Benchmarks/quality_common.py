"""What the quality benchmarks share: reading an archive's Markdown files and a built site's article pages,
mapping one to the other, Arabic folding, word shingles and near-copies, and the exact TF-IDF reference.

Only the archive and site layout are read (front matter, `YYYY/MM/<slug>/index.html`, the read-also
blocks, JSON-LD), never Warraq's internals, so a new build is measured the same way as an old one.
"""
import datetime
import html as htmllib
import json
import os
import re
import sys
import unicodedata
import urllib.parse

import yaml

try:
    YAMLLoader = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml
    YAMLLoader = yaml.SafeLoader

# --- Arabic folding, as the generator's identity key (Model/ArabicText.swift) -----------------------------

_FOLD = {}
for _c in "\u0622\u0623\u0625\u0671":  # آ أ إ ٱ
    _FOLD[ord(_c)] = "\u0627"
for _c in "\u0649\u06CC":  # ى ی
    _FOLD[ord(_c)] = "\u064A"
for _c in "\u0629\u06C1\u06D5\u06C0":  # ة ہ ە ۀ
    _FOLD[ord(_c)] = "\u0647"
_FOLD[0x06A9] = "\u0643"  # ک
for _d in range(10):
    _FOLD[0x0660 + _d] = str(_d)
    _FOLD[0x06F0 + _d] = str(_d)
_DROP = [0x0640, 0x00AD, 0x061C, 0x180E, 0xFEFF]  # tatweel, invisible controls
_DROP += list(range(0x200B, 0x2010)) + list(range(0x202A, 0x202F)) + list(range(0x2060, 0x2065)) + list(range(0x2066, 0x206A))
# harakat, superscript alef, Quranic marks
_DROP += list(range(0x0610, 0x061B)) + list(range(0x064B, 0x0660)) + [0x0670]
_DROP += list(range(0x06D6, 0x06DD)) + list(range(0x06DF, 0x06E9)) + list(range(0x06EA, 0x06EE))
for _c in _DROP:
    _FOLD[_c] = None
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+")


def fold(text):
    """NFKC, harakat/tatweel/invisibles removed, alef forms → ا, ى ی → ي, ة → ه, ک → ك, digits ASCII,
    lowercase, white space collapsed: the generator's identity fold."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD).lower()
    return _SPACES.sub(" ", text).strip()


def words(folded):
    return _WORD.findall(folded)


# --- the archive -------------------------------------------------------------------------------------------

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


class ArchiveArticle:
    __slots__ = ("path", "slug", "title", "date", "body", "tags", "auto_tags", "source", "original_url", "draft")

    def __init__(self, path, meta, body):
        self.path = path
        stem = os.path.splitext(os.path.basename(path))[0]
        self.slug = str(meta.get("slug") or stem)
        self.title = str(meta.get("title") or "")
        self.date = parse_date(meta.get("date"))
        self.body = body
        self.tags = string_list(meta.get("tags"))
        self.auto_tags = string_list(meta.get("auto_tags"))
        self.source = str(meta.get("source") or "")
        self.original_url = str(meta.get("original_url") or "")
        self.draft = bool(meta.get("draft"))

    def day(self):
        return self.date.date().isoformat() if self.date else ""

    def lead(self, limit):
        return shorten(" ".join(self.body.split()), limit)


def string_list(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [t.strip() for t in re.split(r"[,،]", value) if t.strip()]
    if isinstance(value, list):
        return [str(t).strip() for t in value if str(t).strip()]
    return [str(value)]


def parse_date(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    text = str(value).strip()
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def same_instant(a, b):
    if a is None or b is None:
        return a is b
    if (a.tzinfo is None) != (b.tzinfo is None):  # a zone-less date: compare wall clocks
        return a.replace(tzinfo=None) == b.replace(tzinfo=None)
    return a == b


def read_markdown(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    meta, body = {}, text
    if text.startswith("---"):
        end = re.search(r"^---[ \t]*$", text[3:], re.M)
        if end:
            try:
                meta = yaml.load(text[3:3 + end.start()], Loader=YAMLLoader) or {}
            except yaml.YAMLError as error:
                print("%s: warning: front matter not read: %s" % (path, str(error).splitlines()[0]), file=sys.stderr)
                meta = {}
            body = text[3 + end.end():]
    if not isinstance(meta, dict):
        meta = {}
    # The importer escapes Markdown punctuation; the text is what a reader sees.
    return meta, _ESCAPE.sub(r"\1", body).strip()


def read_archive(root):
    """Every Markdown article of the archive, in path order (hidden and `_` files skipped, like the build)."""
    articles = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        for name in sorted(files):
            if name.startswith((".", "_")) or not name.endswith((".md", ".markdown")):
                continue
            path = os.path.join(folder, name)
            meta, body = read_markdown(path)
            articles.append(ArchiveArticle(os.path.relpath(path, root), meta, body))
    return articles


# --- the site ----------------------------------------------------------------------------------------------

ARTICLE_FOLDER = re.compile(r"^(\d{4}/\d{2}|articles)/[^/]+$")
_HREF = re.compile(r'href="([^"]+)"')
_CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)"')
_JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
_H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
_TIME = re.compile(r'<time datetime="([^"]+)"')
_TAG = re.compile(r"<[^>]+>")
# The "نُشر أيضاً في" block: any element whose class holds also-published, to its closing tag.
_ALSO = re.compile(r'<(\w+)\b[^>]*\bclass="[^"]*\balso-published\b[^"]*".*?</\1>', re.S)


class SitePage:
    __slots__ = ("folder", "canonical", "title", "date", "featured", "similar", "unlinked", "also_published",
                 "has_also_published")

    def __init__(self, folder, html):
        self.folder = folder
        canonical = _CANONICAL.search(html)
        self.canonical = htmllib.unescape(canonical.group(1)) if canonical else ""
        self.title, self.date = "", None
        ld = _JSONLD.search(html)
        if ld:
            try:
                data = json.loads(ld.group(1))
                self.title = data.get("headline", "")
                self.date = parse_date(data.get("datePublished"))
            except ValueError:
                pass
        if not self.title:
            h1 = _H1.search(html)
            self.title = htmllib.unescape(_TAG.sub("", h1.group(1))).strip() if h1 else ""
        if self.date is None:
            header = html.split("</header>", 2)
            time = _TIME.search(header[1] if len(header) > 2 else html)
            self.date = parse_date(time.group(1)) if time else None
        also = _ALSO.search(html)
        self.has_also_published = also is not None
        self.also_published = [htmllib.unescape(h) for h in _HREF.findall(also.group(0))] if also else []
        if also:  # wherever the block sits, its links are not read-also items
            html = html[:also.start()] + html[also.end():]
        aside = re.search(r'<aside class="read-also".*?</aside>', html, re.S)
        first = _HREF.search(aside.group(0)) if aside else None
        self.featured = htmllib.unescape(first.group(1)) if first else None
        nav = re.search(r'<nav class="similar".*?</nav>', html, re.S)
        block = nav.group(0) if nav else ""
        self.similar = [htmllib.unescape(h) for h in _HREF.findall(block)]
        self.unlinked = block.count('class="unlinked"')

    def url(self):
        return self.canonical or ("/" + self.folder + "/")


def read_site(root):
    pages = []
    for folder, dirs, files in os.walk(root):
        dirs.sort()
        relative = os.path.relpath(folder, root).replace(os.sep, "/")
        if "index.html" not in files or not ARTICLE_FOLDER.match(relative):
            continue
        with open(os.path.join(folder, "index.html"), encoding="utf-8") as f:
            pages.append(SitePage(relative, f.read()))
    pages.sort(key=lambda p: p.folder)
    return pages


def site_folder_of_link(page, href, base_path):
    """The site folder (`2015/07/slug`) a link on `page` points at, or None when it leaves the site."""
    absolute = urllib.parse.urljoin(page.url(), href)
    path = urllib.parse.unquote(urllib.parse.urlparse(absolute).path)
    if base_path and path.startswith(base_path):
        path = path[len(base_path):]
    return path.strip("/")


def base_path_of(pages):
    """The path part of the site's base URL, from a canonical URL that ends in its page's folder."""
    for page in pages:
        if not page.canonical:
            continue
        path = urllib.parse.unquote(urllib.parse.urlparse(page.canonical).path)
        suffix = "/" + page.folder + "/"
        if path.endswith(suffix):
            return path[: len(path) - len(suffix)] + "/"
    return "/"


class Mapping:
    """Pages ↔ archive files. A page's folder ends in the file's slug (file name or front matter `slug`);
    the pair is kept only when the page's headline and date are the file's. Pages the build renamed (a slug
    used twice gets `-2`) are then matched by folded title and the same instant, when that is unique."""

    def __init__(self, articles, pages):
        self.file_of_page = {}
        self.page_of_file = {}
        by_slug = {}
        for index, article in enumerate(articles):
            if not article.draft:
                by_slug.setdefault(article.slug, []).append(index)
        self.by_slug = self.by_title_date = 0
        self.title_mismatch = []
        left = []
        for p, page in enumerate(pages):
            slug = page.folder.rsplit("/", 1)[-1]
            found = [i for i in by_slug.get(slug, []) if i not in self.page_of_file and self._agrees(articles[i], page)]
            if len(found) == 1:
                self._pair(p, found[0])
                self.by_slug += 1
            else:
                if by_slug.get(slug):
                    self.title_mismatch.append(page.folder)
                left.append(p)
        by_key = {}
        for index, article in enumerate(articles):
            if index not in self.page_of_file and not article.draft:
                by_key.setdefault(fold(article.title), []).append(index)
        self.unmapped_pages = []
        for p in left:
            page = pages[p]
            found = [i for i in by_key.get(fold(page.title), []) if i not in self.page_of_file and same_instant(articles[i].date, page.date)]
            if len(found) == 1:
                self._pair(p, found[0])
                self.by_title_date += 1
            else:
                self.unmapped_pages.append(page.folder)
        self.unmapped_files = [a.path for i, a in enumerate(articles) if i not in self.page_of_file and not a.draft]
        self.folder_to_page = {page.folder: p for p, page in enumerate(pages)}

    @staticmethod
    def _agrees(article, page):
        return fold(article.title) == fold(page.title) and same_instant(article.date, page.date)

    def _pair(self, page, file):
        self.file_of_page[page] = file
        self.page_of_file[file] = page

    def file_of_link(self, page, href, base_path):
        folder = site_folder_of_link(page, href, base_path)
        p = self.folder_to_page.get(folder)
        return None if p is None else self.file_of_page.get(p)

    def summary(self, pages, articles):
        return ("%d article pages, %d Markdown files; mapped %d (%d by slug + headline + date, %d by headline + date); "
                "%d pages not mapped, %d files without a page"
                % (len(pages), len(articles), len(self.file_of_page), self.by_slug, self.by_title_date,
                   len(self.unmapped_pages), len(self.unmapped_files)))


def load(archive_root, site_root):
    articles = read_archive(archive_root)
    pages = read_site(site_root)
    mapping = Mapping(articles, pages)
    base = base_path_of(pages)
    return articles, pages, mapping, base


def items_of_page(page, mapping, base, count=6):
    """The page's read-also items in order (featured, then similar), as archive indexes (None: a link that
    is not an article page the mapping knows), and whether the list is full (featured + 5 similar)."""
    links = ([page.featured] if page.featured else []) + page.similar
    items = [mapping.file_of_link(page, href, base) for href in links[:count]]
    full = page.featured is not None and len(page.similar) >= count - 1
    return items, full


# --- shingles, near-copies, the reference ------------------------------------------------------------------

SHINGLE = 5
NEAR = 0.5


class NearCopies:
    """Word 5-shingle containment |A∩B| / min(|A|, |B|) over the folded bodies, exact, for all pairs that
    share a shingle (a sparse product: no pass over all pairs). A text shorter than 5 words is one shingle."""

    def __init__(self, bodies):
        import numpy as np
        import scipy.sparse as sp
        vocabulary = {}
        rows, cols = [], []
        self.sizes = np.zeros(len(bodies), dtype=np.int64)
        for i, body in enumerate(bodies):
            w = words(fold(body))
            if not w:
                continue
            shingles = {" ".join(w[k:k + SHINGLE]) for k in range(max(1, len(w) - SHINGLE + 1))}
            self.sizes[i] = len(shingles)
            for s in shingles:
                rows.append(i)
                cols.append(vocabulary.setdefault(s, len(vocabulary)))
        m = sp.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(len(bodies), max(1, len(vocabulary))))
        shared = np.asarray((m > 0).sum(axis=0)).ravel() > 1
        m = m[:, np.flatnonzero(shared)].tocsr()
        inter = (m @ m.T).tocoo()
        self.near = [set() for _ in bodies]
        self.score = {}
        for i, j, v in zip(inter.row, inter.col, inter.data):
            if i == j:
                continue
            c = v / max(1, min(self.sizes[i], self.sizes[j]))
            if c >= NEAR:
                self.near[i].add(int(j))
                self.score[(int(i), int(j))] = float(c)

    def is_copy(self, i, j):
        return j in self.near[i]


def one_story_twice(items, near, folded_titles):
    """Two items of one list that are one story: near-copies of each other or the same folded title."""
    known = [i for i in items if i is not None]
    for a in range(len(known)):
        for b in range(a + 1, len(known)):
            x, y = known[a], known[b]
            if x == y or near.is_copy(x, y) or (folded_titles[x] and folded_titles[x] == folded_titles[y]):
                return True
    return False


class Reference:
    """The exact reference: scikit-learn TfidfVectorizer over folded title + whole body (default word
    tokens of 2+ letters, no stop words, no stemming, sublinear_tf=True, L2 norm), brute-force cosine
    against every other article, the article itself and its near-copies removed, ties to the lower index."""

    DESCRIPTION = ("TfidfVectorizer(sublinear_tf=True, defaults otherwise) over fold(title + body), "
                   "brute-force cosine, self and near-copies of the query (5-shingle containment >= 0.5) removed")

    def __init__(self, articles, indexes, near, depth=10, keep_copies=False):
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer
        self.indexes = list(indexes)
        position = {a: k for k, a in enumerate(self.indexes)}
        docs = [fold(articles[a].title + "\n" + articles[a].body) for a in self.indexes]
        matrix = TfidfVectorizer(sublinear_tf=True, lowercase=False).fit_transform(docs).astype(np.float32).tocsr()
        self.ranking = {}
        chunk = 512
        n = len(self.indexes)
        for start in range(0, n, chunk):
            scores = (matrix[start:start + chunk] @ matrix.T).toarray()
            for row in range(scores.shape[0]):
                k = start + row
                query = self.indexes[k]
                excluded = {k} | ({position[j] for j in near.near[query] if j in position} if not keep_copies else set())
                want = min(n, depth + len(excluded) + 40)
                s = scores[row]
                top = np.argpartition(-s, want - 1)[:want] if want < n else np.arange(n)
                top = sorted(top.tolist(), key=lambda t: (-s[t], t))
                ranked = [self.indexes[t] for t in top if t not in excluded]
                self.ranking[query] = ranked[:max(depth, 40)]
        self.depth = depth

    def top(self, article, count=None):
        return self.ranking.get(article, [])[: count or self.depth]

    def once(self, article, count, near, folded_titles):
        """The reference with one story once: greedy down its ranking, skipping copies of what it holds."""
        chosen = []
        for x in self.top(article, 40):
            if not one_story_twice(chosen + [x], near, folded_titles):
                chosen.append(x)
            if len(chosen) == count:
                break
        return chosen


def shorten(text, limit):
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space > 0 else cut) + "…"
