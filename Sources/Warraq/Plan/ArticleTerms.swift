import Foundation

/// The words that say what an article is about, with the weight each carries: TF-IDF over normalised
/// Arabic words, function words removed and a light prefix strip, so "والحكومة" meets "الحكومة".
struct ArticleTerms {
    /// Term ids and weights of each article's signature: its most telling words, heaviest first.
    let signatures: [[(term: Int32, weight: Float)]]
    /// The first article to use each term: where its spelling is found again when a person asks.
    let firstArticle: [Int32]
    private let keys: [UInt64]

    var count: Int { keys.count }

    /// How many words sum up one article: enough to find neighbours, few enough to bound the work.
    static let signatureSize = 16

    init(_ articles: [Article]) {
        let counts = Parallel.map(articles, minimumChunk: 64) { Self.termCounts(title: $0.title, text: $0.text) }
        var idOfKey: [UInt64: Int32] = [:]
        var keys: [UInt64] = []
        var frequency: [Int32] = []
        var firstArticle: [Int32] = []
        // Ids in order of first use, article by article: the same archive gives the same ids every time.
        let ids: [[(Int32, Int)]] = counts.enumerated().map { article, terms in
            terms.map { key, count in
                if let id = idOfKey[key] {
                    frequency[Int(id)] += 1
                    return (id, count)
                }
                let id = Int32(keys.count)
                idOfKey[key] = id
                keys.append(key)
                frequency.append(1)
                firstArticle.append(Int32(article))
                return (id, count)
            }
        }
        let total = Float(max(articles.count, 1))
        signatures = Parallel.map(ids, minimumChunk: 256) { terms in
            var weighted = terms.map { id, count in
                (term: id, weight: (1 + log(Float(count))) * log(1 + total / Float(frequency[Int(id)])))
            }
            let norm = weighted.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot()
            guard norm > 0 else { return [] }
            // A word no other article uses cannot link to anything: it stays in the norm, not the signature.
            weighted = weighted.filter { frequency[Int($0.term)] > 1 }
            weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
            return weighted.prefix(Self.signatureSize).map { (term: $0.term, weight: $0.weight / norm) }
        }
        self.keys = keys
        self.firstArticle = firstArticle
    }

    /// The stem behind a term id, found again in the article that first used it (for explanations only).
    func word(_ term: Int32, in articles: [Article]) -> String {
        let article = articles[Int(firstArticle[Int(term)])]
        var found = ""
        Self.forEachTerm(title: article.title, text: article.text) { key, stem in
            if found.isEmpty && key == keys[Int(term)] { found = String(String.UnicodeScalarView(stem)) }
        }
        return found
    }

    /// Terms and their counts, in order of first use; title words count twice, as headlines name the story.
    /// A term is a 64-bit hash of its stem: words are counted by the million, and neither a String nor
    /// an array is made for each.
    static func termCounts(title: String, text: String) -> [(UInt64, Int)] {
        var order: [UInt64] = []
        var counts: [UInt64: Int] = [:]
        forEachTerm(title: title, text: text) { key, _ in
            if let seen = counts[key] {
                counts[key] = seen + 1
            } else {
                counts[key] = 1
                order.append(key)
            }
        }
        return order.map { ($0, counts[$0]!) }
    }

    static func forEachTerm(title: String, text: String, _ body: (UInt64, ArraySlice<Unicode.Scalar>) -> Void) {
        let visit = { (word: [Unicode.Scalar]) in
            guard let stem = term(word) else { return }
            body(key(stem), stem)
        }
        ArabicText.forEachFoldedWord(title, visit)
        ArabicText.forEachFoldedWord(text, visit)
    }

    /// The stem a folded word counts as, or nil for function words, numbers and single letters.
    static func term(_ word: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar>? {
        guard word.count >= 2, !ArabicText.isFunctionWord(scalars: word),
              !word.allSatisfy({ ($0.value >= 0x30 && $0.value <= 0x39) || $0.properties.numericType != nil }) else { return nil }
        let stem = ArabicText.stem(scalars: word)
        return stem.count >= 2 ? stem : nil
    }

    static func key(_ stem: ArraySlice<Unicode.Scalar>) -> UInt64 {
        var hash = StableHash()
        hash.combine(scalars: stem)
        return hash.value
    }
}
