// The search page of a Warraq site: Pagefind's JavaScript API (no build step), with the page's own markup.
// The query is folded the way Warraq folds the index's extra copy of every word (Model/ArabicText.swift),
// so إسرائيل, اسرائيل and أسرائيل, or مسئول and مسؤول, find the same articles. A test compares this fold
// with the Swift one (Tests/WarraqTests/Render/SearchFoldTests.swift).
"use strict";

var WARRAQ_FOLD = {
  "\u0622": "\u0627", "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627", // آ أ إ ٱ → ا
  "\u0649": "\u064A", "\u06CC": "\u064A", "\u06D2": "\u064A", "\u06D3": "\u064A", // ى ی ے ۓ → ي
  "\u0624": "\u0621", "\u0626": "\u0621",                                         // ؤ ئ → ء
  "\u0629": "\u0647", "\u06C1": "\u0647", "\u06D5": "\u0647", "\u06C0": "\u0647", // ة ہ ە ۀ → ه
  "\u06A9": "\u0643"                                                              // ک → ك
};
// Tatweel, harakat and Quranic marks, zero-width and bidi controls, controls: never part of a word.
var WARRAQ_DROP = /[\u0640\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u00AD\u061C\u180E\uFEFF\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\uFFFD]/g;
var WARRAQ_COMPOSE = /[\uFB50-\uFDFF\uFE70-\uFEFE\uFF01-\uFF5E\u2000-\u200A\u00A0\u0653-\u0655]/;

function warraqFold(text) {
  if (WARRAQ_COMPOSE.test(text)) text = text.normalize("NFKC");
  text = text.replace(WARRAQ_DROP, "");
  text = text.replace(/[\u0622\u0623\u0625\u0671\u0649\u06CC\u06D2\u06D3\u0624\u0626\u0629\u06C1\u06D5\u06C0\u06A9]/g, function (c) { return WARRAQ_FOLD[c]; });
  text = text.replace(/[\u0660-\u0669]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0x0660 + 48); });
  text = text.replace(/[\u06F0-\u06F9]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0x06F0 + 48); });
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

