import Foundation

/// `sitemap.xml` (an index and parts past 50,000 addresses) and the Google News sitemap.
struct SitemapWriter {
    let renderer: PageRenderer

    /// The pages the plan lists in the sitemap (`Page.isInSitemap`), in plan order, with their last change
    /// where known: all of them, or those of one part (numbered from 1). Only that part's links are made: a
    /// part is 50,000 of them, and each part made them all.
    private func entries(part number: Int? = nil) -> [(url: String, lastModified: Date?)] {
        let plan = renderer.plan
        var listed = plan.pages.filter(\.isInSitemap)
        if let number {
            let limit = SitePlanner.sitemapLimit
            listed = Array(listed[min(listed.count, (number - 1) * limit)..<min(listed.count, number * limit)])
        }
        return listed.map { page in
            switch page.kind {
            case .article(let index):
                let article = plan.articles[index]
                return (renderer.links.base.origin + renderer.articleLink(index, at: page.path), article.updated ?? article.date)
            case .listing(let listing):
                let shown = listing.pagination.range(ofPage: listing.page)
                let newest = listing.articles[shown].compactMap { plan.articles[$0].updated ?? plan.articles[$0].date }.max()
                return (renderer.links.absolute(page.path), newest)
            default:
                return (renderer.links.absolute(page.path), nil)
            }
        }
    }

    func sitemap(_ part: SitemapPart) -> String {
        let zone = renderer.plan.config.timeZone
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        switch part {
        case .index(let parts):
            xml += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for part in parts {
                xml += "<sitemap><loc>\(XMLText.escape(renderer.links.absolute(part)))</loc></sitemap>\n"
            }
            return xml + "</sitemapindex>\n"
        case .whole, .part:
            let number: Int? = if case .part(let given) = part { given } else { nil }
            let all = entries(part: number)
            xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for entry in all {
                xml += "<url><loc>\(XMLText.escape(entry.url))</loc>"
                if let date = entry.lastModified { xml += "<lastmod>\(ArticleDate.iso8601(date, zone: zone))</lastmod>" }
                xml += "</url>\n"
            }
            return xml + "</urlset>\n"
        }
    }

    /// Google News reads only articles of the last two days, and at most 1,000 of them. "Now" is the
    /// archive's newest date, so a rebuild of an old archive gives the same file.
    func newsSitemap() -> String {
        let plan = renderer.plan
        let zone = plan.config.timeZone
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n"
        if let newest = plan.articles.first?.date {
            let since = newest.addingTimeInterval(-2 * 86_400)
            for (index, article) in plan.articles.prefix(1000).enumerated() {
                guard let date = article.date, date >= since else { break }
                xml += "<url><loc>\(XMLText.escape(renderer.links.absolute(plan.articlePaths[index])))</loc>"
                xml += "<news:news><news:publication><news:name>\(XMLText.escape(article.source.map(plan.config.sourceName) ?? plan.config.title))</news:name>"
                xml += "<news:language>\(XMLText.escape(plan.config.language))</news:language></news:publication>"
                xml += "<news:publication_date>\(ArticleDate.iso8601(date, zone: zone))</news:publication_date>"
                xml += "<news:title>\(XMLText.escape(article.title))</news:title></news:news></url>\n"
            }
        }
        return xml + "</urlset>\n"
    }
}
