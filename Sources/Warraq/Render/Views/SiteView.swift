// The views are the theme's contract: each page template is handed one value of these types, and reads
// its properties by name (swift-mustache reflects them), so property names are the template keys and
// spelled as the templates spell them (`date_iso`, `has_tags`). An optional left nil is a key the page
// does not have: Mustache then looks the name up in the enclosing values, as it did for a missing key.
// A page's fingerprint is the hash of its view (see PageFingerprint), so what a view holds is exactly
// what can make the page change.

/// What every page shows of the site: its name and language, and the links of its header and footer.
/// The same on every page, so its fingerprint is hashed once a build (`PageRenderer.site`).
struct SiteView: Sendable, Hashable, Codable, Prehashed {
    let title: String
    let language: String
    let direction: String
    let home: String
    let stylesheet: String
    let feed: String
    let atom: String
    let sitemap: String
    let tags: String
    /// The header's navigation: each taxonomy's index, then the date archive.
    let sections: [LinkView]
    /// The search page, when the site has one.
    let search: String?
    /// Nil rather than empty, so no empty element is written.
    let description: String?
    /// The hash of the values above (`ViewFingerprint.hash`); not a template value.
    var fingerprint: UInt64?

    private enum CodingKeys: String, CodingKey {
        case title, language, direction, home, stylesheet, feed, atom, sitemap, tags, sections, search, description
    }
}

struct LinkView: Sendable, Hashable, Codable {
    let title: String
    let url: String
}

/// The page's own head: title, canonical address, the feeds it announces, its place in a paged list.
struct HeadView: Sendable, Hashable, Codable {
    let title: String
    let canonical: String
    var description: ArticleText?
    var feeds: [FeedLinkView]?
    var noindex: Bool?
    /// Set on list pages: true on the home page, whose `<h1>` is the site's title.
    var home: Bool?
    var prev: String?
    var next: String?
}

/// A `<link rel="alternate">` to a feed.
struct FeedLinkView: Sendable, Hashable, Codable {
    let type: String
    let title: String
    let url: String
}

/// The 404 page.
struct NotFoundPageView: Sendable, Hashable, Codable {
    let site: SiteView
    let page: HeadView
}

/// The search page: the index's folder and the script that reads it.
struct SearchPageView: Sendable, Hashable, Codable {
    struct Search: Sendable, Hashable, Codable {
        let bundle: String
        let script: String
    }

    let site: SiteView
    let page: HeadView
    let search: Search
}
