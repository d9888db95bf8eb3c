import Foundation

/// Turns the read archive into a plan: which articles are published, at which address, under which
/// terms, linked to which others, and every page that lists them.
public struct SitePlanner {
    public let config: SiteConfig
    public let includeDrafts: Bool
    /// Files of the archive's `static/` folder, relative to it.
    public let staticFiles: [String]
    /// The article images the build could read (`ImageReader`).
    public let images: ImageReader.Outcome

    public init(config: SiteConfig, includeDrafts: Bool = false, staticFiles: [String] = [], images: ImageReader.Outcome = .init()) {
        self.config = config
        self.includeDrafts = includeDrafts
        self.staticFiles = staticFiles
        self.images = images
    }

    /// URL slugs no article may take, as list pagination lives there.
    static let reservedSlugs: Set<String> = ["page"]
    /// The folder of the page that lists every year and month.
    public static let archiveFolder = "archive"
    /// Above this many addresses a sitemap is split into parts (the protocol's limit).
    static let sitemapLimit = 50_000

    /// The plan, and the read-also engine that chose its links (kept only by who explains them).
    public func plan(_ archive: Archive) throws(SiteError) -> (plan: SitePlan, readAlso: ReadAlsoEngine) {
        var diagnostics: [Diagnostic] = []
        var articles = archive.articles.filter { includeDrafts || !$0.draft }
        for article in articles where article.date == nil {
            diagnostics.append(.warning(article.file, line: article.line, "no date: published last, under /articles/"))
        }
        articles.sort(by: Self.newestFirst)

        let paths = try articlePaths(&articles, diagnostics: &diagnostics)
        diagnostics += ImageCheck(staticFiles: Set(staticFiles), basePath: config.baseURL.path).diagnostics(articles, paths: paths)
        let taxonomies = config.taxonomies.map {
            TaxonomyPlanner(config: $0, displayNames: $0.field == .source ? config.sourceNames : [:]).plan(articles)
        }
        let tags = taxonomies.first { $0.config.field == .tags }
        let engine = ReadAlsoEngine(articles: articles, tags: tags, settings: config.readAlso)
        let (readAlso, readAlsoDiagnostics) = engine.readAlsoForAll()
        diagnostics += readAlsoDiagnostics
        let dateArchive = Self.dateArchive(articles, zone: config.timeZone)
        let termIndexes = taxonomies.map(TermIndex.init)
        let (planned, imagePages) = try plannedImages(articles)

        var pages: [Page] = []
        var feedFormats: [String: [FeedFormat]] = [:]
        for (index, path) in paths.enumerated() { pages.append(Page(path: path, kind: .article(index))) }
        let all = Array(articles.indices)
        try addListing(.front, articles: all, folder: [], to: &pages)
        try addFeeds(.front, articles: all, folder: [], to: &pages, formats: &feedFormats)
        for (taxonomyIndex, taxonomy) in taxonomies.enumerated() {
            pages.append(Page(path: try .folder([taxonomy.config.segment]), kind: .termIndex(taxonomy: taxonomyIndex)))
            if termIndexes[taxonomyIndex].split {
                for (groupIndex, group) in termIndexes[taxonomyIndex].groups.enumerated() {
                    for page in 1...group.pagination.pageCount {
                        pages.append(Page(path: try .folder(TermIndex.components(segment: taxonomy.config.segment, group: group, page: page)),
                                          kind: .termLetter(taxonomy: taxonomyIndex, group: groupIndex, page: page)))
                    }
                }
            }
            for (termIndex, term) in taxonomy.terms.enumerated() {
                let folder = [taxonomy.config.segment, term.slug]
                try addListing(.term(taxonomy: taxonomyIndex, term: termIndex), articles: term.articles, folder: folder, to: &pages)
                try addFeeds(.term(taxonomy: taxonomyIndex, term: termIndex), articles: term.articles, folder: folder, to: &pages, formats: &feedFormats)
            }
        }
        if !dateArchive.years.isEmpty { pages.append(Page(path: try .folder([Self.archiveFolder]), kind: .dateIndex)) }
        for year in dateArchive.years {
            let yearFolder = [String(format: "%04d", year.year)]
            try addListing(.year(year.year), articles: year.articles, folder: yearFolder, to: &pages)
            for (month, monthArticles) in year.months {
                try addListing(.month(year: year.year, month: month), articles: monthArticles,
                               folder: yearFolder + [String(format: "%02d", month)], to: &pages)
            }
        }
        let htmlPages = pages.filter { if case .feed = $0.kind { return false } else { return true } }.count
        if htmlPages + 1 <= Self.sitemapLimit {
            pages.append(Page(path: try OutputPath(["sitemap.xml"]), kind: .sitemap(.whole)))
        } else {
            let parts = (htmlPages + Self.sitemapLimit - 1) / Self.sitemapLimit
            pages.append(Page(path: try OutputPath(["sitemap.xml"]), kind: .sitemap(.index(count: parts))))
            for part in 1...parts { pages.append(Page(path: try OutputPath(["sitemap-\(part).xml"]), kind: .sitemap(.part(number: part)))) }
        }
        pages.append(Page(path: try OutputPath(["news-sitemap.xml"]), kind: .newsSitemap))
        pages.append(Page(path: try OutputPath(["robots.txt"]), kind: .robots))
        pages.append(Page(path: try OutputPath(["404.html"]), kind: .notFound))
        pages.append(Page(path: .noJekyll, kind: .noJekyll))
        pages.append(Page(path: try OutputPath(["assets", "warraq.css"]), kind: .asset(source: .theme(name: "warraq.css"))))
        if config.search == true {
            pages.append(Page(path: try OutputPath.folder(["search"]), kind: .search))
            pages.append(Page(path: try OutputPath(["assets", "warraq-search.js"]), kind: .asset(source: .theme(name: "warraq-search.js"))))
        }
        pages += imagePages
        for file in staticFiles {
            pages.append(Page(path: try OutputPath(file.split(separator: "/").map(String.init)), kind: .asset(source: .archive(path: file))))
        }
        try OutputCollisions(articles: articles, taxonomies: config.taxonomies).check(pages)
        var plan = SitePlan(config: config, articles: articles, articlePaths: paths, taxonomies: taxonomies, termIndexes: termIndexes, images: planned, readAlso: readAlso,
                            dateArchive: dateArchive, pages: pages, diagnostics: diagnostics)
        plan.feedFormats = feedFormats
        return (plan, engine)
    }

