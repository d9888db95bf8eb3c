/// Every file a build writes, decided before anything is rendered: the articles in reading order, their
/// addresses, the taxonomies, the read-also links and the pages that list them.
public struct SitePlan: Sendable {
    public let config: SiteConfig
    /// Published articles, newest first; undated ones last.
    public let articles: [Article]
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
    /// The feeds of each folder that has any (`""` for the site's, `"tags/غزة"` for a term's), for the
    /// links pages give to them.
    public var feedFormats: [String: [FeedFormat]] = [:]

    /// The feeds written in a list's folder.
    public func feeds(in folder: [String]) -> [FeedFormat] {
        feedFormats[folder.joined(separator: "/")] ?? []
    }

    /// The tags taxonomy, which read-also scoring and feeds use.
    public var tags: Taxonomy? { taxonomies.first { $0.config.field == .tags } }
}

/// One output file and what goes into it.
public struct Page: Sendable {
    public let path: OutputPath
    public let kind: Kind

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
    /// The folder of the list's first page: `[]` for the front page, `["tags", slug]` for a tag.
    public let folder: [String]
}

public struct Feed: Sendable {
    public typealias Format = FeedFormat
    public let format: Format
    /// `.front` for the whole site, or a term.
    public let scope: Listing.Scope
    public let articles: [Int]
    public let folder: [String]
}

public enum SitemapPart: Sendable {
    /// The sitemap itself, when all addresses fit in one file.
    case whole
    /// A sitemap index naming `count` parts.
    case index(count: Int)
    /// Part `number` (1-based) of a split sitemap.
    case part(number: Int)
}

/// Articles by year and month, for the `/YYYY/` and `/YYYY/MM/` archive pages.
public struct DateArchive: Sendable {
    public struct Year: Sendable {
        public let year: Int
        public let articles: [Int]
        /// Months with articles, newest first.
        public let months: [(month: Int, articles: [Int])]
    }

    /// Newest first.
    public let years: [Year]
}
