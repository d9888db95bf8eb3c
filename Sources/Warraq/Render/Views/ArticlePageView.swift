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
    let body: String
    let lead: String
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
    var json_ld: String = ""
}

struct ReadAlsoView: Sendable, Hashable, Codable {
    let featured: CardView?
    let similar: [CardView]
    let has_similar: Bool
    /// Other papers' prints of the same text, named by their paper.
    let also_published: [CardView]
    let has_also_published: Bool
}