    /// Each article's picture, and the pages that copy images and their variants into the output (each
    /// file once, however many articles show it). Images of `static/` are copied with it already.
    private func plannedImages(_ articles: [Article]) throws(SiteError) -> ([PlannedImage?], [Page]) {
        var pages: [Page] = []
        var copied: Set<String> = []
        var planned: [PlannedImage?] = []
        for article in articles {
            guard let image = article.image, !image.source.isEmpty else { planned.append(nil); continue }
            if image.isRemote { planned.append(.remote(url: image.source, image: image)); continue }
            guard let path = images.resolved[ImageReader.key(article)], let file = images.files[path] else { planned.append(nil); continue }
            let parts = path.split(separator: "/").map(String.init)
            let original = try OutputPath(parts.first == "static" ? Array(parts.dropFirst()) : ["media"] + parts)
            let thumbnail = try OutputPath(["media", "variants", "\(file.hash)-\(ImageFile.thumbnailWidth).jpg"])
            let webp = try OutputPath(["media", "variants", "\(file.hash)-\(ImageFile.webpWidth).webp"])
            planned.append(.local(file, image: image, original: original, thumbnail: thumbnail, webp: webp))
            guard copied.insert(path).inserted else { continue }
            if parts.first != "static", let archiveFolder = images.archive {
                pages.append(Page(path: original, kind: .asset(source: .image(file: archiveFolder.appendingPathComponent(path).path, hash: file.hash))))
            }
            if copied.insert(file.hash).inserted {
                pages.append(Page(path: thumbnail, kind: .asset(source: .image(file: file.thumbnail.cacheFile, hash: file.hash + "-thumbnail"))))
                pages.append(Page(path: webp, kind: .asset(source: .image(file: file.webp.cacheFile, hash: file.hash + "-webp"))))
            }
        }
        return (planned, pages)
    }

    /// Newest first; undated last; then by title and file, so equal dates keep one order in every build.
    static func newestFirst(_ a: Article, _ b: Article) -> Bool {
        switch (a.date, b.date) {
        case let (x?, y?) where x != y: return x > y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (a.title, a.file, a.line) < (b.title, b.file, b.line)
        }
    }

