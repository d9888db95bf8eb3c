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
    static let reservedSlugs: Set<String> = [Permalinks.paginationFolder]
    /// Above this many addresses a sitemap is split into parts (the protocol's limit).
    static let sitemapLimit = 50_000

    /// The plan, the read-also engine that chose its links (`keepsEngine`: for who explains them), and what
    /// read-also remembers for the next build (`ReadAlsoMemory`; `memory` is the last build's) with how many
    /// articles it scored and for how many it chose the list again.
    /// `words`: the articles' words as the last build read them (`WordsStore`).
    /// `shortlists`: where what read-also remembers is written as it is made (`ShortlistSink`).
    /// `lap`: told the name of each part of planning as it ends, for `--timings`.
    public func plan(_ archive: Archive, remembering memory: (any ReadAlsoRecall)? = nil, words: WordsStore? = nil,
                     shortlists: (any ShortlistSink)? = nil, keepsEngine: Bool = true,
                     lap: (String) -> Void = { _ in }) throws(SiteError)
        -> (plan: SitePlan, readAlso: ReadAlsoEngine?, memory: ReadAlsoMemory, scored: Int, chosen: Int) {
        var diagnostics: [Diagnostic] = []
        var articles = archive.articles.filter { includeDrafts || !$0.draft }
        for article in articles where article.date == nil {
            diagnostics.append(.warning(article.file, line: article.line, "no date: published last, under /articles/"))
        }
        // Their order is found on indices, then taken once: sorting the articles themselves moved each
        // (a large value) a score of times, a second at 100,000 articles.
        let order = articles.indices.sorted { Self.newestFirst(articles[$0], articles[$1]) }
        articles = order.map { articles[$0] }

        let paths = try articlePaths(&articles, diagnostics: &diagnostics)
        diagnostics += ImageCheck(staticFiles: Set(staticFiles), basePath: config.baseURL.path).diagnostics(articles, paths: paths)
        lap("plan: order, addresses, images")
        // The taxonomies side by side: each groups its terms in one pass.
        let sourceNames = config.sourceNames, sorted = articles
        let taxonomies = Parallel.map(config.taxonomies, minimumChunk: 1) {
            TaxonomyPlanner(config: $0, displayNames: $0.field == .source ? sourceNames : [:]).plan(sorted)
        }
        let tags = taxonomies.first { $0.config.field == .tags }
        lap("plan: taxonomies")
        var engine: ReadAlsoEngine? = ReadAlsoEngine(articles: articles, tags: tags, settings: config.readAlso, words: words, lap: lap)
        let outcome = engine!.readAlsoForAll(remembering: memory, sink: shortlists)
        // Its index is the largest thing a build holds (0.3 GB at 100,000 articles) and the pages are not
        // made from it: let go here, before they are planned, where a build's memory used to peak.
        let kept = keepsEngine ? engine : nil
        engine = nil
        lap("plan: read-also lists")
        let readAlso = outcome.readAlso
        diagnostics += outcome.diagnostics
        let dateArchive = try Self.dateArchive(articles, zone: config.timeZone)
        let termIndexes = taxonomies.map(TermIndex.init)
        let (planned, imagePages) = try plannedImages(articles)

        var pages: [Page] = []
        for (index, path) in paths.enumerated() { pages.append(Page(path: path, kind: .article(index))) }
        let all = Array(articles.indices)
        var feedPages: [Page] = []
        let siteFeeds = try addFeeds(.front, articles: all, folder: [], to: &feedPages)
        try addListing(.front, articles: all, folder: [], feeds: [], to: &pages)
        pages += feedPages
        var taxonomyPaths: [OutputPath] = []
        var termPaths: [[OutputPath]] = []
        var letterPaths: [[[OutputPath]]] = []
        for (taxonomyIndex, taxonomy) in taxonomies.enumerated() {
            let segment = taxonomy.config.segment
            taxonomyPaths.append(try .folder([segment]))
            pages.append(Page(path: taxonomyPaths[taxonomyIndex], kind: .termIndex(taxonomy: taxonomyIndex)))
            var letters: [[OutputPath]] = []
            if termIndexes[taxonomyIndex].split {
                for (groupIndex, group) in termIndexes[taxonomyIndex].groups.enumerated() {
                    var groupPages: [OutputPath] = []
                    for page in 1...group.pagination.pageCount {
                        groupPages.append(try .folder(Permalinks.letter(group.slug, page: page, segment: segment)))
                        pages.append(Page(path: groupPages[page - 1], kind: .termLetter(taxonomy: taxonomyIndex, group: groupIndex, page: page)))
                    }
                    letters.append(groupPages)
                }
            }
            letterPaths.append(letters)
            var terms: [OutputPath] = []
            for (termIndex, term) in taxonomy.terms.enumerated() {
                let folder = Permalinks.term(term.slug, segment: segment)
                let scope = Listing.Scope.term(taxonomy: taxonomyIndex, term: termIndex)
                // The feeds are planned first, so the term's pages can link to them, and listed after them.
                var feedPages: [Page] = []
                let feeds = try addFeeds(scope, articles: term.articles, folder: folder, to: &feedPages)
                terms.append(try addListing(scope, articles: term.articles, folder: folder, feeds: feeds, to: &pages))
                pages += feedPages
            }
            termPaths.append(terms)
        }
        let dateIndex: OutputPath? = dateArchive.years.isEmpty ? nil : try .folder(Permalinks.dateIndex)
        if let dateIndex { pages.append(Page(path: dateIndex, kind: .dateIndex)) }
        for year in dateArchive.years {
            try addListing(.year(year.year), articles: year.articles, folder: Permalinks.year(year.year), feeds: [], to: &pages)
            for month in year.months {
                try addListing(.month(year: year.year, month: month.month), articles: month.articles, folder: Permalinks.month(month.month, of: year.year), feeds: [], to: &pages)
            }
        }
        let sitemap = try OutputPath(Permalinks.sitemap)
        let listed = pages.count(where: \.isInSitemap)
        if listed + 1 <= Self.sitemapLimit {
            pages.append(Page(path: sitemap, kind: .sitemap(.whole)))
        } else {
            let count = (listed + Self.sitemapLimit - 1) / Self.sitemapLimit
            var parts: [OutputPath] = []
            for number in 1...count { parts.append(try OutputPath(Permalinks.sitemapPart(number))) }
            pages.append(Page(path: sitemap, kind: .sitemap(.index(parts: parts))))
            for (number, part) in parts.enumerated() { pages.append(Page(path: part, kind: .sitemap(.part(number: number + 1)))) }
        }
        pages.append(Page(path: try OutputPath(Permalinks.newsSitemap), kind: .newsSitemap))
        pages.append(Page(path: try OutputPath(Permalinks.robots), kind: .robots))
        pages.append(Page(path: try OutputPath(Permalinks.notFound), kind: .notFound))
        pages.append(Page(path: .noJekyll, kind: .noJekyll))
        let stylesheet = try OutputPath(Permalinks.themeAsset(Permalinks.stylesheetName))
        pages.append(Page(path: stylesheet, kind: .asset(source: .theme(name: Permalinks.stylesheetName))))
        let search = try OutputPath.folder(Permalinks.search)
        let searchScript = try OutputPath(Permalinks.themeAsset(Permalinks.searchScriptName))
        if config.search == true {
            pages.append(Page(path: search, kind: .search))
            pages.append(Page(path: searchScript, kind: .asset(source: .theme(name: Permalinks.searchScriptName))))
        }
        pages += imagePages
        for file in staticFiles {
            guard let path = try? OutputPath(file.split(separator: "/").map(String.init)) else {
                throw .input(path: "static/" + file, line: nil, reason: "cannot be copied: its name would be written outside the output folder")
            }
            pages.append(Page(path: path, kind: .asset(source: .archive(path: file))))
        }
        try OutputCollisions(articles: articles, taxonomies: config.taxonomies).check(pages)
        var tagsIndex = try OutputPath.folder([Permalinks.defaultTagsSegment])
        if let tags = taxonomies.firstIndex(where: { $0.config.field == .tags }) { tagsIndex = taxonomyPaths[tags] }
        let addresses = SiteAddresses(
            home: try .folder([]), stylesheet: stylesheet, rss: siteFeeds[0].path, atom: siteFeeds[1].path, sitemap: sitemap,
            tags: tagsIndex,
            dateIndex: dateIndex, search: config.search == true ? search : nil, searchScript: searchScript,
            searchBundle: try .folder(Permalinks.searchBundle))
        var plan = SitePlan(config: config, articles: articles, articlePaths: paths, taxonomies: taxonomies, termIndexes: termIndexes, images: planned, readAlso: readAlso,
                            dateArchive: dateArchive, pages: pages, diagnostics: diagnostics, addresses: addresses)
        plan.taxonomyPaths = taxonomyPaths
        plan.termPaths = termPaths
        plan.letterPaths = letterPaths
        plan.archiveOfArticle = articles.map { article in
            article.date.map { date in
                let c = ArticleDate.components(date, zone: config.timeZone)
                let year = dateArchive.years.first { $0.year == c.year }!
                return ArchiveFolders(year: year.path, month: year.months.first { $0.month == c.month }!.path)
            }
        }
        return (plan, kept, outcome.memory, outcome.scored, outcome.chosen)
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
            let original = try OutputPath(parts.first == "static" ? Array(parts.dropFirst()) : Permalinks.media(parts))
            let thumbnail = try OutputPath(Permalinks.imageVariant(file.hash, width: ImageFile.thumbnailWidth, extension: "jpg"))
            let webp = try OutputPath(Permalinks.imageVariant(file.hash, width: ImageFile.webpWidth, extension: "webp"))
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
        // Each article's folder, wanted slug and sort key, in parallel: slugs read every title's letters.
        let zone = config.timeZone
        let snapshot = articles
        let prepared = Parallel.map(Array(articles.indices), minimumChunk: 256) { index -> (folder: [String], key: String, wanted: String) in
            let article = snapshot[index]
            let folder: [String]
            if let date = article.date {
                let c = ArticleDate.components(date, zone: zone)
                folder = Permalinks.month(c.month, of: c.year)
            } else {
                folder = Permalinks.undated
            }
            let line = String(article.line)
            let key = article.file + "\u{0}" + ArticleDate.padded(article.line, 8) + "\u{0}" + String(index)
            return (folder, key, Slug.make(article.slug, key: article.file + line, fallbackPrefix: "article"))
        }
        let folders = prepared.map(\.folder), keys = prepared.map(\.key), wanted = prepared.map(\.wanted)
        var members: [[String]: [Int]] = [:]
        for index in articles.indices { members[folders[index], default: []].append(index) }
        // Each folder on its own (a month's articles), its articles in key order: the first to want a
        // slug has it (`Slug.unique`).
        let slugs = Parallel.map(Array(members.values), minimumChunk: 1) { folder -> [(Int, String)] in
            let ordered = folder.sorted { keys[$0] < keys[$1] }
            return Array(zip(ordered, Slug.unique(inOrder: ordered.map { wanted[$0] }, reserved: Self.reservedSlugs)))
        }
        var slugOfArticle = [String](repeating: "", count: articles.count)
        for folder in slugs { for (index, slug) in folder { slugOfArticle[index] = slug } }
        var paths: [OutputPath] = []
        var holders: [[String]: Int] = [:]
        for index in articles.indices {
            articles[index].slug = slugOfArticle[index]
            guard let path = try? OutputPath.folder(folders[index] + [articles[index].slug]) else {
                throw .input(path: articles[index].file, line: articles[index].line,
                             reason: "its address /\((folders[index] + [articles[index].slug]).joined(separator: "/"))/ would be written outside the output folder")
            }
            paths.append(path)
            if articles[index].slug == wanted[index] { holders[folders[index] + [wanted[index]]] = index }
        }
        for index in articles.indices where articles[index].slug != wanted[index] {
            let address = (folders[index] + [wanted[index]]).joined(separator: "/")
            let holder = holders[folders[index] + [wanted[index]]].map { "\(articles[$0].file):\(articles[$0].line)" } ?? "Warraq's own pages"
            diagnostics.append(.warning(articles[index].file, line: articles[index].line,
                                        "the address /\(address)/ is taken by \(holder): published at /\(paths[index].shown)"))
        }
        return paths
    }

    /// The pages of one list; the address of its first page.
    @discardableResult
    private func addListing(_ scope: Listing.Scope, articles: [Int], folder: [String], feeds: [FeedLink], to pages: inout [Page]) throws(SiteError) -> OutputPath {
        let pagination = Pagination(itemCount: articles.count, pageSize: config.pageSize)
        var paths: [OutputPath] = []
        for page in 1...pagination.pageCount { paths.append(try .folder(Permalinks.page(page, of: folder))) }
        for page in 1...pagination.pageCount {
            let listing = Listing(scope: scope, articles: articles, pagination: pagination, page: page, pages: paths, feeds: feeds)
            pages.append(Page(path: paths[page - 1], kind: .listing(listing)))
        }
        return paths[0]
    }

    /// The site's feed in both formats; a term's in the formats of `feeds.terms`, from `feeds.min_articles`.
    private func addFeeds(_ scope: Listing.Scope, articles: [Int], folder: [String], to pages: inout [Page]) throws(SiteError) -> [FeedLink] {
        let wanted: [FeedFormat] = scope == .front ? [.rss, .atom]
            : articles.count >= config.feeds.minimumArticles ? config.feeds.termFormats : []
        guard !wanted.isEmpty else { return [] }
        let latest = Array(articles.prefix(config.feeds.items))
        let home = try OutputPath.folder(folder)
        var links: [FeedLink] = []
        for format in wanted {
            let path = try OutputPath(Permalinks.feed(format, in: folder))
            pages.append(Page(path: path, kind: .feed(Feed(format: format, scope: scope, articles: latest, home: home))))
            links.append(FeedLink(format: format, path: path))
        }
        return links
    }

    static func dateArchive(_ articles: [Article], zone: TimeZone) throws(SiteError) -> DateArchive {
        var byYear: [Int: [Int]] = [:]
        var byMonth: [Int: [Int: [Int]]] = [:]
        for (index, article) in articles.enumerated() {
            guard let date = article.date else { continue }
            let c = ArticleDate.components(date, zone: zone)
            byYear[c.year, default: []].append(index)
            byMonth[c.year, default: [:]][c.month, default: []].append(index)
        }
        var years: [DateArchive.Year] = []
        for year in byYear.keys.sorted(by: >) {
            var months: [DateArchive.Month] = []
            for month in byMonth[year]!.keys.sorted(by: >) {
                months.append(DateArchive.Month(month: month, articles: byMonth[year]![month]!, path: try .folder(Permalinks.month(month, of: year))))
            }
            years.append(DateArchive.Year(year: year, articles: byYear[year]!, path: try .folder(Permalinks.year(year)), months: months))
        }
        return DateArchive(years: years)
    }
}