if (typeof document !== "undefined") (function () {
  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("search-q");
  var sortSelect = document.getElementById("search-sort");
  var filtersBox = document.getElementById("search-filters");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var moreWrap = document.getElementById("search-more-wrap");
  var moreButton = document.getElementById("search-more");
  var labels = { source: "المصدر", tag: "الوسم", year: "السنة", author: "الكاتب", place: "المكان" };
  var order = ["source", "tag", "year", "author", "place"];
  var pageSize = 10, shown = 0, results = [], pagefind = null, run = 0;
  var params = new URLSearchParams(location.search);

  function setStatus(text) { status.textContent = text; }

  // Pagefind's excerpt marks the match with <mark>: only text and <mark> are kept, nothing else is markup.
  function excerptNodes(html, into) {
    var template = document.createElement("template");
    template.innerHTML = html;
    template.content.childNodes.forEach(function walk(node) {
      if (node.nodeType === 3) into.appendChild(document.createTextNode(node.textContent));
      else if (node.nodeName === "MARK") { var m = document.createElement("mark"); m.textContent = node.textContent; into.appendChild(m); }
      else if (node.childNodes) node.childNodes.forEach(walk);
    });
  }

  function selectedFilters() {
    var filters = {};
    filtersBox.querySelectorAll("select").forEach(function (select) {
      if (select.value) filters[select.name] = select.value;
    });
    return filters;
  }

  function buildFilters(available) {
    order.forEach(function (name) {
      var values = available[name];
      if (!values || Object.keys(values).length === 0) return;
      var id = "search-filter-" + name;
      var p = document.createElement("p");
      var label = document.createElement("label");
      label.htmlFor = id; label.textContent = labels[name];
      var select = document.createElement("select");
      select.id = id; select.name = name;
      var all = document.createElement("option");
      all.value = ""; all.textContent = "الكل";
      select.appendChild(all);
      var names = Object.keys(values);
      names.sort(name === "year" ? function (a, b) { return b.localeCompare(a); } : function (a, b) { return values[b] - values[a] || a.localeCompare(b, "ar"); });
      names.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value; option.textContent = value + " (" + values[value] + ")";
        if (params.get(name) === value) option.selected = true;
        select.appendChild(option);
      });
      select.addEventListener("change", search);
      p.appendChild(label); p.appendChild(select);
      filtersBox.appendChild(p);
    });
  }

  async function showMore() {
    var mine = run;
    var slice = results.slice(shown, shown + pageSize);
    var data = await Promise.all(slice.map(function (r) { return r.data(); }));
    if (mine !== run) return;
    data.forEach(function (item) {
      var li = document.createElement("li");
      li.className = "search-result";
      var h = document.createElement("h2");
      var a = document.createElement("a");
      a.href = item.url; a.textContent = (item.meta && item.meta.title) || item.url; a.dir = "auto";
      h.appendChild(a); li.appendChild(h);
      var facts = [item.meta && item.meta.source, item.meta && item.meta.date].filter(Boolean);
      if (facts.length) { var meta = document.createElement("p"); meta.className = "search-meta"; meta.textContent = facts.join(" · "); li.appendChild(meta); }
      var excerpt = document.createElement("p");
      excerpt.className = "search-excerpt";
      excerptNodes(item.excerpt || "", excerpt);
      li.appendChild(excerpt);
      list.appendChild(li);
    });
    shown += slice.length;
    moreWrap.hidden = shown >= results.length;
  }

  async function search(event) {
    if (event) event.preventDefault();
    var mine = ++run;
    var query = warraqFold(input.value);
    var filters = selectedFilters();
    var url = new URL(location.href);
    url.search = "";
    if (input.value.trim()) url.searchParams.set("q", input.value.trim());
    Object.keys(filters).forEach(function (k) { url.searchParams.set(k, filters[k]); });
    if (sortSelect.value) url.searchParams.set("sort", sortSelect.value);
    history.replaceState(null, "", url);
    list.textContent = ""; shown = 0; results = []; moreWrap.hidden = true;
    if (!query && Object.keys(filters).length === 0) { setStatus(""); return; }
    if (!pagefind) { setStatus("فهرس البحث غير متاح."); return; }
    setStatus("جارٍ البحث…");
    var options = { filters: filters };
    if (sortSelect.value) options.sort = { date: sortSelect.value };
    var found = await pagefind.search(query || null, options);
    // The query as written too, when folding changed it: its excerpts mark the words as the text spells
    // them, where the folded query's mark the index's folded copy. Same page, best score of the two.
    var written = input.value.replace(WARRAQ_DROP, "").trim();
    if (query && written !== query && !options.sort) {
      var asWritten = await pagefind.search(written, options);
      var byId = {};
      found.results.forEach(function (r) { byId[r.id] = r; });
      asWritten.results.forEach(function (r) {
        var other = byId[r.id];
        if (other && other.score > r.score) r.score = other.score;
        byId[r.id] = r;
      });
      found = { results: Object.keys(byId).map(function (k) { return byId[k]; }).sort(function (a, b) { return b.score - a.score; }) };
    }
    if (mine !== run) return;
    results = found.results;
    // Announced once the first results are on the page, not before.
    await showMore();
    if (mine !== run) return;
    setStatus(results.length === 0 ? "لا نتائج." : "عدد النتائج: " + results.length);
  }

  form.addEventListener("submit", search);
  moreButton.addEventListener("click", showMore);
  input.value = params.get("q") || "";
  sortSelect.value = params.get("sort") || "";

  (async function () {
    try {
      pagefind = await import(form.dataset.bundle + "pagefind.js");
      await pagefind.options({ baseUrl: "/", excerptLength: 30 });
      await pagefind.init();
      buildFilters(await pagefind.filters());
    } catch (error) {
      pagefind = null;
    }
    form.dataset.ready = "true";
    if (input.value || Object.keys(selectedFilters()).length) await search();
  })();
})();
