/// An RSS or Atom feed with every text and date already formatted for its format: what FeedWriter
/// writes out, and what the feed's fingerprint is the hash of.
struct FeedView: Sendable, Hashable, Codable {
    let format: FeedFormat
    let title: String
    let language: String
    /// RSS's channel description: the site's, else the title.
    let description: String
    let home: String
    let selfURL: String
    /// RSS's `lastBuildDate` (the newest article's, when any has a date); Atom's `updated`.
    let updated: String?
    let siteTitle: String
    /// Whole bodies as HTML, or the summary as text.
    let fullContent: Bool
    let items: [Item]

    struct Item: Sendable, Hashable, Codable {
        let title: String
        let url: String
        let published: String?
        /// Atom only.
        let updated: String?
        let author: String?
        let tags: [String]
        /// The body as HTML when the feed carries whole texts, else the summary.
        let content: ArticleText
    }
}
