/// A way of grouping articles that readers walk: tags (الوسوم), sources (المصادر), authors (الكتّاب),
/// places (الأماكن, the datelines).
public struct TaxonomyConfig: Sendable, Equatable {
    /// Which article field feeds it: `tags`, `source`, `author` or `place`.
    public var field: ArticleField
    /// The plural heading of its index (الوسوم) and the label before one term (وسم).
    public var title: String
    public var singular: String
    /// The URL folder of its pages: `tags` gives `/tags/` and `/tags/<slug>/`.
    public var segment: String

    public enum ArticleField: String, Sendable, CaseIterable { case tags, source, author, place }

    public static let defaults: [TaxonomyConfig] = [
        TaxonomyConfig(field: .tags, title: "الوسوم", singular: "وسم", segment: Permalinks.defaultTagsSegment),
        TaxonomyConfig(field: .source, title: "المصادر", singular: "المصدر", segment: "sources"),
        TaxonomyConfig(field: .author, title: "الكتّاب", singular: "الكاتب", segment: "authors"),
        TaxonomyConfig(field: .place, title: "الأماكن", singular: "المكان", segment: "places"),
    ]
}

/// One tag (or source, or author) of the archive: every spelling that folds to one key is one term.
public struct Term: Sendable {
    /// The identity key (`ArabicText.fold`).
    public let key: String
    /// The spelling most used across the archive.
    public let name: String
    public let slug: String
    /// Indexes into the plan's articles, newest first.
    public var articles: [Int]
}

/// A taxonomy with its terms, as planned for one build.
public struct Taxonomy: Sendable {
    public let config: TaxonomyConfig
    /// In Arabic alphabetical order of their keys.
    public let terms: [Term]
    /// For each article index, the indexes of its terms in `terms`, in the article's own order.
    public let termsOfArticle: [[Int]]
    /// Beside `termsOfArticle`: whether the article has the term only from `auto_tags` (always false
    /// outside the tags taxonomy). Read-also weighs such a tag less; `warraq tags list` counts them apart.
    public let automaticOfArticle: [[Bool]]
}

/// The forms an Arabic noun takes after a number: `وسم واحد`, `وسمان`, `3 وسوم`, `11 وسماً`, `100 وسم`.
public struct CountedNoun: Sendable, Equatable {
    public var zero: String
    public var one: String
    public var two: String
    /// After 3 to 10: the plural.
    public var few: String
    /// After 11 to 99: the singular, accusative.
    public var many: String
    /// After 100, 1000...: the singular.
    public var other: String

    public init(zero: String, one: String, two: String, few: String, many: String, other: String) {
        (self.zero, self.one, self.two, self.few, self.many, self.other) = (zero, one, two, few, many, other)
    }

    public static let articles = CountedNoun(zero: "لا مقالات", one: "مقال واحد", two: "مقالان", few: "مقالات", many: "مقالاً", other: "مقال")
    public static let tags = CountedNoun(zero: "لا وسوم", one: "وسم واحد", two: "وسمان", few: "وسوم", many: "وسماً", other: "وسم")
    public static let sources = CountedNoun(zero: "لا مصادر", one: "مصدر واحد", two: "مصدران", few: "مصادر", many: "مصدراً", other: "مصدر")
    public static let authors = CountedNoun(zero: "لا كتّاب", one: "كاتب واحد", two: "كاتبان", few: "كتّاب", many: "كاتباً", other: "كاتب")
    public static let places = CountedNoun(zero: "لا أماكن", one: "مكان واحد", two: "مكانان", few: "أماكن", many: "مكاناً", other: "مكان")
    public static let pages = CountedNoun(zero: "لا صفحات", one: "صفحة واحدة", two: "صفحتان", few: "صفحات", many: "صفحةً", other: "صفحة")
}

extension TaxonomyConfig.ArticleField {
    /// How a count of this taxonomy's terms reads.
    public var counted: CountedNoun {
        switch self {
        case .tags: return .tags
        case .source: return .sources
        case .author: return .authors
        case .place: return .places
        }
    }
}
