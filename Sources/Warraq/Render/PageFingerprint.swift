import Foundation

/// A hash of everything a page is rendered from. When it equals the one recorded in the manifest and the
/// file is still there, the page is not rendered at all: a rebuild with no change only reads and plans.
/// Pages without a fingerprint (sitemaps, robots.txt, assets) are cheap and always rendered.
extension PageRenderer {
    /// What every page depends on: Warraq itself, the configuration and the theme.
    static func siteFingerprint(config: SiteConfig, themeFiles: [String: Data]) -> StableHash {
        var hash = StableHash()
        if let executable = Bundle.main.executableURL,
           let attributes = try? FileManager.default.attributesOfItem(atPath: executable.path) {
            // A new build of Warraq may render differently.
            hash.combine("\(executable.path)|\(attributes[.size] ?? 0)|\(attributes[.modificationDate] ?? 0)")
        }
        hash.combine(String(describing: config))
        for name in themeFiles.keys.sorted() {
            hash.combine(name)
            hash.combine(themeFiles[name]!)
        }
        return hash
    }

    /// An article as it shows on its own page and in feeds.
    static func articleFingerprint(_ article: Article, path: OutputPath) -> StableHash {
        var hash = StableHash()
        for part in [article.title, article.bodyHTML, article.lead, article.summary ?? "", article.source ?? "", article.authors.joined(separator: "\u{1}"), article.place ?? "", article.credit ?? "",
                     article.date.map { "\($0.timeIntervalSince1970)" } ?? "", article.updated.map { "\($0.timeIntervalSince1970)" } ?? "",
                     path.file, article.tags.joined(separator: "\u{1}"), String(describing: article.params.sorted { $0.key < $1.key })] {
            hash.combine(part)
            hash.combine([0])
        }
        return hash
    }

    /// An article as lists and read-also links show it.
    static func summaryFingerprint(_ summary: [String: Any]) -> StableHash {
        var hash = StableHash()
        for key in ["title", "url", "lead", "date", "date_iso", "source"] {
            hash.combine(((summary[key] as? String) ?? ""))
            hash.combine([0])
        }
        if let thumbnail = summary["thumbnail"] as? [String: String] {
            for key in ["url", "width", "height"] { hash.combine(thumbnail[key] ?? "") }
        }
        return hash
    }

    public func fingerprint(_ page: Page) -> String? {
        var hash = site
        hash.combine(page.path.file)
        switch page.kind {
        case .article(let index):
            hash.combine(articleHashes[index])
            if let image = plan.images[index] { hash.combine(String(describing: image)) }
            let readAlso = plan.readAlso[index]
            if let featured = readAlso.featured { hash.combine(articleHashes[featured]) }
            for link in readAlso.similar {
                switch link {
                case .article(let other): hash.combine(summaryHashes[other])
                case .headline(let title): hash.combine(title)
                }
            }
            hash.combine([1])
            for other in readAlso.alsoPublished {
                hash.combine(summaryHashes[other])
                for (taxonomyIndex, taxonomy) in plan.taxonomies.enumerated() where taxonomy.config.field == .source {
                    for term in taxonomy.termsOfArticle[other] { hash.combine("\(taxonomyIndex)|\(taxonomy.terms[term].name)") }
                }
            }
            for (taxonomyIndex, taxonomy) in plan.taxonomies.enumerated() {
                for term in taxonomy.termsOfArticle[index] {
                    hash.combine("\(taxonomy.terms[term].name)|\(taxonomy.terms[term].slug)")
                }
                hash.combine([UInt8(truncatingIfNeeded: taxonomyIndex)])
            }
        case .listing(let listing):
            hash.combine("\(listing.scope)|\(listing.page)|\(listing.pagination.pageCount)|\(listing.articles.count)")
            if case .term(let taxonomy, let term) = listing.scope { hash.combine(plan.taxonomies[taxonomy].terms[term].name) }
            if case .year(let year) = listing.scope, let months = plan.dateArchive.years.first(where: { $0.year == year })?.months {
                hash.combine(months.map { "\($0.month):\($0.articles.count)" }.joined(separator: ","))
            }
            for index in listing.articles[listing.pagination.range(ofPage: listing.page)] { hash.combine(summaryHashes[index]) }
            if listing.scope == .front, listing.page == 1 {
                let front = frontArticles()
                for index in (front.lead.map { [$0] } ?? []) + front.latest { hash.combine(summaryHashes[index]) }
                for section in front.sections {
                    hash.combine(plan.taxonomies.first { $0.config.field == .source }?.terms[section.term].name ?? "")
                    for index in section.articles { hash.combine(summaryHashes[index]) }
                }
            }
        case .feed(let feed):
            hash.combine("\(feed.format)|\(feed.scope)")
            if case .term(let taxonomy, let term) = feed.scope { hash.combine(plan.taxonomies[taxonomy].terms[term].name) }
            for index in feed.articles { hash.combine(articleHashes[index]) }
        case .asset(.image(_, let source)):
            hash.combine(source)
        case .termIndex, .termLetter, .dateIndex, .sitemap, .newsSitemap, .robots, .notFound, .asset, .noJekyll:
            return nil
        }
        return hash.hex
    }
}
