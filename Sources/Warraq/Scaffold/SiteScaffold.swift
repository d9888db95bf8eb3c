import Foundation

/// The archive `warraq new site` writes: a `site.yml` with every key Warraq reads and what it does, one
/// sample article, and empty `templates/` and `static/` folders that `_README.md` explains. It builds
/// as it is, without a warning.
public struct SiteScaffold: Sendable {
    public let folder: URL
    /// The folder as the user named it, for messages.
    public let display: String
    /// The sample article's date.
    public var now = Date()

    public init(folder: URL, display: String? = nil) {
        self.folder = folder
        self.display = display ?? folder.path
    }

    /// Writes the archive and returns the paths written, inside it. Refuses a folder that holds anything,
    /// hidden files included: Warraq never writes over files it did not write.
    @discardableResult
    public func write() throws(ScaffoldError) -> [String] {
        let files = FileManager.default
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw ScaffoldError(path: display, "exists and is not a folder; nothing was written") }
            guard (try? files.contentsOfDirectory(atPath: folder.path))?.isEmpty == true else {
                throw ScaffoldError(path: display, "is not empty; nothing was written (give a new or empty folder)")
            }
        }
        var written: [String] = []
        do {
            for name in ["templates", "static"] {
                try files.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
                // Hidden, so neither the theme nor the copied static files see it; git keeps the empty folder.
                try Data().write(to: folder.appendingPathComponent("\(name)/.gitkeep"))
                written.append("\(name)/")
            }
            try Data(Self.siteYAML.utf8).write(to: folder.appendingPathComponent("site.yml"))
            written.append("site.yml")
            try Data(Self.readme.utf8).write(to: folder.appendingPathComponent("_README.md"))
            written.append("_README.md")
        } catch {
            throw ScaffoldError(path: display, "cannot be written: \(error.localizedDescription)")
        }
        var sample = NewArticle(title: "أهلاً بك في أرشيفك الجديد", date: now, tags: ["ورّاق", "دليل"])
        sample.draft = false
        sample.body = Self.sampleBody
        // Dated in the zone the new site.yml names, as `new article` would.
        let zone = (try? SiteConfigReader(path: folder.appendingPathComponent("site.yml").path).read().config.timeZone) ?? TimeZone(identifier: "UTC")!
        written.append(try sample.write(into: folder, archiveDisplay: display, zone: zone))
        return written
    }

    static let siteYAML = """
    # The site's settings. Every key is optional: without it, the value shown here is used.
    # An unknown key is a warning (a typo would otherwise go unnoticed); a wrong value stops the build.

    # The site's name, in page titles, the header and the feeds.
    title: أرشيفي الإخباري
    # One sentence about the site: the front page's meta description and the feeds' description.
    description: أرشيف أخبار يبنيه ورّاق.
    # Where the site will be published (may carry a path: https://example.org/archive/). Canonical links,
    # feeds and sitemaps are absolute, so set it before publishing. `warraq build --base-url` overrides it;
    # `warraq serve` uses its own address. (Hugo's baseURL is read too.)
    base_url: https://example.org/
    # The pages' language (<html lang>).
    language: ar
    # The writing direction: rtl or ltr.
    direction: rtl
    # Articles per page of the front page, tag, source, author and date listings. (Also: paginate.)
    page_size: 20
    # The zone of dates written without one (2023-09-22), and of the dates pages show: a name such as
    # Asia/Riyadh, Africa/Cairo or Asia/Beirut. (Also: timezone.)
    time_zone: UTC
    # Digits in dates and counts: latn (22 سبتمبر 2023) or arab (٢٢ سبتمبر ٢٠٢٣). (Also: digits.)
    date_digits: latn
    # Month names: gregorian (سبتمبر) or levantine (أيلول).
    month_names: gregorian
    # The calendars an article's date is shown in: [gregorian], or [gregorian, hijri] to add the Umm al-Qura
    # date (الجمعة 22 سبتمبر 2023 - 7 ربيع الأول 1445 هـ).
    calendars: [gregorian]

    # A Pagefind index of the articles and a search page at /search/: on whenever Pagefind is installed
    # (pip install 'pagefind[extended]'); false turns it off. The index holds the first search_words words
    # of each text (0: all of it): the indexer's memory grows with what it holds.
    # search: true
    search_words: 400

    # How article bodies are rendered (libcmark).
    markdown:
      # Raw HTML in article bodies is left out unless this is true: turn it on only for trusted writers.
      unsafe: false
      # Curly quotes from straight ones; off, because they read wrongly in Arabic.
      smart_quotes: false

    # "إقرأ أيضاً" and "مقالات مشابهة" under each article:
    # score = (tag_weight × shared tags + text_weight × text similarity) × time factor.
    read_also:
      # How many similar articles besides the featured one.
      similar: 6
      # How much closeness in time counts: 0 not at all, 1 an article far in time scores nothing.
      time_weight: 0.35
      # After how many days apart the time factor has halved.
      half_life_days: 30
      # The most shared tags can add to a text similarity of 0 to 1 (rare tags count most; a tag only
      # one article has counts for nothing; automatic tags 0.3 of an editor's).
      tag_weight: 0.2
      # The weight of text similarity (TF-IDF over every word of both articles, like "more like this").
      text_weight: 1

    # The RSS and Atom feeds.
    feeds:
      # Articles in each RSS and Atom feed (the site's and every tag's, source's and author's).
      items: 20
      # Whole article bodies in the feeds, or only their summaries.
      full_content: false
      # The feeds of each tag, source, author and place: [rss], [atom], [rss, atom] or [] for none.
      # The site's own feed is always RSS (/index.xml) and Atom (/atom.xml).
      terms: [rss]
      # A term gets its feeds only from this many articles.
      min_articles: 1

    # The lists an article is filed under: field is tags, source or author; title names the index page,
    # singular one term, segment the folder in addresses (/tags/غزة/). Leave one out and it has no pages.
    taxonomies:
      - {field: tags, title: الوسوم, singular: وسم, segment: tags}
      - {field: source, title: المصادر, singular: المصدر, segment: sources}
      - {field: author, title: الكتّاب, singular: الكاتب, segment: authors}

    """

    static let readme = """
    # This archive

    Warraq skips this file: names starting with `_` are not articles.

    - `site.yml`: the site's settings, each key explained where it stands.
    - Articles: Markdown files (`.md`) with front matter, in any folder; `warraq new article "العنوان"`
      starts one at `YYYY/MM/<slug>.md`, as a draft (`draft: true`) until you remove that line.
      Scraped pages (`.txt`) are read too.
    - `templates/`: your own versions of the default theme's templates, by the same names: `base.mustache`
      (the layout every page shares), `article.mustache`, `list.mustache` (front page, tag and date
      listings), `terms.mustache` (tag, source and author indexes), `404.mustache`, and the partials
      `article-item.mustache` and `pagination.mustache`; `warraq.css` replaces the stylesheet. Copy one
      from Warraq's `Templates/theme/` and change it; a template that does not parse stops the build with
      its file and line. Empty: the default theme is used as it is.
    - `static/`: copied into the site as it is (`static/images/logo.png` → `/images/logo.png`): images,
      icons, `CNAME`, `_headers`.

    `warraq check` reports every problem without writing anything; `warraq serve` previews the site at
    http://127.0.0.1:1313/; `warraq build` writes it into `Public/`.

    """

    static let sampleBody = """
    هذا مقال تجريبي كتبه ورّاق حين أنشأ الأرشيف. احذفه أو عدّله، ثم اكتب مقالاتك بصيغة **Markdown**.

    ## ما في رأس المقال

    بين سطري `---` في أول الملف: العنوان (`title`) والتاريخ (`date`) والوسوم (`tags`)، ويمكن أن تضيف المصدر
    (`source`) والكاتب (`author`) والملخص (`summary`) وروابط «إقرأ أيضاً» (`read_also`).

    ## مقال جديد

    يكتب الأمر `warraq new article "العنوان"` مقالاً جديداً في مجلد شهره، مسودةً لا تُنشر حتى تحذف السطر
    `draft: true`، أو تعرضها المعاينة `warraq serve --drafts`.

    """
}
