/// A page of a list of articles: the front page, a term's, a year's or a month's.
struct ListingPageView: Sendable, Hashable, Codable {
    let site: SiteView
    let page: HeadView
    let listing: ListingView
    let pagination: PaginationView
    /// The top of the home page, on its first page only.
    let front: FrontView?
}

struct ListingView: Sendable, Hashable, Codable {
    let heading: String
    let count: String
    let articles: [CardView]
    let is_term: Bool
    var kicker: String?
    /// A year's months, on a year's pages.
    var months: [MonthView]?
    var has_months: Bool?
}

/// A month of the archive, on a year's page and on `/archive/` (which gives its `label`).
struct MonthView: Sendable, Hashable, Codable {
    let name: String
    let url: String
    let count: String
    var label: String?
}

/// A numbered page bar: first, last, a window around the current page, and the pages before and after.
struct PaginationView: Sendable, Hashable, Codable {
    let needed: Bool
    let page: String
    let pages: String
    let items: [Slot]
    var prev: String?
    var next: String?

    /// A page of the bar, or a gap (`…`) for the pages left out.
    struct Slot: Sendable, Hashable, Codable {
        var gap: Bool?
        var number: String?
        var url: String?
        var label: String?
        var current: Bool?
    }
}

/// The lead story, the latest after it, and a section per paper with its newest articles.
struct FrontView: Sendable, Hashable, Codable {
    let latest: [CardView]
    let has_latest: Bool
    var lead: CardView?
    var sections: [Section]?
    var has_sections: Bool?

    struct Section: Sendable, Hashable, Codable {
        let title: String
        let url: String
        let anchor: String
        let articles: [CardView]
    }
}
