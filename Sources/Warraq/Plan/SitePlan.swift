/// Every file a build writes, decided before anything is rendered: the articles in reading order, their
/// addresses, the taxonomies, the read-also links and the pages that list them.
public struct SitePlan: Sendable {
    public let config: SiteConfig
    /// Published articles, newest first; undated ones last.
    public internal(set) var articles: [Article]
    public let articlePaths: [OutputPath]
    public let taxonomies: [Taxonomy]
    /// Beside `taxonomies`: each one's index by initial letter.
    public let termIndexes: [TermIndex]
    /// Beside `articles`: the picture each leads with, where it has one that could be read.
    public let images: [PlannedImage?]
    public let readAlso: [ReadAlso]
    public let dateArchive: DateArchive
    public let pages: [Page]
    public let diagnostics: [Diagnostic]
    /// The addresses every page links to (the site's feeds, stylesheet, sitemap...).
    public var addresses: SiteAddresses
    /// Beside `taxonomies`: the address of each one's index, and of each of its terms' first page.
    public var taxonomyPaths: [OutputPath] = []
    public var termPaths: [[OutputPath]] = []
    /// Beside `termIndexes`: the pages of each letter of a split index (empty when it is not split).
    public var letterPaths: [[[OutputPath]]] = []
    /// Beside `articles`: the year and month archive each dated article is listed in.
    public var archiveOfArticle: [ArchiveFolders?] = []

    /// The tags taxonomy, which read-also scoring and feeds use.
    public var tags: Taxonomy? { taxonomies.first { $0.config.field == .tags } }
}

/// The addresses of the pages every page links to, as the planner laid them out (see `Permalinks`).
public struct SiteAddresses: Sendable {
    public var home: OutputPath
    public var stylesheet: OutputPath
    public var rss: OutputPath
    public var atom: OutputPath
    public var sitemap: OutputPath
    /// The tags index the 404 page sends readers to (`/tags/` when the site has no tags taxonomy).
    public var tags: OutputPath
    /// `/archive/`, when any article has a date.
    public var dateIndex: OutputPath?
    /// The search page, its script and the folder of the index, when the site has search.
    public var search: OutputPath?
    public var searchScript: OutputPath
    public var searchBundle: OutputPath
}

/// The archive pages an article is listed in.
public struct ArchiveFolders: Sendable {
    public let year: OutputPath
    public let month: OutputPath
}

/// A feed of a list, as the list's pages link to it.
public struct FeedLink: Sendable {
    public let format: FeedFormat
    public let path: OutputPath
}

/// One output file and what goes into it.
public struct Page: Sendable {
    public let path: OutputPath
    public let kind: Kind

    /// Whether the sitemap lists it: every HTML page a reader or crawler should find (articles, lists,
    /// indexes), decided here once for the planner that counts them and the writer that lists them.
    public var isInSitemap: Bool {
        switch kind {
        case .article, .listing, .termIndex, .termLetter, .dateIndex: return true
        case .feed, .sitemap, .newsSitemap, .robots, .notFound, .asset, .noJekyll, .search: return false
        }
    }

    public enum Kind: Sendable {
        case article(Int)
        case listing(Listing)
        case termIndex(taxonomy: Int)
        /// Page `page` of one letter of a taxonomy's index, when the index is split by letter.
        case termLetter(taxonomy: Int, group: Int, page: Int)
        /// `/archive/`: every year and month with its count.
        case dateIndex
        case feed(Feed)
        case sitemap(SitemapPart)
        case newsSitemap
        case robots
        case notFound
        /// A file copied as it is: the theme's stylesheet, or a file of the archive's `static/` folder.
        case asset(source: AssetSource)
        case noJekyll
        /// The search page (`/search/`), planned when the site has a search index.
        case search
    }
}

public enum AssetSource: Sendable, Equatable {
    case theme(name: String)
    case archive(path: String)
    /// An image file or a variant made from it: an absolute path (in the archive or the image cache), and
    /// the hash of what it was made from, which is the page's fingerprint.
    case image(file: String, hash: String)
}

/// An article's picture as pages show it.
public enum PlannedImage: Sendable {
    /// On another host: linked as given, with no size and no variants.
    case remote(url: String, image: ArticleImage)
    /// A file of the archive, copied to `original`, with a thumbnail and a WebP version in the output.
    case local(ImageFile, image: ArticleImage, original: OutputPath, thumbnail: OutputPath, webp: OutputPath)

    public var image: ArticleImage {
        switch self {
        case .remote(_, let image), .local(_, let image, _, _, _): return image
        }
    }
}

/// One page of a list of articles: the front page, a term's page, a year's or a month's.
public struct Listing: Sendable {
    public enum Scope: Sendable, Equatable {
        case front
        case term(taxonomy: Int, term: Int)
        case year(Int)
        case month(year: Int, month: Int)
    }

    public let scope: Scope
    /// All the list's articles, newest first; this page shows `pagination.range(ofPage: page)` of them.
    public let articles: [Int]
    public let pagination: Pagination
    public let page: Int
    /// Every page of the list, first to last (one array shared by all of them).
    public let pages: [OutputPath]
    /// The feeds of the list's own folder, which its pages link to (a term's; the front page's are the site's).
    public let feeds: [FeedLink]
}

public struct Feed: Sendable {
    public typealias Format = FeedFormat
    public let format: Format
    /// `.front` for the whole site, or a term.
    public let scope: Listing.Scope
    public let articles: [Int]
    /// The first page of the list it follows.
    public let home: OutputPath
}

public enum SitemapPart: Sendable {
    /// The sitemap itself, when all addresses fit in one file.
    case whole
    /// A sitemap index naming its parts.
    case index(parts: [OutputPath])
    /// Part `number` (1-based) of a split sitemap.
    case part(number: Int)
}

/// Articles by year and month, for the `/YYYY/` and `/YYYY/MM/` archive pages.
public struct DateArchive: Sendable {
    public struct Year: Sendable {
        public let year: Int
        public let articles: [Int]
        public let path: OutputPath
        /// Months with articles, newest first.
        public let months: [Month]
    }

    public struct Month: Sendable {
        public let month: Int
        public let articles: [Int]
        public let path: OutputPath
    }

    /// Newest first.
    public let years: [Year]
}
