import Foundation

/// A hash of everything a page is rendered from. When it equals the one recorded in the manifest and the
/// file is still there, the page is not rendered at all: a rebuild with no change only reads and plans.
/// Pages without a fingerprint (sitemaps, robots.txt, assets) are cheap and always rendered.
extension PageRenderer {
    /// What every page depends on: Warraq itself, the configuration, the theme and the site's own context
    /// (its sections name the newest year, which an added or deleted article can change).
    static func siteFingerprint(config: SiteConfig, themeFiles: [String: Data], context: [String: Any]) -> StableHash {
        var hash = StableHash()
        if let executable = Bundle.main.executableURL,
           let attributes = try? FileManager.default.attributesOfItem(atPath: executable.path) {
            // A new build of Warraq may render differently.
            hash.combine("\(executable.path)|\(attributes[.size] ?? 0)|\(attributes[.modificationDate] ?? 0)")
        }
        // A dictionary prints in a different order in every process: its entries go in sorted, apart.
        var withoutNames = config
        withoutNames.sourceNames = [:]
        hash.combine(String(describing: withoutNames))
        for (id, name) in config.sourceNames.sorted(by: { $0.key < $1.key }) { hash.combine("\(id)\u{1}\(name)\u{2}") }
        for name in themeFiles.keys.sorted() {
            hash.combine(name)
            hash.combine(themeFiles[name]!)
        }
        combine(context, into: &hash)
        return hash
    }

    /// Every value of a template context, keys sorted: a page's fingerprint must cover all a template can
    /// show, including what the default theme leaves out (a term's count on an article page) and what a
    /// context gains later.
    static func combine(_ value: Any, into hash: inout StableHash) {
        switch value {
        case let text as String:
            hash.combine([1])
            hash.combine(text.utf8)
            hash.combine([0])
        case let dictionary as [String: Any]:
            hash.combine([2])
            for key in dictionary.keys.sorted() {
                hash.combine(key.utf8)
                hash.combine([0])
                combine(dictionary[key]!, into: &hash)
            }
            hash.combine([3])
        case let array as [Any]:
            hash.combine([4])
            for item in array { combine(item, into: &hash) }
            hash.combine([5])
        case let data as Data:
            hash.combine([6])
            hash.combine(data)
        default:
            hash.combine([7])
            hash.combine(String(describing: value).utf8)
            hash.combine([0])
        }
    }

    static func contextFingerprint(_ value: Any) -> StableHash {
        var hash = StableHash()
        combine(value, into: &hash)
        return hash
    }

    /// An article as it shows on its own page and in feeds.
    static func articleFingerprint(_ article: Article, path: OutputPath) -> StableHash {
        var hash = StableHash()
        for part in [article.title, article.bodyHTML, article.lead, article.summary ?? "", article.source ?? "", article.authors.joined(separator: "\u{1}"), article.place ?? "", article.credit ?? "",
                     article.date.map { "\($0.timeIntervalSince1970)" } ?? "", article.updated.map { "\($0.timeIntervalSince1970)" } ?? "",
                     path.file, article.tags.joined(separator: "\u{1}")] {
            hash.combine(part)
            hash.combine([0])
        }
        // Keys sorted at every depth: a front matter map prints in another order in every process.
        combine(article.params, into: &hash)
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
                for term in taxonomy.termsOfArticle[index] { hash.combine(termHashes[taxonomyIndex][term]) }
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
        case .termIndex, .termLetter, .dateIndex, .sitemap, .newsSitemap, .robots, .notFound, .asset, .noJekyll, .search:
            return nil
        }
        return hash.hex
    }
}
