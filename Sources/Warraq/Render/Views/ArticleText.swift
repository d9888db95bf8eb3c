/// A text of an article as a page shows it (its summary or lead, shortened or whole, or its body's HTML),
/// read back from the article cache only when the page is rendered. Its fingerprint is what it is made
/// from: the shelved text's checksum (`ArticleBody.identity`) or the given text, and the limit; so finding
/// that a page is unchanged reads no lead back (every card and every article page read one each build).
struct ArticleText: Sendable, Hashable, Codable, Prehashed {
    private enum Source: Sendable {
        case given(String)
        case lead(ArticleBody)
        case html(ArticleBody)
    }

    private let source: Source
    /// Characters it is shortened to (`ArabicText.shortened`); nil: whole.
    private let limit: Int?

    /// A text the page already holds (a summary from front matter, the site's description).
    init(_ text: String, limit: Int? = nil) {
        source = .given(text)
        self.limit = limit
    }

    /// The article's lead, as written.
    init(leadOf body: ArticleBody, limit: Int? = nil) {
        source = .lead(body)
        self.limit = limit
    }

    /// The writer's summary, else the lead.
    init(summaryOf article: Article, limit: Int? = nil) {
        self = article.summary.map { ArticleText($0, limit: limit) } ?? ArticleText(leadOf: article.body, limit: limit)
    }

    /// The body as rendered HTML, for feeds that carry whole texts.
    init(htmlOf body: ArticleBody) {
        source = .html(body)
        limit = nil
    }

    var text: String {
        let whole: String = switch source {
        case .given(let text): text
        case .lead(let body): body.lead
        case .html(let body): body.html
        }
        return limit.map { ArabicText.shortened(whole, limit: $0) } ?? whole
    }

    var fingerprint: UInt64? {
        var hash = PageHash()
        switch source {
        case .given(let text):
            hash.combine(byte: 1)
            hash.combine(text)
        case .lead(let body):
            hash.combine(byte: 2)
            hash.combine(word: body.identity(.lead))
        case .html(let body):
            hash.combine(byte: 3)
            hash.combine(word: body.identity(.html))
        }
        hash.combine(word: UInt64(bitPattern: Int64(limit ?? -1)))
        return hash.value
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// For `TemplateNames`, which reads the views' names through their `Decodable` conformances: to a
    /// template this is one text.
    init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    static func == (a: ArticleText, b: ArticleText) -> Bool { a.fingerprint == b.fingerprint }
    func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }
}
