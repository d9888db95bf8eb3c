/// The cross-links at the foot of an article page: one featured "read also" article (إقرأ أيضاً) and a list
/// of similar articles (مقالات مشابهة).
public struct ReadAlso: Sendable, Equatable {
    public enum Link: Sendable, Equatable {
        /// An article of the archive, by its index in the plan.
        case article(Int)
        /// A headline a scraped page listed that matches no article of the archive: shown, not linked.
        case headline(String)
    }

    public var featured: Int?
    public var similar: [Link]

    public init(featured: Int? = nil, similar: [Link] = []) {
        self.featured = featured
        self.similar = similar
    }
}

/// Why one article was offered as related to another: the parts of its score, for `warraq related`.
public struct RelatedCandidate: Sendable {
    public let article: Int
    public let score: Double
    public let tagScore: Double
    public let textScore: Double
    public let timeFactor: Double
    /// Indexes of shared tags in the tags taxonomy.
    public let sharedTags: [Int]
    /// Shared words (light stems), most telling first.
    public let sharedTerms: [String]
}
