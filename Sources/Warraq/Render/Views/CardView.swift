/// An article as lists and read-also links show it: title, link, date, source and lead, with its
/// thumbnail. A headline the archive does not hold has only its `title`.
///
/// A card is on a dozen pages (lists, feeds' pages, read-also links), so its fingerprint is hashed once a
/// build (`PageRenderer.cards`); a card changed for one page (a longer lead, its paper) is hashed again.
struct CardView: Sendable, Hashable, Codable, Prehashed {
    let title: String
    var url: String? { didSet { fingerprint = nil } }
    var lead: ArticleText? { didSet { fingerprint = nil } }
    var date: String? { didSet { fingerprint = nil } }
    var time: String? { didSet { fingerprint = nil } }
    var date_iso: String? { didSet { fingerprint = nil } }
    var source: String? { didSet { fingerprint = nil } }
    var thumbnail: ThumbnailView? { didSet { fingerprint = nil } }
    /// The lead story's picture, on the front page (in place of its thumbnail).
    var image: ImageView? { didSet { fingerprint = nil } }
    /// The paper that also printed the text, under "also published in".
    var paper: String? { didSet { fingerprint = nil } }
    /// The hash of the values above (`ViewFingerprint.hash`), once they are final; not a template value.
    var fingerprint: UInt64?

    init(title: String, url: String? = nil, lead: ArticleText? = nil) {
        (self.title, self.url, self.lead) = (title, url, lead)
    }

    private enum CodingKeys: String, CodingKey {
        case title, url, lead, date, time, date_iso, source, thumbnail, image, paper
    }
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

/// A term as a link: on article pages, in indexes. A tag is on many articles' pages, so its fingerprint
/// is hashed once a build (`PageRenderer.terms`).
struct TermView: Sendable, Hashable, Codable, Prehashed {
    let name: String
    let url: String
    let count: String
    let count_label: String
    let singular: String
    /// The hash of the values above (`ViewFingerprint.hash`); not a template value.
    var fingerprint: UInt64?

    private enum CodingKeys: String, CodingKey {
        case name, url, count, count_label, singular
    }
}
