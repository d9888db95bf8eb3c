import Foundation
import Templates

/// Renders one planned page to the bytes of its file. Everything shared between pages (the site's view,
/// each article's card, each term's link) is built once, so a page is a lookup, a view and a template
/// run, and pages can be rendered on every core at once.
public struct PageRenderer: Sendable {
    let plan: SitePlan
    let theme: Theme
    let archiveFolder: URL
    let links: SiteLinks
    let dates: ArabicDateFormat
    let site: SiteView
    /// The card of each article, in lists and read-also links.
    let cards: [CardView]
    /// `terms[taxonomy][term]`: every term as a link.
    let terms: [[TermView]]
    /// What every page is also made of: Warraq itself and the theme (see PageFingerprint).
    let identity: PageHash

    public init(plan: SitePlan, theme: Theme, archiveFolder: URL) {
        self.plan = plan
        self.theme = theme
        self.archiveFolder = archiveFolder
        let links = SiteLinks(base: plan.config.baseURL)
        let dates = ArabicDateFormat(plan.config)
        self.links = links
        self.dates = dates
        let config = plan.config
        let addresses = plan.addresses
        var site = SiteView(
            title: config.title, language: config.language, direction: config.direction,
            home: links.link(addresses.home), stylesheet: links.link(addresses.stylesheet),
            feed: links.link(addresses.rss), atom: links.link(addresses.atom), sitemap: links.link(addresses.sitemap),
            tags: links.link(addresses.tags),
            sections: zip(plan.taxonomies, plan.taxonomyPaths).map { LinkView(title: $0.config.title, url: links.link($1)) }
                + (addresses.dateIndex.map { [LinkView(title: "الأرشيف", url: links.link($0))] } ?? []),
            search: addresses.search.map(links.link),
            description: config.description.isEmpty ? nil : config.description)
        site.fingerprint = ViewFingerprint.hash(of: site)
        self.site = site
        cards = Parallel.map(Array(plan.articles.indices), minimumChunk: 256) { index in
            let article = plan.articles[index]
            var card = CardView(title: article.title, url: links.link(plan.articlePaths[index]),
                                lead: ArticleText(summaryOf: article, limit: 280))
            if let date = article.date {
                card.date = dates.day(date)
                card.time = dates.time(date)
                card.date_iso = ArticleDate.iso8601(date, zone: config.timeZone)
            }
            card.source = article.source.map(config.sourceName)
            if case .local(let file, _, _, let thumbnail, _)? = plan.images[index] {
                card.thumbnail = ThumbnailView(url: links.link(thumbnail), width: String(file.thumbnail.width), height: String(file.thumbnail.height))
            }
            card.fingerprint = ViewFingerprint.hash(of: card)
            return card
        }
        terms = zip(plan.taxonomies, plan.termPaths).map { taxonomy, paths in
            zip(taxonomy.terms, paths).map { term, path in
                var view = TermView(name: term.name, url: links.link(path), count: dates.number(term.articles.count),
                                    count_label: dates.articles(term.articles.count), singular: taxonomy.config.singular)
                view.fingerprint = ViewFingerprint.hash(of: view)
                return view
            }
        }
        identity = Self.identity(themeFiles: theme.files)
    }

    /// A page ready to be written: its fingerprint, known before it is rendered, and how to render it.
    public struct Prepared: Sendable {
        /// Nil for pages that are cheap and always rendered (sitemaps, robots.txt, assets).
        public let fingerprint: String?
        let make: @Sendable () throws(SiteError) -> Data

        public func render() throws(SiteError) -> Data { try make() }
    }

