import Foundation
import Testing
@testable import Warraq

/// A lead, a description or a card's shortened lead is known by what it is made of, so a rebuild finds an
/// unchanged page without reading its lead back from the article cache.
@Suite("Article texts a page shows, hashed from their sources")
struct ArticleTextTests {
    /// A shelf that counts what is read back from it.
    final class CountingShelf: BodyShelf, @unchecked Sendable {
        private(set) var reads = 0
        private var texts: [String] = []

        func shelve(_ text: String) -> ShelfSpan {
            texts.append(text)
            var bytes = text
            let check = bytes.withUTF8 { ShelfSpan.checksum(UnsafeRawBufferPointer($0)) }
            return ShelfSpan(range: (texts.count - 1)..<texts.count, check: check)
        }

        func text(at span: ShelfSpan) -> String {
            reads += 1
            return texts[span.range.lowerBound]
        }
    }

    static let lead = "قال وزير الخارجية إن المفاوضات مستمرة حتى الاتفاق على كل البنود المعلقة بين الطرفين."

    func shelvedBody(lead: String, on shelf: CountingShelf) -> ArticleBody {
        ArticleBody(shelf: shelf, html: shelf.shelve("<p>\(lead)</p>\n"), lead: shelf.shelve(lead), text: shelf.shelve(lead), imageSources: [])
    }

    @Test("hashing a shortened lead reads nothing back; rendering it reads it once and shortens it")
    func hashedUnread() {
        let shelf = CountingShelf()
        let body = shelvedBody(lead: Self.lead, on: shelf)
        let excerpt = ArticleText(leadOf: body, limit: 30)
        var card = CardView(title: "المفاوضات مستمرة", url: "/2015/07/a/", lead: excerpt)
        card.fingerprint = ViewFingerprint.hash(of: card)
        _ = NewsArticleJSON(headline: "المفاوضات مستمرة", language: "ar", url: "https://example.org/a/", publisher: "واس",
                            description: excerpt, published: nil, modified: nil, authors: [], keywords: [], image: nil).fingerprint
        #expect(shelf.reads == 0)
        #expect(excerpt.text == ArabicText.shortened(Self.lead, limit: 30))
        #expect(shelf.reads == 1)
    }

    @Test("another lead, another limit or a summary in its place is another fingerprint; the same lead is the same")
    func fingerprintsApart() {
        let shelf = CountingShelf()
        let body = shelvedBody(lead: Self.lead, on: shelf)
        let copy = shelvedBody(lead: Self.lead, on: shelf)
        let edited = shelvedBody(lead: Self.lead + " وأضاف أن الجولة القادمة ستعقد في جنيف.", on: shelf)
        let held = ArticleBody(html: "<p>\(Self.lead)</p>\n", lead: Self.lead, text: Self.lead)
        let base = ArticleText(leadOf: body, limit: 200).fingerprint
        #expect(ArticleText(leadOf: copy, limit: 200).fingerprint == base)
        #expect(ArticleText(leadOf: held, limit: 200).fingerprint == base, "a held lead hashes as its shelved bytes do")
        #expect(ArticleText(leadOf: edited, limit: 200).fingerprint != base)
        #expect(ArticleText(leadOf: body, limit: 280).fingerprint != base)
        #expect(ArticleText(leadOf: body).fingerprint != base)
        #expect(ArticleText(Self.lead, limit: 200).fingerprint != base)
        #expect(ArticleText(htmlOf: body).fingerprint != ArticleText(leadOf: body).fingerprint)

        var article = Article(file: "a.md", title: "المفاوضات مستمرة", slug: "a")
        article.body = body
        #expect(ArticleText(summaryOf: article, limit: 200).fingerprint == base)
        article.summary = "ملخص كتبه المحرر."
        #expect(ArticleText(summaryOf: article, limit: 200).text == "ملخص كتبه المحرر.")
        #expect(ArticleText(summaryOf: article, limit: 200).fingerprint != base)
        #expect(shelf.reads == 0)
    }
}
