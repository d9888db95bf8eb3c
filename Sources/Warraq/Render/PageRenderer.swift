import Foundation
import Templates

/// Renders one planned page to the bytes of its file. Everything shared between pages (the site's own
/// context, each article's summary, each term's link) is built once, so rendering is a lookup and a
/// template run per page, and pages can be rendered on every core at once.
public final class PageRenderer: @unchecked Sendable {
    let plan: SitePlan
    let theme: Theme
    let archiveFolder: URL
    let links: SiteLinks
    let dates: ArabicDateFormat
    let siteContext: [String: Any]
    /// The context of each article in lists and read-also links.
    let summaries: [[String: Any]]
    /// `termLinks[taxonomy][term]`: `name`, `url` and `count` of every term.
    let termLinks: [[[String: Any]]]
    /// Fingerprints of what pages are made of (see PageFingerprint).
    let site: StableHash
    let articleHashes: [StableHash]
    let summaryHashes: [StableHash]
    let termHashes: [[StableHash]]

    public init(plan: SitePlan, theme: Theme, archiveFolder: URL) {
        self.plan = plan
        self.theme = theme
        self.archiveFolder = archiveFolder
        links = SiteLinks(base: plan.config.baseURL)
        dates = ArabicDateFormat(plan.config)
        let links = self.links
        let dates = self.dates
        let config = plan.config
        var shared: [String: Any] = [
            "title": config.title,
            "language": config.language,
            "direction": config.direction,
            "home": links.folder([]),
            "stylesheet": links.file(["assets", "warraq.css"]),
            "feed": links.file(["index.xml"]),
            "atom": links.file(["atom.xml"]),
            "sitemap": links.file(["sitemap.xml"]),
            "tags": links.folder([plan.tags?.config.segment ?? "tags"]),
            "sections": plan.taxonomies.map { ["title": $0.config.title, "url": links.folder([$0.config.segment])] }
                + (plan.dateArchive.years.isEmpty ? [] : [["title": "الأرشيف", "url": links.folder([SitePlanner.archiveFolder])]]),
        ]
        if config.search == true { shared["search"] = links.folder(["search"]) }
        // An empty text is still a value to Mustache: left out, so no empty element is written.
        if !config.description.isEmpty { shared["description"] = config.description }
        siteContext = shared
        summaries = Parallel.map(Array(plan.articles.indices), minimumChunk: 256) { index in
            let article = plan.articles[index]
            var summary: [String: Any] = [
                "title": article.title,
                "url": links.link(plan.articlePaths[index]),
                "lead": ArabicText.shortened(article.summary ?? article.lead, limit: 280),
            ]
            if let date = article.date {
                summary["date"] = dates.day(date)
                if let time = dates.time(date) { summary["time"] = time }
                summary["date_iso"] = ArticleDate.iso8601(date, zone: config.timeZone)
            }
            if let source = article.source { summary["source"] = config.sourceName(source) }
            if case .local(_, _, _, let thumbnail, _)? = plan.images[index], case .local(let file, _, _, _, _)? = plan.images[index] {
                summary["thumbnail"] = ["url": links.link(thumbnail), "width": String(file.thumbnail.width), "height": String(file.thumbnail.height)]
            }
            return summary
        }
        site = Self.siteFingerprint(config: config, themeFiles: theme.files, context: siteContext)
        articleHashes = Parallel.map(Array(plan.articles.indices), minimumChunk: 256) { Self.articleFingerprint(plan.articles[$0], path: plan.articlePaths[$0]) }
        summaryHashes = Parallel.map(summaries, minimumChunk: 256, Self.contextFingerprint)
        termLinks = plan.taxonomies.map { taxonomy in
            taxonomy.terms.map { term in
                ["name": term.name, "url": links.folder([taxonomy.config.segment, term.slug]), "count": dates.number(term.articles.count), "count_label": dates.articles(term.articles.count),
                 "singular": taxonomy.config.singular] as [String: Any]
            }
        }
        termHashes = termLinks.map { $0.map(Self.contextFingerprint) }
    }

    public func render(_ page: Page) throws(SiteError) -> Data {
        switch page.kind {
        case .article(let index):
            return Data(theme.render("article", articleContext(index, path: page.path)).utf8)
        case .listing(let listing):
            return Data(theme.render("list", listingContext(listing, path: page.path)).utf8)
        case .termIndex(let taxonomy):
            return Data(theme.render("terms", termIndexContext(taxonomy, path: page.path)).utf8)
        case .termLetter(let taxonomy, let group, let number):
            return Data(theme.render("terms", termLetterContext(taxonomy, group: group, page: number, path: page.path)).utf8)
        case .dateIndex:
            return Data(theme.render("archive", dateIndexContext(path: page.path)).utf8)
        case .notFound:
            let context: [String: Any] = ["site": siteContext, "page": ["title": "الصفحة غير موجودة — \(plan.config.title)", "canonical": links.absolute(page.path),
                                                                        "noindex": true]]
            return Data(theme.render("404", context).utf8)
        case .feed(let feed):
            return Data(FeedWriter(renderer: self).render(feed).utf8)
        case .sitemap(let part):
            return Data(SitemapWriter(renderer: self).sitemap(part).utf8)
        case .newsSitemap:
            return Data(SitemapWriter(renderer: self).newsSitemap().utf8)
        case .robots:
            return Data("User-agent: *\nAllow: /\n\nSitemap: \(links.absoluteFile(["sitemap.xml"]))\n".utf8)
        case .search:
            let context: [String: Any] = ["site": siteContext, "page": ["title": "البحث — \(plan.config.title)", "canonical": links.absolute(page.path)],
                                          "search": ["bundle": links.folder(["pagefind"]), "script": links.file(["assets", "warraq-search.js"])]]
            return Data(theme.render("search", context).utf8)
        case .noJekyll:
            return Data()
        case .asset(.theme(let name)):
            guard let data = theme.assets[name] else { throw .output(path: page.path.file, reason: "the theme has no asset '\(name)'") }
            return data
        case .asset(.image(let file, _)):
            guard let data = FileManager.default.contents(atPath: file) else { throw .output(path: file, reason: "cannot be read") }
            return data
        case .asset(.archive(let path)):
            let url = archiveFolder.appendingPathComponent("static").appendingPathComponent(path)
            guard let data = try? Data(contentsOf: url) else { throw .output(path: url.path, reason: "cannot be read") }
            return data
        }
    }

    /// The feeds a page links to with `<link rel="alternate">`: its list's own (those the plan writes), then the site's.
    func feedLinks(_ folder: [String], title: String) -> [[String: Any]] {
        var feeds: [[String: Any]] = []
        if !folder.isEmpty {
            for format in plan.feeds(in: folder) {
                feeds.append(format == .rss ? ["type": "application/rss+xml", "title": "\(title) (RSS)", "url": links.file(folder + ["index.xml"])]
                                            : ["type": "application/atom+xml", "title": "\(title) (Atom)", "url": links.file(folder + ["atom.xml"])])
            }
        }
        feeds.append(["type": "application/rss+xml", "title": "\(plan.config.title) (RSS)", "url": links.file(["index.xml"])])
        feeds.append(["type": "application/atom+xml", "title": "\(plan.config.title) (Atom)", "url": links.file(["atom.xml"])])
        return feeds
    }
}
