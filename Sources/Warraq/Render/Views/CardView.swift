/// An article as lists and read-also links show it: title, link, date, source and lead, with its
/// thumbnail. A headline the archive does not hold has only its `title`.
struct CardView: Sendable, Hashable, Codable {
    let title: String
    var url: String?
    var lead: String?
    var date: String?
    var time: String?
    var date_iso: String?
    var source: String?
    var thumbnail: ThumbnailView?
    /// The lead story's picture, on the front page (in place of its thumbnail).
    var image: ImageView?
    /// The paper that also printed the text, under "also published in".
    var paper: String?
}

struct ThumbnailView: Sendable, Hashable, Codable {
    let url: String
    let width: String
    let height: String
}

/// The figure of an article's picture: its sizes (so the page does not jump as it loads), the WebP
/// version, alt text, caption and credit, and the absolute URL that OpenGraph and JSON-LD give.
struct ImageView: Sendable, Hashable, Codable {
    let alt: String
    let url: String
    let absolute: String
    var width: String?
    var height: String?
    var webp: String?
    var caption: String?
    var credit: String?
    let has_caption: Bool
}

/// A term as a link: on article pages, in indexes.
struct TermView: Sendable, Hashable, Codable {
    let name: String
    let url: String
    let count: String
    let count_label: String
    let singular: String
}
