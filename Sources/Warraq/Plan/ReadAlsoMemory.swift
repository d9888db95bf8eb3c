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

    /// By `ReadAlsoEngine.identity` of the article.
    public var shortlists: [UInt64: Shortlist]

    public init(shortlists: [UInt64: Shortlist] = [:]) {
        self.shortlists = shortlists
    }
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
