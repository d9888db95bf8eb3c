import Foundation

/// What each article is about, as a search engine's "more like this" sees it: every word of the title
/// and the whole text, folded, function words removed, attached prefixes taken off where the archive's
/// own usage allows (`Lexicon`), weighted by TF-IDF; and the word shingles that tell a copy of the same
/// text from another paper.
struct ArticleTerms {
    /// Each article's most telling terms, as (term id, weight) sorted by term id: weights are TF-IDF
    /// normalised by the whole article's vector, so the dot product of two signatures approaches the
    /// cosine of the two articles.
    let signatures: [[(term: Int32, weight: Float)]]
    /// The same terms heaviest first, as positions in `signatures`: the query an article asks the index
    /// (`query`). A byte a term, where a second copy of the terms took eight (400 MB at a million articles).
    let queryOrder: [[UInt8]]
    /// The inverted index: for each term, every article that uses it (and some other article does too)
    /// with its normalised weight there, in article order, which is time order.
    let postings: PostingLists
    /// How many articles use each term.
    let frequency: [Int32]
    /// The stem of each term id, for explanations.
    let stems: [String]
    /// Each term id's key (`Lexicon.key` of its stem), the same in every build: term ids shift when a word
    /// enters the archive, keys do not.
    let termKeys: [UInt64]
    /// Hashes of each article's first word 5-shingles, sorted, unique: near-copies share most of them.
    let shingles: Shingles
    /// Each article's shingles hashed (`Shingles.digest`), for what is remembered between builds.
    let shingleDigests: [UInt64]

    var count: Int { frequency.count }

    /// How many terms sum up one article: enough to find its neighbours and copies, few enough that the
    /// work per article is bounded (Lucene's MoreLikeThis asks 25).
    static let signatureSize = 60
    /// Title words count as this many body words: headlines name the story.
    static let titleBoost: Float = 1.25
    /// How many shingles of an article's start are compared: agency copies share their opening.
    static let shingleLimit = 600
    static let shingleSize = 5

    /// The words met in one chunk of articles: the counts the lexicon is made of, and each word's letters.
    fileprivate struct ChunkVocabulary {
        var lexicon = Lexicon()
        /// As strings: most Arabic words fit a string's 15 inline bytes, so a chunk's thousands of them
        /// take no heap block each (they were a seventh of a cold build's peak at 100,000 articles).
        var letters: [UInt64: String] = [:]
    }

