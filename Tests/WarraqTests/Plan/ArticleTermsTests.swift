import Foundation
import Testing
@testable import Warraq

/// A store in memory, as `WordsFile` is on disk: what one build remembered, the next is given.
final class WordsInMemory: WordsStore, @unchecked Sendable {
    private let lock = NSLock()
    var kept: [UInt64: ArticleWords] = [:]
    var spellings: [UInt64: [Unicode.Scalar]] = [:]
    var read = 0

    func words(_ identity: UInt64) -> ArticleWords? { lock.withLock { kept[identity] } }
    func spelling(_ key: UInt64) -> [Unicode.Scalar]? { lock.withLock { spellings[key] } }
    func remember(_ words: ArticleWords, as identity: UInt64) { lock.withLock { kept[identity] = words; read += 1 } }
    func finish(live: [UInt64], spellings: [UInt64: [Unicode.Scalar]]) { lock.withLock { self.spellings = spellings } }
}

@Suite("The index's words, read or remembered")
struct ArticleTermsTests {
    static func articles() -> [Article] {
        let texts = ["ارتفعت أسعار النفط في الأسواق العالمية مع تراجع المخزونات الأمريكية",
                     "أسعار النفط تتراجع بعد قرار أوبك زيادة الإنتاج في الأسواق",
                     "الهلال يفوز على النصر في الدوري السعودي للمحترفين بهدفين",
                     "النصر يستعد لمواجهة الهلال في نهائي كأس الملك بالرياض"]
        return texts.enumerated().map { index, text in
            var article = Article(file: "a\(index).md", title: String(text.split(separator: " ").prefix(4).joined(separator: " ")), slug: "a\(index)")
            article.text = text + "، وقال مسؤولون إن " + text
            return article
        }
    }

    func same(_ a: ArticleTerms, _ b: ArticleTerms) -> Bool {
        a.stems == b.stems && a.termKeys == b.termKeys && a.shingleDigests == b.shingleDigests && a.frequency == b.frequency
            && a.signatures.indices.allSatisfy { a.shingles[$0] == b.shingles[$0] }
            && a.signatures.map { $0.map(\.term) } == b.signatures.map { $0.map(\.term) }
            && a.signatures.map { $0.map(\.weight) } == b.signatures.map { $0.map(\.weight) }
    }

    @Test("every term's postings hold the articles that use it, in article order, with their weights")
    func postingsInArticleOrder() {
        let terms = ArticleTerms(Self.articles())
        var entries = 0
        for term in 0..<terms.postings.count {
            terms.postings.withList(term) { list in
                entries += list.count
                #expect(list.map(\.article) == list.map(\.article).sorted())
                #expect(list.count == (terms.frequency[term] > 1 ? Int(terms.frequency[term]) : 0))
                for entry in list {
                    #expect(terms.signatures[Int(entry.article)].contains { $0.term == Int32(term) && $0.weight == entry.weight }
                            || terms.signatures[Int(entry.article)].count == ArticleTerms.signatureSize)
                }
            }
        }
        // The oil and the football stories share words with each other, not across.
        #expect(entries > 0)
        let oil = terms.termKeys.firstIndex(of: Lexicon.key(Array("نفط".unicodeScalars)))
            ?? terms.stems.firstIndex { $0.contains("نفط") }
        #expect(oil.map { term in terms.postings.withList(term) { $0.map(\.article) } } == [0, 1])
    }

    @Test("remembered words give the index that reading them gives; an edited article is read again")
    func rememberedEqualsRead() {
        var articles = Self.articles()
        let store = WordsInMemory()
        let first = ArticleTerms(articles, store: store)
        #expect(store.read == 4)
        #expect(same(first, ArticleTerms(articles)))
        articles[1].text += " وارتفعت أسعار الذهب"
        let second = ArticleTerms(articles, store: store)
        #expect(store.read == 5)
        #expect(same(second, ArticleTerms(articles)))
    }

    @Test("with a store, shingles are asked of it when compared, and read again from the text where it lost them")
    func shinglesAskedOfTheStore() {
        let articles = Self.articles()
        let held = ArticleTerms(articles)
        let store = WordsInMemory()
        let terms = ArticleTerms(articles, store: store)
        // The copies of one sentence twice share all their shingles; the oil and football stories none.
        #expect(terms.containment(0, 0) == 1)
        #expect(terms.containment(0, 2) == held.containment(0, 2))
        store.kept = store.kept.mapValues { words in ArticleWords(title: words.title, text: words.text, shingles: words.shingles.map { $0 ^ 1 }) }
        #expect(terms.shingles[1] == held.shingles[1].map { $0 ^ 1 }, "asked of the store, not held")
        store.kept = [:]
        #expect(articles.indices.allSatisfy { terms.shingles[$0] == held.shingles[$0] })
        #expect(!held.shingles[0].isEmpty)
    }

    @Test("a store that lacks the letters of a word it remembers is not believed: every article is read")
    func missingLettersReadsAll() {
        let articles = Self.articles()
        let store = WordsInMemory()
        _ = ArticleTerms(articles, store: store)
        store.spellings.removeValue(forKey: store.spellings.keys.sorted()[3])
        #expect(same(ArticleTerms(articles, store: store), ArticleTerms(articles)))
    }
}
