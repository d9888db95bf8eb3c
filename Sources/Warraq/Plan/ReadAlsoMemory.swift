/// What read-also scoring chose for each article in the last build, kept so that a rebuild scores again
/// only the articles a change can reach.
///
/// Scoring is the costly half of read-also: an article's query reads thousands of postings. What it reads
/// is summed up in a fingerprint (`ReadAlsoEngine.fingerprint`): its own query and tags, and every posting and
/// tag member in its windows, each by the identity, date and title of its article and its weight there. The
/// best candidates are a function of exactly that, so an article whose fingerprint is the one remembered
/// gets the remembered candidates. The list chosen from them (copies, one story once, links, the fallback)
/// is remembered too, with a key of what choosing read (`ReadAlsoEngine.choiceKey`); it is chosen again
/// when that key differs. Weights are kept on a grid (`ArticleTerms.onGrid`) so that one
/// article more does not move every other article's weights; an edit reaches the articles that share its
/// words near it in time, those that share its tags, and those whose words' rarity crossed a step.
public struct ReadAlsoMemory: Sendable, Equatable {
    /// One article's best candidates by score, time included, best first, and what scoring read to find them.
    public struct Shortlist: Sendable, Equatable {
        public var fingerprint: UInt64
        /// `ReadAlsoEngine.identity` of each candidate, and its score.
        public var candidates: [UInt64]
        public var scores: [Double]
        /// The list chosen from them, nil when none is remembered.
        public var choice: Choice?

        public init(fingerprint: UInt64, candidates: [UInt64], scores: [Double], choice: Choice? = nil) {
            self.fingerprint = fingerprint
            self.candidates = candidates
            self.scores = scores
            self.choice = choice
        }
    }

    /// The list chosen from a shortlist (copies set apart, one story once, explicit links first, the
    /// fallback), by identity, and what the choice read: `key` (`ReadAlsoEngine.choiceKey`) and, when the
    /// list was filled from the article's neighbours in time, `neighbours` (`ReadAlsoEngine.neighboursKey`).
    public struct Choice: Sendable, Equatable {
        public enum Link: Sendable, Equatable {
            case article(UInt64)
            case headline(String)
        }

        public var key: UInt64
        public var neighbours: UInt64?
        public var featured: UInt64?
        public var similar: [Link]
        public var alsoPublished: [UInt64]

        public init(key: UInt64, neighbours: UInt64?, featured: UInt64?, similar: [Link], alsoPublished: [UInt64]) {
            (self.key, self.neighbours, self.featured, self.similar, self.alsoPublished) = (key, neighbours, featured, similar, alsoPublished)
        }
    }

    /// Where one article's shortlist lies: which piece of `pieces`, and where in it.
    struct Entry: Sendable, Equatable {
        /// `ReadAlsoEngine.identity` of the article.
        var identity: UInt64
        var piece: UInt32
        var length: UInt32
        var offset: Int

        /// The same entry, its shortlist `offset` bytes further on (its piece written after others).
        func moved(by offset: Int) -> Entry {
            Entry(identity: identity, piece: piece, length: length, offset: self.offset + offset)
        }
    }

    /// The shortlists encoded one after another (`write(_:to:)`), in the pieces they were made in (one
    /// per chunk of a parallel pass): a million articles' shortlists are about 750 MB so, where as arrays
    /// and structures they were twice that.
    let pieces: [[UInt8]]
    /// Sorted by identity, one per article.
    let entries: [Entry]
    /// Where the shortlists were written instead of `pieces` (then empty; each entry's offset is from the
    /// first byte the sink kept).
    let sink: (any ShortlistSink)?

    public init() {
        pieces = []
        entries = []
        sink = nil
    }

    /// `entries` in any order; two entries of one identity are not allowed (`ReadAlsoEngine` remembers
    /// nothing when identities collide).
    init(pieces: [[UInt8]], entries: [Entry]) {
        self.pieces = pieces
        self.entries = entries.sorted { $0.identity < $1.identity }
        sink = nil
    }

    /// Shortlists `sink` holds.
    init(keptBy sink: any ShortlistSink, entries: [Entry]) {
        pieces = []
        self.entries = entries.sorted { $0.identity < $1.identity }
        self.sink = sink
    }

    /// By `ReadAlsoEngine.identity` of the article.
    public init(shortlists: [UInt64: Shortlist]) {
        var writer = CacheBytesWriter()
        var entries: [Entry] = []
        for identity in shortlists.keys.sorted() {
            let start = writer.bytes.count
            Self.write(shortlists[identity]!, to: &writer)
            entries.append(Entry(identity: identity, piece: 0, length: UInt32(writer.bytes.count - start), offset: start))
        }
        self.init(pieces: [writer.take()], entries: entries)
    }

    public var count: Int { entries.count }

    /// The shortlists by identity, decoded: for tests and small archives.
    public var shortlists: [UInt64: Shortlist] {
        Dictionary(uniqueKeysWithValues: entries.compactMap { entry in shortlist(at: entry).map { (entry.identity, $0) } })
    }

    func shortlist(at entry: Entry) -> Shortlist? {
        guard sink == nil else { return nil }
        return pieces[Int(entry.piece)].withUnsafeBytes { piece in
            Self.read(UnsafeRawBufferPointer(rebasing: piece[entry.offset..<(entry.offset + Int(entry.length))]))
        }
    }