    public func prepare(_ page: Page) throws(SiteError) -> Prepared {
        switch page.kind {
        case .article(let index):
            return template("article", articleView(index, path: page.path), page)
        case .listing(let listing):
            return template("list", listingView(listing, path: page.path), page)
        case .termIndex(let taxonomy):
            return template("terms", termIndexView(taxonomy, path: page.path), page)
        case .termLetter(let taxonomy, let group, let number):
            return template("terms", termLetterView(taxonomy, group: group, page: number, path: page.path), page)
        case .dateIndex:
            return template("archive", dateIndexView(path: page.path), page)
        case .notFound:
            let head = HeadView(title: "الصفحة غير موجودة — \(plan.config.title)", canonical: links.absolute(page.path), noindex: true)
            return template("404", NotFoundPageView(site: site, page: head), page)
        case .search:
            let head = HeadView(title: "البحث — \(plan.config.title)", canonical: links.absolute(page.path))
            let search = SearchPageView.Search(bundle: links.link(plan.addresses.searchBundle), script: links.link(plan.addresses.searchScript))
            return template("search", SearchPageView(site: site, page: head, search: search), page)
        case .feed(let feed):
            let view = feedView(feed, path: page.path)
            return Prepared(fingerprint: fingerprint(of: view, template: "feed", page)) { Data(FeedWriter.xml(view).utf8) }
        case .sitemap(let part):
            let sitemap = SitemapWriter(renderer: self).sitemap(part)
            return Prepared(fingerprint: nil) { Data(sitemap.utf8) }
        case .newsSitemap:
            let sitemap = SitemapWriter(renderer: self).newsSitemap()
            return Prepared(fingerprint: nil) { Data(sitemap.utf8) }
        case .robots:
            let robots = "User-agent: *\nAllow: /\n\nSitemap: \(links.absolute(plan.addresses.sitemap))\n"
            return Prepared(fingerprint: nil) { Data(robots.utf8) }
        case .noJekyll:
            return Prepared(fingerprint: nil) { Data() }
        case .asset(.theme(let name)):
            guard let data = theme.assets[name] else { throw .template(path: name, line: nil, reason: "the theme has no asset '\(name)'") }
            return Prepared(fingerprint: nil) { data }
        case .asset(.image(let file, let source)):
            var hash = identity
            hash.combine(page.path.file)
            hash.combine(source)
            return Prepared(fingerprint: hash.hex) { () throws(SiteError) -> Data in
                guard let data = FileManager.default.contents(atPath: file) else { throw .input(path: file, line: nil, reason: "cannot be read") }
                return data
            }
        case .asset(.archive(let path)):
            let url = archiveFolder.appendingPathComponent("static").appendingPathComponent(path)
            return Prepared(fingerprint: nil) { () throws(SiteError) -> Data in
                guard let data = try? Data(contentsOf: url) else { throw .input(path: url.path, line: nil, reason: "cannot be read") }
                return data
            }
        }
    }

    /// Renders a page at once, fingerprint or not: `warraq check`, the preview, tests.
    public func render(_ page: Page) throws(SiteError) -> Data {
        try prepare(page).render()
    }

    /// The view becomes the template's tree only if the page is rendered.
    private func template<View: Encodable & Sendable>(_ name: String, _ view: View, _ page: Page) -> Prepared {
        let theme = theme
        return Prepared(fingerprint: fingerprint(of: view, template: name, page)) { Data(theme.render(name, value: TemplateEncoder.value(view)).utf8) }
    }

    /// The feeds a page links to with `<link rel="alternate">`: its list's own, then the site's.
    func feedLinks(_ feeds: [FeedLink], title: String) -> [FeedLinkView] {
        func link(_ format: FeedFormat, _ path: OutputPath, _ title: String) -> FeedLinkView {
            format == .rss ? FeedLinkView(type: "application/rss+xml", title: "\(title) (RSS)", url: links.link(path))
                           : FeedLinkView(type: "application/atom+xml", title: "\(title) (Atom)", url: links.link(path))
        }
        return feeds.map { link($0.format, $0.path, title) }
            + [link(.rss, plan.addresses.rss, plan.config.title), link(.atom, plan.addresses.atom, plan.config.title)]
    }
}
