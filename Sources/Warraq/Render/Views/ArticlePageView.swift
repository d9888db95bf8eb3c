/// An article's own page.
struct ArticlePageView: Sendable, Hashable, Codable {
    let site: SiteView
    let page: HeadView
    let article: ArticleView
    let read_also: ReadAlsoView
}

/// The article with its terms, picture and news metadata. The terms of a taxonomy the site does not
/// have are nil, not empty.
struct ArticleView: Sendable, Hashable, Codable {
    let title: String
    let url: String
    /// Rendered Markdown: the one value templates show unescaped, with the JSON-LD.
    let body: PageBody
    let lead: ArticleText
    /// Front matter keys Warraq gives no meaning to, as written.
    let params: [String: Param]
    var date: String?
    var date_iso: String?
    var month_url: String?
    var year_url: String?
    var updated_iso: String?
    var tags: [TermView]?
    var has_tags: Bool?
    var tags_title: String?
    var source: TermView?
    /// The first author, for themes written for one.
    var author: TermView?
    var authors: [TermView]?
    var has_authors: Bool?
    var author_singular: String?
    var place: TermView?
    var credit: String?
    var image: ImageView?
    var json_ld = NewsArticleJSON()
}

struct ReadAlsoView: Sendable, Hashable, Codable {
    let featured: CardView?
    let similar: [CardView]
    let has_similar: Bool
    /// Other papers' prints of the same text, named by their paper.
    let also_published: [CardView]
    let has_also_published: Bool
}

/// An article's rendered Markdown as its page shows it, read back from the article cache only when the page
/// is rendered: its fingerprint is the body's checksum (`ArticleBody.identity`), so finding that a page is
/// unchanged reads none of its text. Pictures in the body are below the fold: the browser fetches them as
/// the reader gets there.
struct PageBody: Sendable, Hashable, Codable, Prehashed {
    let body: ArticleBody

    init(_ body: ArticleBody) {
        self.body = body
    }

    var html: String {
        UTF8Text.replacing("<img src=\"", with: "<img loading=\"lazy\" src=\"", in: body.html)
    }

    var fingerprint: UInt64? { body.identity(.html) }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(html)
    }

    /// For `TemplateNames`, which reads the views' names through their `Decodable` conformances.
    init(from decoder: Decoder) throws {
        body = ArticleBody(html: try decoder.singleValueContainer().decode(String.self), text: "")
    }

    static func == (a: PageBody, b: PageBody) -> Bool { a.body === b.body || a.html == b.html }
    func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }
}
