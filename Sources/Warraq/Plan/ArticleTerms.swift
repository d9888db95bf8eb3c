import Foundation

/// The words that say what an article is about, with the weight each carries: TF-IDF over normalised
/// Arabic words, function words removed and a light prefix strip, so "والحكومة" meets "الحكومة".
struct ArticleTerms {
    /// Term ids and weights of each article's signature: its most telling words, heaviest first.
    let signatures: [[(term: Int32, weight: Float)]]
    /// The words behind term ids.
    let vocabulary: [String]
    /// How many articles use each term.
    let documentFrequency: [Int32]

    /// How many words sum up one article: enough to find neighbours, few enough to bound the work.
    static let signatureSize = 16

    init(_ articles: [Article]) {
        let counts = Parallel.map(articles, minimumChunk: 64) { Self.termCounts(title: $0.title, text: $0.text) }
        var idOfTerm: [String: Int32] = [:]
        var vocabulary: [String] = []
        var frequency: [Int32] = []
        let ids: [[(Int32, Int)]] = counts.map { terms in
            terms.map { term, count in
                if let id = idOfTerm[term] {
                    frequency[Int(id)] += 1
                    return (id, count)
                }
                let id = Int32(vocabulary.count)
                idOfTerm[term] = id
                vocabulary.append(term)
                frequency.append(1)
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
        self.vocabulary = vocabulary
        self.documentFrequency = frequency
    }

    /// Light stems and their counts; title words count twice, as headlines name the story.
    static func termCounts(title: String, text: String) -> [(String, Int)] {
        var counts: [String: Int] = [:]
        for word in ArabicText.foldedWords(title) + ArabicText.foldedWords(text) {
            guard let term = term(word) else { continue }
            counts[term, default: 0] += 1
        }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The stem a folded word counts as, or nil for function words, numbers and single letters.
    static func term(_ word: String) -> String? {
        guard word.unicodeScalars.count >= 2, !ArabicText.isFunctionWord(word),
              !word.unicodeScalars.allSatisfy({ $0.properties.numericType != nil }) else { return nil }
        let stem = ArabicText.stem(word)
        return stem.unicodeScalars.count >= 2 ? stem : nil
    }
}
