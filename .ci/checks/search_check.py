"""The search check (issue 18): Arabic queries typed into the gen site's search page in headless Chromium.

- "اسرائيل" (no hamza) finds the article that writes "إسرائيل", and "مسئول" the one that writes "مسؤول";
- a query taken from a title returns that article first;
- the source filter (المصدر) narrows the results, each shown result then from that source;
- the top results are article pages (never a tag, listing or index page);
- the header's search box, typed into and sent with Enter, lands on the search page with results.
"""
import collections
import json
import os
import re
import time
import urllib.parse

ARTICLE_PATH = re.compile(r"^(\d{4}/\d{2}/[^/]+|articles/[^/]+)/$")


def wait_for_results(driver, timeout=20):
    """Waits until the page has answered (a count, or no results), and returns what it shows."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        state = driver.execute_script("""
            const form = document.getElementById('search-form');
            const status = document.getElementById('search-status').textContent;
            return {ready: form && form.dataset.ready === 'true', status: status,
                    results: [...document.querySelectorAll('#search-results li')].map(li => ({
                        href: li.querySelector('h2 a').getAttribute('href'),
                        title: li.querySelector('h2 a').textContent,
                        meta: (li.querySelector('.search-meta') || {}).textContent || '',
                        marks: [...li.querySelectorAll('.search-excerpt mark')].map(m => m.textContent)}))};""")
        if state["ready"] and (state["status"].startswith("عدد النتائج") or state["status"] == "لا نتائج."):
            m = re.search(r"(\d+)", state["status"])
            state["count"] = int(m[1]) if m else 0
            if len(state["results"]) >= min(state["count"], 10):
                return state
        time.sleep(0.1)
    raise TimeoutError("no answer from the search page: {!r}".format(state))


def type_query(driver, site, query):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    driver.get(site.url("search/"))
    driver.execute_async_script("""const done = arguments[arguments.length - 1];
        const poll = () => document.getElementById('search-form').dataset.ready === 'true' ? done(1) : setTimeout(poll, 50); poll();""")
    box = driver.find_element(By.ID, "search-q")
    box.clear()
    box.send_keys(query)
    box.send_keys(Keys.ENTER)
    return wait_for_results(driver)


def rel(site, href):
    path = urllib.parse.unquote(urllib.parse.urlsplit(href).path)
    prefix = urllib.parse.urlsplit(site.base).path
    return path[len(prefix):] if path.startswith(prefix) else None


def page_text(site, href):
    path = site.path_of(urllib.parse.urljoin(site.base, href))
    return open(path, encoding="utf-8").read() if path and os.path.isfile(path) else ""


def common_word(site):
    """A word most articles' bodies have but not all: a query with results from several sources."""
    counts, pages = collections.Counter(), 0
    for path in site.files(r"index\.html"):
        r = site.rel(os.path.dirname(path)) + "/"
        if not ARTICLE_PATH.match(r):
            continue
        html = open(path, encoding="utf-8").read()
        body = re.search(r'class="article-body"[^>]*>(.*?)</div>', html, re.S)
        words = set(re.findall(r"[\u0621-\u064A]{5,}", re.sub(r"<[^>]+>", " ", body[1] if body else "")))
        counts.update(words)
        pages += 1
    fitting = [w for w, n in counts.most_common() if 0.2 * pages <= n <= 0.6 * pages]
    return fitting[0] if fitting else counts.most_common(1)[0][0]


def check_search(driver, site, report):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select
    meta = json.load(open(os.path.join(site.archive, ".checks.json"), encoding="utf-8"))
    problems, notes = [], []

    def top_are_articles(label, state):
        for item in state["results"][:5]:
            r = rel(site, item["href"])
            if r is None or not ARTICLE_PATH.match(r):
                problems.append("{}: result {} is not an article page".format(label, item["href"]))

    # Spelling: the hamza article, found without the hamza.
    for query, written in (("اسرائيل", "إسرائيل"), ("مسئول", "مسؤول")):
        state = type_query(driver, site, query)
        hrefs = [r["href"] for r in state["results"]]
        hit = [h for h in hrefs if rel(site, h) and rel(site, h).rstrip("/").endswith("/" + meta["hamza_slug"])]
        if not hit:
            problems.append("{!r}: the article writing {!r} is not among {} results".format(query, written, state["count"]))
        elif written not in page_text(site, hit[0]):
            problems.append("{!r}: {} does not contain {!r}".format(query, hit[0], written))
        top_are_articles(query, state)
        notes.append("{} → {} results (#{} the {} article)".format(query, state["count"], hrefs.index(hit[0]) + 1 if hit else "-", written))

    # A title, whole: its article first.
    title = meta["showcase_title"]
    state = type_query(driver, site, title)
    first = rel(site, state["results"][0]["href"]) if state["results"] else None
    if not first or not first.rstrip("/").endswith("/" + meta["showcase_slug"]):
        problems.append("title query: first result is {}, not {}".format(first, meta["showcase_slug"]))
    top_are_articles("title", state)
    notes.append("title → {} first of {}".format(first, state["count"]))

    # The source filter narrows a common word's results to that source.
    word = common_word(site)
    state = type_query(driver, site, word)
    before = state["count"]
    top_are_articles(word, state)
    select = Select(driver.find_element(By.ID, "search-filter-source"))
    label = driver.find_element(By.CSS_SELECTOR, "label[for=search-filter-source]").text
    option = select.options[1]
    source = option.get_attribute("value")
    select.select_by_index(1)
    narrowed = wait_for_results(driver)
    deadline = time.time() + 10
    while narrowed["count"] == before and time.time() < deadline:
        time.sleep(0.1)
        narrowed = wait_for_results(driver)
    if not 0 < narrowed["count"] < before:
        problems.append("source filter {!r}: {} results, was {}".format(source, narrowed["count"], before))
    wrong = [r["href"] for r in narrowed["results"] if source not in r["meta"]]
    if wrong:
        problems.append("source filter {!r}: results from other sources: {}".format(source, wrong[:3]))
    if label != "المصدر":
        problems.append("the source filter is labelled {!r}".format(label))
    notes.append("{} → {}, with {}={} → {}".format(word, before, label, source, narrowed["count"]))

    # The header's box, by keyboard, from the front page.
    driver.get(site.base)
    box = driver.find_element(By.ID, "site-search-q")
    box.send_keys("اسرائيل")
    box.send_keys(Keys.ENTER)
    state = wait_for_results(driver)
    if not driver.current_url.startswith(site.url("search/")) or state["count"] == 0:
        problems.append("header box: {} with {} results".format(driver.current_url, state["count"]))

    detail = "; ".join(notes)
    report("search", not problems, ("{} problems: {} ({})".format(len(problems), " | ".join(problems[:4]), detail)
                                     if problems else detail))
