/// Two pages of one plan at one output path would overwrite each other, the winner changing from build to
/// build (`static/index.html` against the front page, two taxonomies on one `segment`, `segment: "2023"`
/// against the date archive): a configuration error naming both sides, found before anything is written.
struct OutputCollisions {
    let articles: [Article]
    let taxonomies: [TaxonomyConfig]

    func check(_ pages: [Page]) throws(SiteError) {
        var owner: [String: Int] = [:]
        owner.reserveCapacity(pages.count)
        for (index, page) in pages.enumerated() {
            if let other = owner.updateValue(index, forKey: page.path.file) {
                let first = describe(pages[other]), second = describe(page)
                throw .config(path: second.path, line: nil,
                                     reason: "\(second.what) would be written at /\(page.path.file), where \(first.what) is written: rename one of them")
            }
        }
    }

    /// The file to fix and what the page is, in words.
    private func describe(_ page: Page) -> (path: String, what: String) {
        switch page.kind {
        case .article(let index):
            return (articles[index].file, "the article \(articles[index].file)")
        case .asset(.archive(let path)):
            return ("static/" + path, "the static file static/\(path)")
        case .asset(.theme(let name)):
            return ("site.yml", "the theme's \(name)")
        case .termIndex(let taxonomy), .termLetter(let taxonomy, _, _):
            return ("site.yml", "the taxonomy '\(taxonomies[taxonomy].field.rawValue)' (segment '\(taxonomies[taxonomy].segment)')")
        default:
            return ("site.yml", scope(of: page).map { "the \($0)" } ?? "Warraq's /\(page.path.file)")
        }
    }

    private func scope(of page: Page) -> String? {
        let scope: Listing.Scope
        switch page.kind {
        case .listing(let listing): scope = listing.scope
        case .feed(let feed): scope = feed.scope
        default: return nil
        }
        switch scope {
        case .front: return "front page"
        case .term(let taxonomy, _): return "taxonomy '\(taxonomies[taxonomy].field.rawValue)' (segment '\(taxonomies[taxonomy].segment)')"
        case .year(let year): return "date archive of \(year)"
        case .month(let year, let month): return "date archive of \(year)-\(month)"
        }
    }
}
