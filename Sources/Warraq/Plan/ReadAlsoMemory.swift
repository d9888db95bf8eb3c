/// What read-also scoring chose for each article in the last build, kept so that a rebuild scores again
/// only the articles a change can reach.
///
/// Scoring is the costly half of read-also: an article's query reads thousands of postings. What it reads
/// is summed up in a fingerprint (`ReadAlsoEngine.fingerprint`): its own query and tags, and every posting and
/// tag member in its windows, each by the identity, date and title of its article and its weight there. The
/// best candidates are a function of exactly that, so an article whose fingerprint is the one remembered
/// gets the remembered candidates, and the rest of the choice (copies, one story once, links, the fallback)
/// is made again from the archive as it is. Weights are kept on a grid (`ArticleTerms.onGrid`) so that one
/// article more does not move every other article's weights; an edit reaches the articles that share its
/// words near it in time, those that share its tags, and those whose words' rarity crossed a step.
public struct ReadAlsoMemory: Sendable, Equatable {
    /// One article's best candidates by score, time included, best first, and what scoring read to find them.
    public struct Shortlist: Sendable, Equatable {
        public var fingerprint: UInt64
        /// `ReadAlsoEngine.identity` of each candidate, and its score.
        public var candidates: [UInt64]
        public var scores: [Double]

        public init(fingerprint: UInt64, candidates: [UInt64], scores: [Double]) {
            self.fingerprint = fingerprint
            self.candidates = candidates
            self.scores = scores
        }
    }

    /// By `ReadAlsoEngine.identity` of the article.
    public var shortlists: [UInt64: Shortlist]

    public init(shortlists: [UInt64: Shortlist] = [:]) {
        self.shortlists = shortlists
    }
}

/// How a read-also pass went: every article's links, its warnings, the memory for the next build, and how
/// many articles were scored rather than remembered.
public struct ReadAlsoOutcome: Sendable {
    public var readAlso: [ReadAlso]
    public var diagnostics: [Diagnostic]
    public var memory: ReadAlsoMemory
    public var scored: Int
}
