/// The inverted index's lists, every term's in one array: a list per term cost a heap block and grew by
/// doubling as it was filled, a third of the index's memory at 100,000 articles.
///
/// Each term's run holds the articles that use it, in article order (time order), with the term's
/// weight there.
struct PostingLists: Sendable {
    typealias Entry = (article: Int32, weight: Float)

    /// Where each term's run starts in `entries`, and one past the last run.
    private let starts: [Int]
    private let entries: [Entry]

    /// `vectors[article]`: the article's terms and weights; `terms`: how many term ids there are.
    init(_ vectors: [[(term: Int32, weight: Float)]], terms: Int) {
        var starts = [Int](repeating: 0, count: terms + 1)
        for vector in vectors { for (term, _) in vector { starts[Int(term) + 1] += 1 } }
        for term in 0..<terms { starts[term + 1] += starts[term] }
        var next = starts
        let total = starts[terms]
        entries = [Entry](unsafeUninitializedCapacity: total) { buffer, initialized in
            for (article, vector) in vectors.enumerated() {
                for (term, weight) in vector {
                    (buffer.baseAddress! + next[Int(term)]).initialize(to: (Int32(article), weight))
                    next[Int(term)] += 1
                }
            }
            initialized = total
        }
        self.starts = starts
    }

    /// How many terms there are.
    var count: Int { starts.count - 1 }

    func count(of term: Int) -> Int { starts[term + 1] - starts[term] }

    /// One term's run, without copying it.
    func withList<Result>(_ term: Int, _ body: (UnsafeBufferPointer<Entry>) throws -> Result) rethrows -> Result {
        try entries.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[starts[term]..<starts[term + 1]]))
        }
    }
}
