import Foundation

/// RSS 2.0 and Atom feeds of the latest articles, for the whole site and for every term.
extension PageRenderer {
    func feedView(_ feed: Feed, path: OutputPath) -> FeedView {
        let zone = plan.config.timeZone
        let title: String
        switch feed.scope {
        case .term(let taxonomy, let term): title = "\(plan.taxonomies[taxonomy].terms[term].name) — \(plan.config.title)"
        default: title = plan.config.title
        }
        let newest = feed.articles.compactMap { plan.articles[$0].updated ?? plan.articles[$0].date }.max()
        let updated: String? = switch feed.format {
        case .rss: newest.map { ArticleDate.rfc822($0, zone: zone) }
        case .atom: ArticleDate.iso8601(newest ?? Date(timeIntervalSince1970: 0), zone: zone)
        }
        let fullContent = plan.config.feeds.fullContent
        let items = feed.articles.map { index in
            let article = plan.articles[index]
            let published: String?
            let itemUpdated: String?
            switch feed.format {
            case .rss:
                published = article.date.map { ArticleDate.rfc822($0, zone: zone) }
                itemUpdated = nil
            case .atom:
                published = article.date.map { ArticleDate.iso8601($0, zone: zone) }
                itemUpdated = (article.updated ?? article.date).map { ArticleDate.iso8601($0, zone: zone) } ?? updated
            }
            return FeedView.Item(title: article.title, url: links.absolute(plan.articlePaths[index]), published: published, updated: itemUpdated,
                                 author: article.author, tags: article.tags,
                                 content: fullContent ? ArticleText(htmlOf: article.body) : ArticleText(summaryOf: article))
        }
        return FeedView(format: feed.format, title: title, language: plan.config.language,
                        description: plan.config.description.isEmpty ? title : plan.config.description,
                        home: links.absolute(feed.home), selfURL: links.absolute(path), updated: updated, siteTitle: plan.config.title,
                        fullContent: fullContent, items: items)
    }
}

/// Writes a feed's view out as XML.
enum FeedWriter {
    static func xml(_ feed: FeedView) -> String {
        let escape = XMLText.escape
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        switch feed.format {
        case .rss:
            xml += "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escape(feed.language))\">\n<channel>\n"
            xml += "<title>\(escape(feed.title))</title>\n<link>\(escape(feed.home))</link>\n"
            xml += "<description>\(escape(feed.description))</description>\n"
            xml += "<language>\(escape(feed.language))</language>\n<generator>Warraq</generator>\n"
            if let updated = feed.updated { xml += "<lastBuildDate>\(updated)</lastBuildDate>\n" }
            xml += "<atom:link href=\"\(escape(feed.selfURL))\" rel=\"self\" type=\"application/rss+xml\"/>\n"
            for item in feed.items {
                xml += "<item>\n<title>\(escape(item.title))</title>\n<link>\(escape(item.url))</link>\n<guid isPermaLink=\"true\">\(escape(item.url))</guid>\n"
                if let published = item.published { xml += "<pubDate>\(published)</pubDate>\n" }
                if let author = item.author { xml += "<dc:creator xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\(escape(author))</dc:creator>\n" }
                for tag in item.tags { xml += "<category>\(escape(tag))</category>\n" }
                xml += "<description>\(escape(item.content.text))</description>\n</item>\n"
            }
            xml += "</channel>\n</rss>\n"
        case .atom:
            xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(escape(feed.language))\">\n"
            xml += "<title>\(escape(feed.title))</title>\n<id>\(escape(feed.home))</id>\n<updated>\(feed.updated ?? "")</updated>\n"
            xml += "<link rel=\"self\" type=\"application/atom+xml\" href=\"\(escape(feed.selfURL))\"/>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(escape(feed.home))\"/>\n"
            xml += "<author><name>\(escape(feed.siteTitle))</name></author>\n<generator>Warraq</generator>\n"
            for item in feed.items {
                xml += "<entry>\n<title>\(escape(item.title))</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"\(escape(item.url))\"/>\n"
                xml += "<id>\(escape(item.url))</id>\n"
                if let published = item.published { xml += "<published>\(published)</published>\n" }
                xml += "<updated>\(item.updated ?? "")</updated>\n"
                if let author = item.author { xml += "<author><name>\(escape(author))</name></author>\n" }
                for tag in item.tags { xml += "<category term=\"\(escape(tag))\"/>\n" }
                if feed.fullContent {
                    xml += "<content type=\"html\">\(escape(item.content.text))</content>\n"
                } else {
                    xml += "<summary type=\"text\">\(escape(item.content.text))</summary>\n"
                }
                xml += "</entry>\n"
            }
            xml += "</feed>\n"
        }
        return xml
    }
}