    /// `/YYYY/MM/slug/` for dated articles, `/articles/slug/` for undated ones; a slug used twice in one
    /// folder gets `-2`, `-3`... in reading order of the files, with a warning: links to the address it
    /// wanted reach another article.
    private func articlePaths(_ articles: inout [Article], diagnostics: inout [Diagnostic]) throws(SiteError) -> [OutputPath] {
        var folders: [[String]] = []
        var wanted: [String] = []
        var proposals: [[String]: [(key: String, slug: String)]] = [:]
        for (index, article) in articles.enumerated() {
            let folder: [String]
            if let date = article.date {
                let c = ArticleDate.components(date, zone: config.timeZone)
                folder = [String(format: "%04d", c.year), String(format: "%02d", c.month)]
            } else {
                folder = ["articles"]
            }
            folders.append(folder)
            let key = "\(article.file)\u{0}\(String(format: "%08d", article.line))\u{0}\(index)"
            wanted.append(Slug.make(article.slug, key: article.file + "\(article.line)", fallbackPrefix: "article"))
            proposals[folder, default: []].append((key, wanted[index]))
        }
        var slugOfKey: [String: String] = [:]
        for (_, proposed) in proposals {
            slugOfKey.merge(Slug.unique(proposed, reserved: Self.reservedSlugs)) { a, _ in a }
        }
        var paths: [OutputPath] = []
        var holders: [[String]: Int] = [:]
        for index in articles.indices {
            let key = "\(articles[index].file)\u{0}\(String(format: "%08d", articles[index].line))\u{0}\(index)"
            articles[index].slug = slugOfKey[key]!
            paths.append(try .folder(folders[index] + [articles[index].slug]))
            if articles[index].slug == wanted[index] { holders[folders[index] + [wanted[index]]] = index }
        }
        for index in articles.indices where articles[index].slug != wanted[index] {
            let address = (folders[index] + [wanted[index]]).joined(separator: "/")
            let holder = holders[folders[index] + [wanted[index]]].map { "\(articles[$0].file):\(articles[$0].line)" } ?? "Warraq's own pages"
            diagnostics.append(.warning(articles[index].file, line: articles[index].line,
                                        "the address /\(address)/ is taken by \(holder): published at /\(paths[index].file.dropLast("index.html".count))"))
        }
        return paths
    }

    private func addListing(_ scope: Listing.Scope, articles: [Int], folder: [String], to pages: inout [Page]) throws(SiteError) {
        let pagination = Pagination(itemCount: articles.count, pageSize: config.pageSize)
        for page in 1...pagination.pageCount {
            let listing = Listing(scope: scope, articles: articles, pagination: pagination, page: page, folder: folder)
            pages.append(Page(path: try .folder(Pagination.components(ofPage: page, under: folder)), kind: .listing(listing)))
        }
    }

    /// The site's feed in both formats; a term's in the formats of `feeds.terms`, from `feeds.min_articles`.
    private func addFeeds(_ scope: Listing.Scope, articles: [Int], folder: [String], to pages: inout [Page],
                          formats: inout [String: [FeedFormat]]) throws(SiteError) {
        let wanted: [FeedFormat] = scope == .front ? [.rss, .atom]
            : articles.count >= config.feeds.minimumArticles ? config.feeds.termFormats : []
        guard !wanted.isEmpty else { return }
        let latest = Array(articles.prefix(config.feeds.items))
        for format in wanted {
            pages.append(Page(path: try OutputPath(folder + [format.fileName]), kind: .feed(Feed(format: format, scope: scope, articles: latest, folder: folder))))
        }
        formats[folder.joined(separator: "/")] = wanted
    }

    static func dateArchive(_ articles: [Article], zone: TimeZone) -> DateArchive {
        var byYear: [Int: [Int]] = [:]
        var byMonth: [Int: [Int: [Int]]] = [:]
        for (index, article) in articles.enumerated() {
            guard let date = article.date else { continue }
            let c = ArticleDate.components(date, zone: zone)
            byYear[c.year, default: []].append(index)
            byMonth[c.year, default: [:]][c.month, default: []].append(index)
        }
        return DateArchive(years: byYear.keys.sorted(by: >).map { year in
            DateArchive.Year(year: year, articles: byYear[year]!,
                             months: byMonth[year]!.keys.sorted(by: >).map { ($0, byMonth[year]![$0]!) })
        })
    }
}
