import Foundation

/// Views of the pages that list articles (front page, term pages, date archives), of term indexes and
/// of the archive of every year and month.
extension PageRenderer {
    func listingView(_ listing: Listing, path: OutputPath) -> ListingPageView {
        let config = plan.config
        var heading: String
        var kicker: String?
        var months: [MonthView]?
        let isHome = listing.scope == .front && listing.page == 1
        switch listing.scope {
        case .front:
            // The site's title is the home page's <h1> (in the header): the list is its section.
            heading = "كل المقالات"
        case .term(let taxonomy, let term):
            heading = plan.taxonomies[taxonomy].terms[term].name
            kicker = plan.taxonomies[taxonomy].config.singular
        case .year(let year):
            heading = "أرشيف \(dates.number(year))"
            months = plan.dateArchive.years.first { $0.year == year }?.months.map { month in
                MonthView(name: dates.month(month.month, of: year), url: links.link(month.path), count: dates.articles(month.articles.count))
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
        let isTerm: Bool = if case .term = listing.scope { true } else { false }
        let view = ListingView(heading: heading, count: dates.articles(listing.articles.count), articles: listing.articles[range].map { cards[$0] },
                               is_term: isTerm, kicker: kicker, months: months, has_months: months.map { !$0.isEmpty })
        let pagination = paginationView(listing.pagination, page: listing.page, pages: listing.pages)
        let head = HeadView(title: pageTitle, canonical: links.absolute(path),
                            description: listing.scope == .front && !config.description.isEmpty ? ArticleText(config.description) : nil,
                            feeds: feedLinks(listing.feeds, title: heading), home: isHome, prev: pagination.prev, next: pagination.next)
        return ListingPageView(site: site, page: head, listing: view, pagination: pagination, front: isHome ? frontView() : nil)
    }

    /// A numbered page bar: first, last, a window around the current page, `rel=prev/next` beside it.
    func paginationView(_ pagination: Pagination, page: Int, pages: [OutputPath]) -> PaginationView {
        let items: [PaginationView.Slot] = pagination.slots(around: page).map { slot in
            switch slot {
            case .gap: return PaginationView.Slot(gap: true)
            case .page(let number):
                return PaginationView.Slot(number: dates.number(number), url: links.link(pages[number - 1]), label: "صفحة \(dates.number(number))",
                                           current: number == page ? true : nil)
            }
        }
        return PaginationView(needed: pagination.pageCount > 1, page: dates.number(page), pages: dates.number(pagination.pageCount), items: items,
                              prev: page > 1 ? links.link(pages[page - 2]) : nil,
                              next: page < pagination.pageCount ? links.link(pages[page]) : nil)
    }

    /// How many of the most used terms the index shows above the letters.
    static let topTermCount = 30

    func termIndexView(_ taxonomyIndex: Int, path: OutputPath) -> TermsPageView {
        let taxonomy = plan.taxonomies[taxonomyIndex]
        let index = plan.termIndexes[taxonomyIndex]
        let all = terms[taxonomyIndex]
        let top = taxonomy.terms.indices
            .sorted { a, b in
                let (countA, countB) = (taxonomy.terms[a].articles.count, taxonomy.terms[b].articles.count)
                return countA != countB ? countA > countB : a < b
            }
            .prefix(Self.topTermCount)
            .map { all[$0] }
        let showTop = taxonomy.terms.count > Self.topTermCount
        let groups: [TaxonomyView.Group] = index.split ? [] : index.groups.enumerated().map { number, group in
            TaxonomyView.Group(letter: group.letter, anchor: "letter-\(number + 1)", terms: group.terms.map { all[$0] },
                               count: dates.count(group.terms.count, taxonomy.config.field.counted))
        }
        let head = HeadView(title: "\(taxonomy.config.title) — \(plan.config.title)", canonical: links.absolute(path),
                            feeds: feedLinks([], title: plan.config.title))
        let view = TaxonomyView(title: taxonomy.config.title, heading: taxonomy.config.title,
                                count: dates.count(taxonomy.terms.count, taxonomy.config.field.counted),
                                letters: letterBar(taxonomyIndex, current: nil), groups: groups, split: index.split,
                                top: showTop ? Array(top) : [], has_top: showTop)
        return TermsPageView(site: site, page: head, taxonomy: view, pagination: nil)
    }

    /// Page `page` of one letter of a split index.
    func termLetterView(_ taxonomyIndex: Int, group groupIndex: Int, page: Int, path: OutputPath) -> TermsPageView {
        let taxonomy = plan.taxonomies[taxonomyIndex]
        let group = plan.termIndexes[taxonomyIndex].groups[groupIndex]
        let all = terms[taxonomyIndex]
        let shown = group.terms[group.pagination.range(ofPage: page)]
        var heading = "\(taxonomy.config.title): \(group.letter)"
        if page > 1 { heading += " — صفحة \(dates.number(page))" }
        let pagination = paginationView(group.pagination, page: page, pages: plan.letterPaths[taxonomyIndex][groupIndex])
        let head = HeadView(title: "\(heading) — \(plan.config.title)", canonical: links.absolute(path),
                            feeds: feedLinks([], title: plan.config.title), prev: pagination.prev, next: pagination.next)
        let view = TaxonomyView(title: taxonomy.config.title, heading: heading,
                                count: dates.count(group.terms.count, taxonomy.config.field.counted),
                                letters: letterBar(taxonomyIndex, current: groupIndex),
                                groups: [TaxonomyView.Group(letter: group.letter, anchor: "letter-\(groupIndex + 1)", terms: shown.map { all[$0] })],
                                split: false, has_top: false, index_url: links.link(plan.taxonomyPaths[taxonomyIndex]), is_letter: true)
        return TermsPageView(site: site, page: head, taxonomy: view, pagination: pagination)
    }

    /// The letter bar: anchors on a whole index, links to the letter pages of a split one.
    func letterBar(_ taxonomyIndex: Int, current: Int?) -> [TaxonomyView.Letter] {
        let taxonomy = plan.taxonomies[taxonomyIndex]
        let index = plan.termIndexes[taxonomyIndex]
        return index.groups.enumerated().map { number, group in
            TaxonomyView.Letter(letter: group.letter,
                                url: index.split ? links.link(plan.letterPaths[taxonomyIndex][number][0]) : "#letter-\(number + 1)",
                                label: "\(group.letter): \(dates.count(group.terms.count, taxonomy.config.field.counted))",
                                current: number == current ? true : nil)
        }
    }

    /// `/archive/`: every year and each of its months, with counts, so every year is two clicks from home.
    func dateIndexView(path: OutputPath) -> ArchivePageView {
        let years: [ArchivePageView.Year] = plan.dateArchive.years.map { year in
            ArchivePageView.Year(name: dates.number(year.year), url: links.link(year.path), count: dates.articles(year.articles.count),
                                 months: year.months.map { month in
                                     MonthView(name: dates.monthNames[month.month - 1], url: links.link(month.path), count: dates.articles(month.articles.count),
                                               label: "\(dates.month(month.month, of: year.year)): \(dates.articles(month.articles.count))")
                                 })
        }
        let head = HeadView(title: "الأرشيف — \(plan.config.title)", canonical: links.absolute(path), feeds: feedLinks([], title: plan.config.title))
        return ArchivePageView(site: site, page: head,
                               archive: ArchivePageView.Archive(years: years, count: dates.articles(plan.dateArchive.years.reduce(0) { $0 + $1.articles.count })))
    }
}