    /// The entry of `identity`, by binary search.
    static func entry<Entries: RandomAccessCollection>(of identity: UInt64, in entries: Entries) -> Entries.Element?
        where Entries.Index == Int, Entries.Element == Entry {
        var low = entries.startIndex, high = entries.endIndex
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].identity < identity { low = mid + 1 } else { high = mid }
        }
        return low < entries.endIndex && entries[low].identity == identity ? entries[low] : nil
    }

    public static func == (a: ReadAlsoMemory, b: ReadAlsoMemory) -> Bool {
        guard a.entries.count == b.entries.count else { return false }
        if a.sink != nil || b.sink != nil { return a.sink === b.sink && a.entries == b.entries }
        return zip(a.entries, b.entries).allSatisfy { x, y in
            x.identity == y.identity && x.length == y.length
                && a.pieces[Int(x.piece)][x.offset..<(x.offset + Int(x.length))] == b.pieces[Int(y.piece)][y.offset..<(y.offset + Int(y.length))]
        }
    }

    // MARK: one shortlist's bytes

    /// `fingerprint | n | n × (candidate, score) | choice`; a choice is `0`, or
    /// `1 | key | neighbours? | featured? | similar links | also-published`.
    static func write(_ shortlist: Shortlist, to writer: inout CacheBytesWriter) {
        writer.uint64(shortlist.fingerprint)
        writer.uint32(UInt32(shortlist.candidates.count))
        for (candidate, score) in zip(shortlist.candidates, shortlist.scores) {
            writer.uint64(candidate)
            writer.uint64(score.bitPattern)
        }
        writer.bool(shortlist.choice != nil)
        guard let choice = shortlist.choice else { return }
        writer.uint64(choice.key)
        writer.bool(choice.neighbours != nil)
        if let neighbours = choice.neighbours { writer.uint64(neighbours) }
        writer.bool(choice.featured != nil)
        if let featured = choice.featured { writer.uint64(featured) }
        writer.int(choice.similar.count)
        for link in choice.similar {
            switch link {
            case .article(let identity):
                writer.bool(true)
                writer.uint64(identity)
            case .headline(let headline):
                writer.bool(false)
                writer.string(headline)
            }
        }
        writer.int(choice.alsoPublished.count)
        for identity in choice.alsoPublished { writer.uint64(identity) }
    }

    /// One shortlist's bytes, all of them, or nil.
    static func read(_ raw: UnsafeRawBufferPointer) -> Shortlist? {
        var reader = CacheBytesReader(raw)
        do {
            var shortlist = Shortlist(fingerprint: try reader.uint64(), candidates: [], scores: [])
            let candidates = Int(try reader.uint32())
            guard candidates <= raw.count / 16 else { return nil }
            shortlist.candidates.reserveCapacity(candidates)
            shortlist.scores.reserveCapacity(candidates)
            for _ in 0..<candidates {
                shortlist.candidates.append(try reader.uint64())
                shortlist.scores.append(Double(bitPattern: try reader.uint64()))
            }
            if try reader.bool() {
                let key = try reader.uint64()
                let neighbours = try reader.bool() ? try reader.uint64() : nil
                let featured = try reader.bool() ? try reader.uint64() : nil
                var similar: [Choice.Link] = []
                for _ in 0..<(try reader.count()) {
                    similar.append(try reader.bool() ? .article(try reader.uint64()) : .headline(try reader.string()))
                }
                var alsoPublished: [UInt64] = []
                for _ in 0..<(try reader.count()) { alsoPublished.append(try reader.uint64()) }
                shortlist.choice = Choice(key: key, neighbours: neighbours, featured: featured, similar: similar, alsoPublished: alsoPublished)
            }
            return reader.atEnd ? shortlist : nil
        } catch {
            return nil
        }
    }
}

extension ReadAlsoMemory: ReadAlsoRecall {
    public func shortlist(of identity: UInt64) -> Shortlist? {
        Self.entry(of: identity, in: entries).flatMap(shortlist(at:))
    }
}

/// Where a build's shortlists go as each part of the archive is scored, rather than into memory until the
/// plan is done: the file the next build reads (`ReadAlsoMemoryFile.Draft`).
public protocol ShortlistSink: AnyObject, Sendable {
    /// Keeps one part's shortlists (`ReadAlsoMemory.write`, one after another) after those kept before;
    /// gives back where its first byte lies among them. Called from several threads.
    func keep(_ piece: [UInt8]) -> Int
}

/// What the last build's read-also remembered, asked one article at a time: a `ReadAlsoMemory` kept in
/// this process (the preview server's), or the file it was saved to (`ReadAlsoMemoryFile`), which is not
/// read whole.
public protocol ReadAlsoRecall: Sendable {
    func shortlist(of identity: UInt64) -> ReadAlsoMemory.Shortlist?
}

/// How a read-also pass went: every article's links, its warnings, the memory for the next build, how
/// many articles were scored rather than remembered, and how many lists were chosen again.
public struct ReadAlsoOutcome: Sendable {
    public var readAlso: [ReadAlso]
    public var diagnostics: [Diagnostic]
    public var memory: ReadAlsoMemory
    public var scored: Int
    public var chosen: Int
}
