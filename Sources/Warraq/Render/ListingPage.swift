import Foundation

/// Contexts of the pages that list articles (front page, term pages, date archives), of term indexes
/// and of the archive of every year and month.
extension PageRenderer {
    func listingContext(_ listing: Listing, path: OutputPath) -> [String: Any] {
        let config = plan.config
        var heading: String
        var kicker: String?
        var feedFolder: [String] = []
        var months: [[String: Any]]?
        let isHome = listing.scope == .front && listing.page == 1
        switch listing.scope {
        case .front:
            // The site's title is the home page's <h1> (in the header): the list is its section.
            heading = "كل المقالات"
        case .term(let taxonomy, let term):
            let taxonomyConfig = plan.taxonomies[taxonomy].config
            heading = plan.taxonomies[taxonomy].terms[term].name
            kicker = taxonomyConfig.singular
            feedFolder = listing.folder
        case .year(let year):
            heading = "أرشيف \(dates.number(year))"
            months = plan.dateArchive.years.first { $0.year == year }?.months.map { month, articles in
                ["name": dates.month(month, of: year), "url": links.folder([String(format: "%04d", year), String(format: "%02d", month)]),
                 "count": dates.articles(articles.count)] as [String: Any]
            }
        case .month(let year, let month):
            heading = "أرشيف \(dates.month(month, of: year))"
        }
        let range = listing.pagination.range(ofPage: listing.page)
        var pageTitle = listing.scope == .front ? config.title : "\(heading) — \(config.title)"
        if listing.page > 1 {
            pageTitle = "\(heading) — صفحة \(dates.number(listing.page)) — \(config.title)"
            heading += " — صفحة \(dates.number(listing.page))"
        }

        var listingContext: [String: Any] = [
            "heading": heading,
            "count": dates.articles(listing.articles.count),
            "articles": listing.articles[range].map { summaries[$0] },
            "is_term": { if case .term = listing.scope { return true } else { return false } }(),
        ]
        if let kicker { listingContext["kicker"] = kicker }
        if let months {
            listingContext["months"] = months
            listingContext["has_months"] = !months.isEmpty
        }
        var page: [String: Any] = [
            "title": pageTitle,
            "canonical": links.absolute(path),
            "feeds": feedLinks(feedFolder, title: heading),
            "home": isHome,
        ]
        if listing.scope == .front, !config.description.isEmpty { page["description"] = config.description }
        let pagination = paginationContext(listing.pagination, page: listing.page, folder: listing.folder)
        if let previous = pagination["prev"] { page["prev"] = previous }
        if let next = pagination["next"] { page["next"] = next }
        var context: [String: Any] = ["site": siteContext, "page": page, "listing": listingContext, "pagination": pagination]
        if isHome { context["front"] = frontContext() }
        return context
    }

    /// A numbered page bar: first, last, a window around the current page, `rel=prev/next` beside it.
    func paginationContext(_ pagination: Pagination, page: Int, folder: [String]) -> [String: Any] {
        let items: [[String: Any]] = pagination.slots(around: page).map { slot in
            switch slot {
            case .gap: return ["gap": true]
            case .page(let number):
                var item: [String: Any] = ["number": dates.number(number), "url": links.folder(Pagination.components(ofPage: number, under: folder)),
                                           "label": "صفحة \(dates.number(number))"]
                if number == page { item["current"] = true }
                return item
            }
        }
        var context: [String: Any] = [
            "needed": pagination.pageCount > 1,
            "page": dates.number(page),
            "pages": dates.number(pagination.pageCount),
            "items": items,
        ]
        if page > 1 { context["prev"] = links.folder(Pagination.components(ofPage: page - 1, under: folder)) }
        if page < pagination.pageCount { context["next"] = links.folder(Pagination.components(ofPage: page + 1, under: folder)) }
        return context
    }

    /// How many of the most used terms the index shows above the letters.
    static let topTermCount = 30

