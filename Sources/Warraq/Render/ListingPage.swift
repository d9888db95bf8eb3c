import Foundation

/// Contexts of the pages that list articles (front page, term pages, date archives) and of term indexes.
extension PageRenderer {
    func listingContext(_ listing: Listing, path: OutputPath) -> [String: Any] {
        let config = plan.config
        let heading: String
        var kicker: String?
        var feedFolder: [String] = []
        var months: [[String: Any]]?
        switch listing.scope {
        case .front:
            heading = config.title
            kicker = config.description.isEmpty ? nil : config.description
        case .term(let taxonomy, let term):
            let taxonomyConfig = plan.taxonomies[taxonomy].config
            heading = plan.taxonomies[taxonomy].terms[term].name
            kicker = taxonomyConfig.singular
            feedFolder = listing.folder
        case .year(let year):
            heading = "أرشيف \(dates.number(year))"
            months = plan.dateArchive.years.first { $0.year == year }?.months.map { month, articles in
                ["name": dates.month(month, of: year), "url": links.folder([String(format: "%04d", year), String(format: "%02d", month)]),
                 "count": dates.number(articles.count)] as [String: Any]
            }
        case .month(let year, let month):
            heading = "أرشيف \(dates.month(month, of: year))"
            kicker = nil
        }
        let range = listing.pagination.range(ofPage: listing.page)
        let previous = listing.page > 1 ? links.folder(Pagination.components(ofPage: listing.page - 1, under: listing.folder)) : nil
        let next = listing.page < listing.pagination.pageCount ? links.folder(Pagination.components(ofPage: listing.page + 1, under: listing.folder)) : nil
        var pageTitle = listing.scope == .front ? config.title : "\(heading) — \(config.title)"
        if listing.page > 1 { pageTitle = "\(heading) — صفحة \(dates.number(listing.page)) — \(config.title)" }

        var listingContext: [String: Any] = [
            "heading": heading,
            "count": dates.articles(listing.articles.count),
            "articles": listing.articles[range].map { summaries[$0] },
        ]
        if let kicker { listingContext["kicker"] = kicker }
        if let months {
            listingContext["months"] = months
            listingContext["has_months"] = !months.isEmpty
        }
        var pagination: [String: Any] = [
            "needed": listing.pagination.pageCount > 1,
            "page": dates.number(listing.page),
            "pages": dates.number(listing.pagination.pageCount),
        ]
        var page: [String: Any] = [
            "title": pageTitle,
            "canonical": links.absolute(path),
            "feeds": feedLinks(feedFolder, title: heading),
        ]
        if listing.scope == .front, !config.description.isEmpty { page["description"] = config.description }
        if let previous {
            pagination["prev"] = previous
            page["prev"] = previous
        }
        if let next {
            pagination["next"] = next
            page["next"] = next
        }
        return ["site": siteContext, "page": page, "listing": listingContext, "pagination": pagination]
    }

    /// How many of the most used terms the index shows above the full list.
    static let topTermCount = 20

    func termIndexContext(_ taxonomyIndex: Int, path: OutputPath) -> [String: Any] {
        let taxonomy = plan.taxonomies[taxonomyIndex]
        let all = termLinks[taxonomyIndex]
        let top = taxonomy.terms.indices
            .sorted { a, b in
                let (countA, countB) = (taxonomy.terms[a].articles.count, taxonomy.terms[b].articles.count)
                return countA != countB ? countA > countB : a < b
            }
            .prefix(Self.topTermCount)
            .map { all[$0] }
        let showTop = taxonomy.terms.count > Self.topTermCount
        return [
            "site": siteContext,
            "page": ["title": "\(taxonomy.config.title) — \(plan.config.title)", "canonical": links.absolute(path),
                     "feeds": feedLinks([], title: plan.config.title)] as [String: Any],
            "taxonomy": [
                "title": taxonomy.config.title,
                "count": dates.number(taxonomy.terms.count),
                "terms": all,
                "top": showTop ? Array(top) : [],
                "has_top": showTop,
            ] as [String: Any],
        ]
    }
}
