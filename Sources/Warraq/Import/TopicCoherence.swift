import Foundation

/// Whether the articles that carry a phrase are about one thing: a topic gathers related articles
/// ("ليفربول" the club's, "الحوثيين" Yemen's war), a common noun spreads over unrelated ones ("المرأة",
/// "الوطن", "المال" turn up in crime, sport and opinion alike). Measured from the archive alone, without
/// a word list: the mean TF-IDF cosine of the carrying articles, two by two, against the same mean over
/// the whole archive.
///
/// The phrase's own words are taken out of the carriers' vectors first: every carrier holds them, so
/// they would make any phrase look gathered.
struct TopicCoherence: Sendable {
    struct Entry: Sendable {
        var term: Int32
        var weight: Float
    }

    /// Per document, its terms' sublinear TF-IDF weights, the vector of unit length, terms ascending.
    let vectors: [[Entry]]
    let terms: [String: Int32]
    /// The mean cosine of two distinct documents of the archive.
    let background: Double

    /// `documents`: each document's words, as the tagger keys them (folded, clitics off).
    init(_ documents: [[String]]) {
        var terms: [String: Int32] = [:]
        var frequency: [Int32: Int] = [:]
        let counted: [[Int32: Int]] = documents.map { words in
            var counts: [Int32: Int] = [:]
            for word in words {
                let id = terms[word] ?? {
                    let id = Int32(terms.count)
                    terms[word] = id
                    return id
                }()
                counts[id, default: 0] += 1
            }
            for id in counts.keys { frequency[id, default: 0] += 1 }
            return counts
        }
        let total = Double(documents.count)
        vectors = counted.map { counts in
            var entries = counts.map { id, count in
                Entry(term: id, weight: Float((1 + log(Double(count))) * (log((1 + total) / Double(1 + (frequency[id] ?? 0))) + 1)))
            }
            let norm = entries.reduce(Float(0)) { $0 + $1.weight * $1.weight }.squareRoot()
            if norm > 0 { for index in entries.indices { entries[index].weight /= norm } }
            return entries.sorted { $0.term < $1.term }
        }
        self.terms = terms
        var sum: [Int32: Double] = [:]
        for vector in vectors { for entry in vector { sum[entry.term, default: 0] += Double(entry.weight) } }
        let squared = sum.values.reduce(0) { $0 + $1 * $1 }
        let nonEmpty = Double(vectors.filter { !$0.isEmpty }.count)
        background = nonEmpty > 1 ? (squared - nonEmpty) / (nonEmpty * (nonEmpty - 1)) : 0
    }

    /// How much more alike the `carriers` are than two articles of the archive drawn at random (1: as
    /// alike; a topic's carriers are several times more alike), leaving out the words of `phrase`.
    /// Nil when fewer than two carriers hold anything else.
    func gathering(of carriers: [Int], phrase: [String]) -> Double? {
        let left = Set(phrase.compactMap { terms[$0] })
        var sum: [Int32: Double] = [:]
        var count = 0
        for index in carriers {
            let kept = vectors[index].filter { !left.contains($0.term) }
            let norm = kept.reduce(0.0) { $0 + Double($1.weight) * Double($1.weight) }.squareRoot()
            guard norm > 0 else { continue }
            count += 1
            for entry in kept { sum[entry.term, default: 0] += Double(entry.weight) / norm }
        }
        guard count >= 2, background > 0 else { return nil }
        let squared = sum.values.reduce(0) { $0 + $1 * $1 }
        let mean = (squared - Double(count)) / Double(count * (count - 1))
        return mean / background
    }
}