    func termIndexContext(_ taxonomyIndex: Int, path: OutputPath) -> [String: Any] {
        let taxonomy = plan.taxonomies[taxonomyIndex]
        let index = plan.termIndexes[taxonomyIndex]
        let all = termLinks[taxonomyIndex]
        let top = taxonomy.terms.indices
            .sorted { a, b in
                let (countA, countB) = (taxonomy.terms[a].articles.count, taxonomy.terms[b].articles.count)
                return countA != countB ? countA > countB : a < b
            }
            .prefix(Self.topTermCount)
            .map { all[$0] }
        let showTop = taxonomy.terms.count > Self.topTermCount
        let groups: [[String: Any]] = index.split ? [] : index.groups.enumerated().map { number, group in
            ["letter": group.letter, "anchor": "letter-\(number + 1)", "terms": group.terms.map { all[$0] },
             "count": dates.count(group.terms.count, taxonomy.config.field.counted)]
        }
        return [
            "site": siteContext,
            "page": ["title": "\(taxonomy.config.title) — \(plan.config.title)", "canonical": links.absolute(path),
                     "feeds": feedLinks([], title: plan.config.title)] as [String: Any],
            "taxonomy": [
                "title": taxonomy.config.title,
                "heading": taxonomy.config.title,
                "count": dates.count(taxonomy.terms.count, taxonomy.config.field.counted),
                "letters": letterBar(taxonomyIndex, current: nil),
                "groups": groups,
                "split": index.split,
                "top": showTop ? Array(top) : [],
                "has_top": showTop,
            ] as [String: Any],
        ]
    }

    /// Page `page` of one letter of a split index.
    func termLetterContext(_ taxonomyIndex: Int, group groupIndex: Int, page: Int, path: OutputPath) -> [String: Any] {
        let taxonomy = plan.taxonomies[taxonomyIndex]
        let group = plan.termIndexes[taxonomyIndex].groups[groupIndex]
        let all = termLinks[taxonomyIndex]
        let shown = group.terms[group.pagination.range(ofPage: page)]
        var heading = "\(taxonomy.config.title): \(group.letter)"
        if page > 1 { heading += " — صفحة \(dates.number(page))" }
        let pagination = paginationContext(group.pagination, page: page,
                                           folder: TermIndex.components(segment: taxonomy.config.segment, group: group, page: 1))
        var pageContext: [String: Any] = ["title": "\(heading) — \(plan.config.title)", "canonical": links.absolute(path),
                                          "feeds": feedLinks([], title: plan.config.title)]
        if let previous = pagination["prev"] { pageContext["prev"] = previous }
        if let next = pagination["next"] { pageContext["next"] = next }
        return [
            "site": siteContext,
            "page": pageContext,
            "pagination": pagination,
            "taxonomy": [
                "title": taxonomy.config.title,
                "heading": heading,
                "index_url": links.folder([taxonomy.config.segment]),
                "count": dates.count(group.terms.count, taxonomy.config.field.counted),
                "letters": letterBar(taxonomyIndex, current: groupIndex),
                "groups": [["letter": group.letter, "anchor": "letter-\(groupIndex + 1)", "terms": shown.map { all[$0] }] as [String: Any]],
                "split": false,
                "is_letter": true,
                "has_top": false,
            ] as [String: Any],
        ]
    }

    /// The letter bar: anchors on a whole index, links to the letter pages of a split one.
    func letterBar(_ taxonomyIndex: Int, current: Int?) -> [[String: Any]] {
        let taxonomy = plan.taxonomies[taxonomyIndex]
        let index = plan.termIndexes[taxonomyIndex]
        return index.groups.enumerated().map { number, group in
            var item: [String: Any] = [
                "letter": group.letter,
                "url": index.split ? links.folder(TermIndex.components(segment: taxonomy.config.segment, group: group, page: 1)) : "#letter-\(number + 1)",
                "label": "\(group.letter): \(dates.count(group.terms.count, taxonomy.config.field.counted))",
            ]
            if number == current { item["current"] = true }
            return item
        }
    }

    /// `/archive/`: every year and each of its months, with counts, so every year is two clicks from home.
    func dateIndexContext(path: OutputPath) -> [String: Any] {
        let years: [[String: Any]] = plan.dateArchive.years.map { year in
            let folder = String(format: "%04d", year.year)
            return [
                "name": dates.number(year.year),
                "url": links.folder([folder]),
                "count": dates.articles(year.articles.count),
                "months": year.months.map { month, articles in
                    ["name": monthNames[month - 1], "url": links.folder([folder, String(format: "%02d", month)]),
                     "count": dates.articles(articles.count), "label": "\(dates.month(month, of: year.year)): \(dates.articles(articles.count))"] as [String: Any]
                },
            ]
        }
        return [
            "site": siteContext,
            "page": ["title": "الأرشيف — \(plan.config.title)", "canonical": links.absolute(path),
                     "feeds": feedLinks([], title: plan.config.title)] as [String: Any],
            "archive": ["years": years, "count": dates.articles(plan.dateArchive.years.reduce(0) { $0 + $1.articles.count })] as [String: Any],
        ]
    }

    private var monthNames: [String] { dates.monthNames }
}
