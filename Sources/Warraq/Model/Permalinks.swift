import Foundation

/// The site's address scheme: every folder and file name Warraq gives a page is spelled here and nowhere
/// else. The planner asks it for the path of each page and keeps them in the plan; Render and the writers
/// only read the plan's paths. In Model rather than Plan because Read checks `site.yml`'s taxonomy
/// segments against the folders reserved here, and Read sits above Plan.
public enum Permalinks {
    /// `/2023/`: a year's archive.
    public static func year(_ year: Int) -> [String] { [ArticleDate.padded(year, 4)] }
    /// `/2023/09/`: a month's archive, and the folder of the articles dated in it.
    public static func month(_ month: Int, of year: Int) -> [String] { Self.year(year) + [ArticleDate.padded(month, 2)] }
    /// Where undated articles go.
    public static let undated = ["articles"]
    /// `/archive/`: every year and month.
    public static let dateIndex = ["archive"]
    /// Page `number` of a list whose first page is `folder`: `folder/page/2/`.
    public static func page(_ number: Int, of folder: [String]) -> [String] {
        number == 1 ? folder : folder + [paginationFolder, String(number)]
    }
    /// The folder of pagination: no article may take it as its slug.
    public static let paginationFolder = "page"
    /// The folder letter pages live in, under a taxonomy's segment; no term may take it as its slug.
    public static let letterFolder = "letter"
    /// Page `page` of the terms under one letter: `tags/letter/a/page/2/`.
    public static func letter(_ slug: String, page: Int, segment: String) -> [String] {
        Self.page(page, of: [segment, letterFolder, slug])
    }
    /// The segment of the tags taxonomy when `site.yml` names none, which the 404 page links to.
    public static let defaultTagsSegment = "tags"
    /// A term's list: `tags/غزة/`.
    public static func term(_ slug: String, segment: String) -> [String] { [segment, slug] }

    /// A feed of the list whose folder is `folder` (`[]` for the site's).
    public static func feed(_ format: FeedFormat, in folder: [String]) -> [String] {
        folder + [format == .rss ? "index.xml" : "atom.xml"]
    }
    public static let sitemap = ["sitemap.xml"]
    public static func sitemapPart(_ number: Int) -> [String] { ["sitemap-\(number).xml"] }
    public static let newsSitemap = ["news-sitemap.xml"]
    public static let robots = ["robots.txt"]
    public static let notFound = ["404.html"]
    /// The theme's files copied to the output, by their name in the theme.
    public static let stylesheetName = "warraq.css"
    public static let searchScriptName = "warraq-search.js"
    public static func themeAsset(_ name: String) -> [String] { [assetsFolder, name] }
    static let assetsFolder = "assets"
    /// `/search/`, and the folder of the search index beside it.
    public static let search = ["search"]
    public static let searchBundle = ["pagefind"]
    /// An article image of the archive (outside `static/`), copied beside its variants.
    public static func media(_ archivePath: [String]) -> [String] { ["media"] + archivePath }
    /// A thumbnail or WebP version of an image, named by the hash of its file.
    public static func imageVariant(_ hash: String, width: Int, extension: String) -> [String] {
        ["media", "variants", "\(hash)-\(width).\(`extension`)"]
    }

    /// Top folders Warraq writes its own pages in: no taxonomy segment may take one.
    public static let reservedSegments: Set<String> = [undated[0], assetsFolder, paginationFolder]
}
