/// A taxonomy's index, or a page of one letter of it when the index is split.
struct TermsPageView: Sendable, Hashable, Codable {
    let site: SiteView
    let page: HeadView
    let taxonomy: TaxonomyView
    /// The pages of a letter; nil on the index itself.
    let pagination: PaginationView?
}

struct TaxonomyView: Sendable, Hashable, Codable {
    let title: String
    let heading: String
    let count: String
    let letters: [Letter]
    let groups: [Group]
    let split: Bool
    /// The most used terms, on the index (empty when all fit on it).
    var top: [TermView]?
    let has_top: Bool
    /// On a letter's page: the index it belongs to.
    var index_url: String?
    var is_letter: Bool?

    /// A letter of the bar: an anchor on a whole index, a link to its page on a split one.
    struct Letter: Sendable, Hashable, Codable {
        let letter: String
        let url: String
        let label: String
        var current: Bool?
    }

    struct Group: Sendable, Hashable, Codable {
        let letter: String
        let anchor: String
        let terms: [TermView]
        var count: String?
    }
}

/// `/archive/`: every year and each of its months, with counts.
struct ArchivePageView: Sendable, Hashable, Codable {
    let site: SiteView
    let page: HeadView
    let archive: Archive

    struct Archive: Sendable, Hashable, Codable {
        let years: [Year]
        let count: String
    }

    struct Year: Sendable, Hashable, Codable {
        let name: String
        let url: String
        let count: String
        let months: [MonthView]
    }
}
