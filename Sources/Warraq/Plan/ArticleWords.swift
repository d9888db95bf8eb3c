/// One article's words as the read-also index reads them: each distinct folded word of the title and of the
/// text with its count (by `Lexicon.key`), and the hashes of the text's first word 5-shingles. A function of
/// the title and the text alone, so a rebuild takes an unchanged article's words from the last build
/// (`WordsStore`) instead of reading its text again, which was the largest part of planning a rebuild.
public struct ArticleWords: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public var key: UInt64
        public var count: Int32

        public init(key: UInt64, count: Int32) {
            (self.key, self.count) = (key, count)
        }
    }

    public var title: [Count] = []
    public var text: [Count] = []
    public var shingles: [UInt32] = []

    public init(title: [Count] = [], text: [Count] = [], shingles: [UInt32] = []) {
        (self.title, self.text, self.shingles) = (title, text, shingles)
    }

    /// What an article's words are known by from one build to the next: a hash of its title and of its
    /// text's checksum (`ArticleBody.identity`), so an unchanged article's text is not read back to be known.
    public static func identity(title: String, body: ArticleBody) -> UInt64 {
        var hash = FingerprintHash()
        var title = title
        title.withUTF8 { hash.add(bytes: UnsafeRawBufferPointer($0)) }
        hash.add(body.identity(.text))
        return hash.value
    }
}

/// Where the words of the last build are found and this build's are kept (`WordsFile` in Build). Asked from
/// many threads at once.
public protocol WordsStore: AnyObject, Sendable {
    /// The words remembered under an article's `ArticleWords.identity`, or nil. After `finish`, the words
    /// this build remembered too: the index asks for each article's words a second time, one at a time,
    /// rather than hold them all.
    func words(_ identity: UInt64) -> ArticleWords?
    /// The folded letters of a word key met in remembered words.
    func spelling(_ key: UInt64) -> [Unicode.Scalar]?
    /// Words read in this build, to be remembered.
    func remember(_ words: ArticleWords, as identity: UInt64)
    /// The build's articles are all read: `live` are their identities, `spellings` the letters of every
    /// word key they use. What is no longer live may be forgotten.
    func finish(live: [UInt64], spellings: [UInt64: [Unicode.Scalar]])
    /// Only the shingles of `words(identity)`.
    func shingles(_ identity: UInt64) -> [UInt32]?
}

extension WordsStore {
    public func shingles(_ identity: UInt64) -> [UInt32]? {
        words(identity)?.shingles
    }
}