    /// `store`: the words of the last build, taken for every article whose title and text are unchanged,
    /// and told this build's. Each step's arrays are let go once the next is made: at 100,000 articles the
    /// words, the counts and the weights are half a gigabyte each, and a build's peak memory is where they meet.
    /// With a store, the words are not kept from step 1 to step 3 at all but asked of it again.
    init(_ articles: [Article], store: WordsStore? = nil) {
        // 1. Read every article once (or take its words from the store): word counts, shingles, and the
        // archive's vocabulary per chunk.
        var (read, vocabularies) = Parallel.mapChunks(articles, minimumChunk: 64, state: { ChunkVocabulary() }) { vocabulary, article in
            guard let store else {
                let words = Self.read(article, into: &vocabulary)
                return (words: words, identity: UInt64(0), digest: Shingles.digest(words.shingles))
            }
            let identity = ArticleWords.identity(title: article.title, body: article.body)
            if let known = store.words(identity) {
                // Remembered words add their counts; their letters are the store's (step 2). Their
                // shingles are asked of the store again when compared.
                for word in known.title { vocabulary.lexicon.add(key: word.key, count: word.count) }
                for word in known.text { vocabulary.lexicon.add(key: word.key, count: word.count) }
                return (words: ArticleWords(), identity: identity, digest: Shingles.digest(known.shingles))
            }
            let words = Self.read(article, into: &vocabulary)
            store.remember(words, as: identity)
            return (words: ArticleWords(), identity: identity, digest: Shingles.digest(words.shingles))
        }
        var words = read.map(\.words)
        let identities = read.map(\.identity)
        let digests = read.map(\.digest)
        read = []
        var lexicon = Lexicon()
        var letters: [UInt64: [Unicode.Scalar]] = [:]
        for vocabulary in vocabularies {
            lexicon.merge(vocabulary.lexicon)
            for (key, spelling) in vocabulary.letters where letters[key] == nil { letters[key] = Array(spelling.unicodeScalars) }
        }
        vocabularies = []
        if let store {
            for key in lexicon.counts.allKeys where letters[key] == nil {
                // A store that lacks a word's letters does not know what it claims: read every article.
                guard let spelling = store.spelling(key) else {
                    self = ArticleTerms(articles, store: nil)
                    return
                }
                letters[key] = spelling
            }
            store.finish(live: identities, spellings: letters)
        }

        // 2. Each distinct word's base, once per word rather than once per occurrence; term ids in the
        // order of their keys, so every build numbers them alike.
        let distinct = letters.keys.sorted()
        let bases = Parallel.map(distinct, minimumChunk: 1024) { [letters, lexicon] key -> UInt64? in
            guard let base = Self.term(letters[key]!, lexicon: lexicon) else { return nil }
            return Lexicon.key(base)
        }
        var termOfBase: [UInt64: Int32] = [:]
        var stems: [String] = []
        var termKeys: [UInt64] = []
        var termOfWord = KeyTable(capacity: distinct.count)
        for (key, base) in zip(distinct, bases) {
            guard let base else { continue }
            let id: Int32
            if let known = termOfBase[base] {
                id = known
            } else {
                id = Int32(stems.count)
                termOfBase[base] = id
                termKeys.append(base)
                let word = letters[key]!
                stems.append(String(String.UnicodeScalarView(Self.term(word, lexicon: lexicon) ?? word[...])))
            }
            termOfWord[key] = id
        }
        letters = [:]

        // 3. Term counts per article, document frequencies, then TF-IDF signatures.
        shingles = store.map { Shingles(store: $0, identities: identities, articles: articles) } ?? Shingles(held: words.map(\.shingles))
        shingleDigests = digests
        // Words of one base (النفط and نفط) add up to one term: sorted by term, then summed title first and
        // in key order, as a table of counts would, without a table per article.
        let countTerms: @Sendable (ArticleWords) -> [(Int32, Float)] = { [termOfWord] words in
            var parts: [(term: Int32, order: Int32, count: Float)] = []
            parts.reserveCapacity(words.title.count + words.text.count)
            for word in words.title {
                if let term = termOfWord[word.key] { parts.append((term, Int32(parts.count), Float(word.count) * Self.titleBoost)) }
            }
            for word in words.text { if let term = termOfWord[word.key] { parts.append((term, Int32(parts.count), Float(word.count))) } }
            parts.sort { $0.term != $1.term ? $0.term < $1.term : $0.order < $1.order }
            var counts: [(Int32, Float)] = []
            counts.reserveCapacity(parts.count)
            for part in parts {
                if let last = counts.last, last.0 == part.term {
                    counts[counts.count - 1].1 = last.1 + part.count
                } else {
                    counts.append((part.term, 0 + part.count))
                }
            }
            return counts
        }
        var termCounts: [[(Int32, Float)]]
        if let store {
            // One article's words at a time, from the store, or read again where it lost them (a build that
            // writes no cache, a failed write): the same words, since they are a function of the text.
            termCounts = Parallel.map(Array(articles.indices), minimumChunk: 64) { index in
                if let known = store.words(identities[index]) { return countTerms(known) }
                var scratch = ChunkVocabulary()
                return countTerms(Self.read(articles[index], into: &scratch))
            }
        } else {
            termCounts = Parallel.mapConsuming(&words, leaving: ArticleWords(), minimumChunk: 64, countTerms)
        }
        var frequency = [Int32](repeating: 0, count: stems.count)
        for terms in termCounts { for (term, _) in terms { frequency[Int(term)] += 1 } }
        let total = Self.onGrid(articles.count)
        let rarity = frequency.map { log(1 + total / Self.onGrid(Int($0))) }
        words = []
        var weighted = Parallel.mapConsuming(&termCounts, leaving: [], minimumChunk: 64) { [frequency, rarity] terms -> [(term: Int32, weight: Float)] in
            var all = terms.map { term, count in
                (term: term, weight: (1 + log(count)) * rarity[Int(term)])
            }
            let norm = Self.onFineGrid(all.reduce(0) { $0 + $1.weight * $1.weight }.squareRoot())
            guard norm > 0 else { return [] }
            // A word no other article uses cannot link to anything: it stays in the norm, not the index.
            all = all.filter { frequency[Int($0.term)] > 1 }
            all.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term < $1.term }
            return all.map { (term: $0.term, weight: $0.weight / norm) }
        }
        // Every term of every article is indexed, as a search engine indexes documents; only the query
        // side is cut to an article's most telling terms (Lucene's MoreLikeThis does the same).
        termCounts = []
        postings = PostingLists(weighted, terms: stems.count)
        (signatures, queryOrder) = Parallel.mapConsuming(&weighted, leaving: [], minimumChunk: 256) { weighted in
            let query = Array(weighted.prefix(Self.signatureSize))
            let byTerm = query.indices.sorted { query[$0].term < query[$1].term }
            var order = [UInt8](repeating: 0, count: query.count)
            for (position, rank) in byTerm.enumerated() { order[rank] = UInt8(position) }
            return (byTerm.map { query[$0] }, order)
        }.reduce(into: ([[(term: Int32, weight: Float)]](), [[UInt8]]())) { split, article in
            split.0.append(article.0)
            split.1.append(article.1)
        }
        weighted = []
        self.frequency = frequency
        self.stems = stems
        self.termKeys = termKeys
    }

    /// A count as the weights see it: exact up to 32, then on a grid of 16 steps per doubling (4.4%).
    /// One article more or less moves a common word's rarity, or the archive's size, only when it crosses
    /// a step, so the weights of the articles an edit does not touch stay the same bits and their read-also
    /// is not computed again (`ReadAlsoMemory`); the ranking cannot tell the difference.
    static func onGrid(_ count: Int) -> Float {
        guard count > 32 else { return Float(max(count, 1)) }
        return exp2((log2(Float(count)) * 16).rounded() / 16)
    }

    /// A vector's length on a grid of 64 steps per doubling (1.1%): a rarer word's weight changing by a
    /// step leaves the length, and so every other weight of the article, as it was.
    static func onFineGrid(_ length: Float) -> Float {
        guard length > 0 else { return 0 }
        return exp2((log2(length) * 64).rounded() / 64)
    }

    fileprivate static func read(_ article: Article, into vocabulary: inout ChunkVocabulary) -> ArticleWords {
        var result = ArticleWords()
        func count(_ text: String, _ body: (UInt64) -> Void) -> [ArticleWords.Count] {
            var counts: [UInt64: Int32] = [:]
            // One hash lookup per word read; the vocabulary is asked once per distinct word of the article.
            ArabicText.forEachFoldedWord(text) { word in
                let key = Lexicon.key(word)
                if let slot = counts.index(forKey: key) {
                    counts.values[slot] += 1
                } else {
                    counts[key] = 1
                    if vocabulary.letters[key] == nil { vocabulary.letters[key] = String(String.UnicodeScalarView(word)) }
                }
                body(key)
            }
            for (key, count) in counts { vocabulary.lexicon.add(key: key, count: count) }
            // In key order: the same text gives the same words in every process, remembered or read.
            return counts.map { ArticleWords.Count(key: $0.key, count: $0.value) }.sorted { $0.key < $1.key }
        }
        result.title = count(article.title) { _ in }
        var window: [UInt64] = []
        var shingles: Set<UInt32> = []
        result.text = count(article.text) { key in
            guard shingles.count < shingleLimit else { return }
            window.append(key)
            if window.count > shingleSize { window.removeFirst() }
            if window.count == shingleSize {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for key in window { hash = (hash ^ key) &* 0x0000_0100_0000_01B3 }
                shingles.insert(UInt32(truncatingIfNeeded: hash ^ (hash >> 32)))
            }
        }
        result.shingles = shingles.sorted()
        return result
    }

    /// The base a folded word counts as, or nil for function words, numbers and single letters.
    static func term(_ word: [Unicode.Scalar], lexicon: Lexicon) -> ArraySlice<Unicode.Scalar>? {
        guard word.count >= 2, !ArabicText.isFunctionWord(scalars: word), !ArabicText.isFunctionWordWithClitic(scalars: word),
              !word.allSatisfy({ ($0.value >= 0x30 && $0.value <= 0x39) || $0.properties.numericType != nil }) else { return nil }
        let base = lexicon.base(scalars: word)
        return base.count >= 2 ? base : nil
    }

    /// An article's query: its terms heaviest first.
    func query(_ index: Int) -> [(term: Int32, weight: Float)] {
        let signature = signatures[index]
        return queryOrder[index].map { signature[Int($0)] }
    }

    /// The share of the shorter article's shingles that the other holds: 1 for a copy, near 0 for two
    /// different texts on one subject.
    func containment(_ a: Int, _ b: Int) -> Double {
        Self.containment(shingles[a], shingles[b])
    }

    /// Each article's shingles, held or, with a words store, asked of it each time two texts are
    /// compared (a few candidates per article): held, they were a tenth of a million articles' memory.
    struct Shingles: Sendable {
        private let held: [[UInt32]]
        private let store: WordsStore?
        /// `ArticleWords.identity` of each article, to ask the store by.
        private let identities: [UInt64]
        /// What a store that lost a record is read again from.
        private let articles: [Article]

        init(held: [[UInt32]]) {
            (self.held, store, identities, articles) = (held, nil, [], [])
        }

        init(store: WordsStore, identities: [UInt64], articles: [Article]) {
            (held, self.store, self.identities, self.articles) = ([], store, identities, articles)
        }

        subscript(index: Int) -> [UInt32] {
            guard let store else { return held[index] }
            if let known = store.shingles(identities[index]) { return known }
            // The same shingles, since they are a function of the text.
            var scratch = ChunkVocabulary()
            return ArticleTerms.read(articles[index], into: &scratch).shingles
        }

        /// The shingles in one value, as the memory between builds keys what choosing a list read.
        static func digest(_ shingles: [UInt32]) -> UInt64 {
            var hash = FingerprintHash()
            var pairs = shingles.makeIterator()
            while let first = pairs.next() { hash.add(UInt64(first) << 32 | UInt64(pairs.next() ?? 0)) }
            hash.add(UInt64(shingles.count))
            return hash.value
        }
    }

    static func containment(_ a: [UInt32], _ b: [UInt32]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        return Double(sharedCount(a, b)) / Double(min(a.count, b.count))
    }

    /// How many values two sorted, unique arrays share, by one merge.
    static func sharedCount<Value: Comparable>(_ a: [Value], _ b: [Value]) -> Int {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// The dot product of two signatures: how alike two articles are, from 0 to about 1.
    func similarity(_ a: Int, _ b: Int) -> Float {
        let x = signatures[a], y = signatures[b]
        var i = 0, j = 0
        var sum: Float = 0
        while i < x.count && j < y.count {
            if x[i].term == y[j].term {
                sum += x[i].weight * y[j].weight
                i += 1
                j += 1
            } else if x[i].term < y[j].term {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}
