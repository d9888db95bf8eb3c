import Foundation

/// RSS 2.0 and Atom feeds of the latest articles, for the whole site and for every term.
struct FeedWriter {
    let renderer: PageRenderer

    func render(_ feed: Feed) -> String {
        let plan = renderer.plan
        let links = renderer.links
        let zone = plan.config.timeZone
        let title: String
        switch feed.scope {
        case .term(let taxonomy, let term):
            title = "\(plan.taxonomies[taxonomy].terms[term].name) — \(plan.config.title)"
        default:
            title = plan.config.title
        }
        let home = links.absoluteFolder(feed.folder)
        let newest = feed.articles.compactMap { plan.articles[$0].updated ?? plan.articles[$0].date }.max()
        let escape = XMLText.escape
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        switch feed.format {
        case .rss:
            let selfURL = links.absoluteFile(feed.folder + ["index.xml"])
            xml += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escape(plan.config.language))\">\n<channel>\n"
            xml += "<title>\(escape(title))</title>\n<link>\(escape(home))</link>\n"
            xml += "<description>\(escape(plan.config.description.isEmpty ? title : plan.config.description))</description>\n"
            xml += "<language>\(escape(plan.config.language))</language>\n<generator>Warraq</generator>\n"
            if let newest { xml += "<lastBuildDate>\(ArticleDate.rfc822(newest, zone: zone))</lastBuildDate>\n" }
            xml += "<atom:link href=\"\(escape(selfURL))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
            for index in feed.articles {
                let article = plan.articles[index]
                let url = links.absolute(plan.articlePaths[index])
                xml += "<item>\n<title>\(escape(article.title))</title>\n<link>\(escape(url))</link>\n<guid isPermaLink=\"true\">\(escape(url))</guid>\n"
                if let date = article.date { xml += "<pubDate>\(ArticleDate.rfc822(date, zone: zone))</pubDate>\n" }
                if let author = article.author { xml += "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\(escape(author))</dc:creator>\n" }
                for tag in article.tags { xml += "<category>\(escape(tag))</category>\n" }
                xml += "<description>\(escape(content(article)))</description>\n</item>\n"
            }
            xml += "</channel>\n</rss>\n"
        case .atom:
            let selfURL = links.absoluteFile(feed.folder + ["atom.xml"])
            let updated = ArticleDate.iso8601(newest ?? Date(timeIntervalSince1970: 0), zone: zone)
            xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escape(plan.config.language))\">\n"
            xml += "<title>\(escape(title))</title>\n<id>\(escape(home))</id>\n<updated>\(updated)</updated>\n"
            xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(selfURL))\"/>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(escape(home))\"/>\n"
            xml += "<author><name>\(escape(plan.config.title))</name></author>\n<generator>Warraq</generator>\n"
            for index in feed.articles {
                let article = plan.articles[index]
                let url = links.absolute(plan.articlePaths[index])
                let published = article.date.map { ArticleDate.iso8601($0, zone: zone) }
                let entryUpdated = (article.updated ?? article.date).map { ArticleDate.iso8601($0, zone: zone) } ?? updated
                xml += "<entry>\n<title>\(escape(article.title))</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"\(escape(url))\"/>\n"
                xml += "<id>\(escape(url))</id>\n"
                if let published { xml += "<published>\(published)</published>\n" }
                xml += "<updated>\(entryUpdated)</updated>\n"
                if let author = article.author { xml += "<author><name>\(escape(author))</name></author>\n" }
                for tag in article.tags { xml += "<category term=\"\(escape(tag))\"/>\n" }
                if plan.config.feeds.fullContent {
                    xml += "<content type=\"html\">\(escape(article.bodyHTML))</content>\n"
                } else {
                    xml += "<summary type=\"text\">\(escape(article.summary ?? article.lead))</summary>\n"
                }
                xml += "</entry>\n"
            }
            xml += "</feed>\n"
        }
        return xml
    }

    private func content(_ article: Article) -> String {
        renderer.plan.config.feeds.fullContent ? article.bodyHTML : (article.summary ?? article.lead)
    }
}
