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
    /// The same story as printed by other papers (نُشر أيضاً في): near-copies of this article's text,
    /// one per paper (its newest print), newest first. They are never read-also items.
    public var alsoPublished: [Int]

    public init(featured: Int? = nil, similar: [Link] = [], alsoPublished: [Int] = []) {
        self.featured = featured
        self.similar = similar
        self.alsoPublished = alsoPublished
    }
}

/// Why one article was offered as related to another: the parts of its score, for `warraq related`.
public struct RelatedCandidate: Sendable {
    public let article: Int
    /// `(tagScore + textScore) × timeFactor`, the parts already multiplied by the site's weights.
    public let score: Double
    public let tagScore: Double
    public let textScore: Double
    public let timeFactor: Double
    /// Indexes of shared tags in the tags taxonomy.
    public let sharedTags: [Int]
    /// Shared words (folded, clitics removed), most telling first.
    public let sharedTerms: [String]
    /// The share of word 5-shingles the two texts have in common: 0.5 and more is a copy.
    public let containment: Double
}
