import Foundation

/// The context of an article page: the article, its terms, its read-also links and its news metadata.
extension PageRenderer {
    func articleContext(_ index: Int, path: OutputPath) -> [String: Any] {
        let article = plan.articles[index]
        let config = plan.config
        let canonical = links.absolute(path)
        let description = ArabicText.shortened(article.summary ?? article.lead, limit: 200)
        var context: [String: Any] = [
            "title": article.title,
            "url": links.link(path),
            // Pictures in the body are below the fold: the browser fetches them as the reader gets there.
            "body": article.bodyHTML.replacingOccurrences(of: "<img src=\"", with: "<img loading=\"lazy\" src=\""),
            "lead": article.lead,
            "params": article.params,
        ]
        if let date = article.date {
            let c = ArticleDate.components(date, zone: config.timeZone)
            context["date"] = dates.full(date)
            context["date_iso"] = ArticleDate.iso8601(date, zone: config.timeZone)
            context["month_url"] = links.folder([String(format: "%04d", c.year), String(format: "%02d", c.month)])
            context["year_url"] = links.folder([String(format: "%04d", c.year)])
        }
        if let updated = article.updated { context["updated_iso"] = ArticleDate.iso8601(updated, zone: config.timeZone) }
        for (taxonomyIndex, taxonomy) in plan.taxonomies.enumerated() {
            let terms = taxonomy.termsOfArticle[index].map { termLinks[taxonomyIndex][$0] }
            switch taxonomy.config.field {
            case .tags:
                context["tags"] = terms
                context["has_tags"] = !terms.isEmpty
                context["tags_title"] = taxonomy.config.title
            case .source: context["source"] = terms.first
            case .author:
                context["author"] = terms.first  // themes written for one author
                context["authors"] = terms
                context["has_authors"] = !terms.isEmpty
                context["author_singular"] = taxonomy.config.singular
            case .place: context["place"] = terms.first
            }
        }
        if let credit = article.credit { context["credit"] = credit }
        let image = imageContext(plan.images[index])
        if let image { context["image"] = image }
        context["json_ld"] = newsArticleJSON(article, canonical: canonical, description: description, image: image?["absolute"] as? String)

        let readAlso = plan.readAlso[index]
        var readAlsoContext: [String: Any] = [:]
        if let featured = readAlso.featured {
            var item = summaries[featured]
            item["lead"] = ArabicText.shortened(plan.articles[featured].summary ?? plan.articles[featured].lead, limit: 400)
            readAlsoContext["featured"] = item
        }
        let similar: [[String: Any]] = readAlso.similar.map { link in
            switch link {
            case .article(let other): return summaries[other]
            case .headline(let title): return ["title": title]
            }
        }
        readAlsoContext["similar"] = similar
        readAlsoContext["has_similar"] = !similar.isEmpty
        // Other papers' prints of the same text, named by their paper: what a reader of one agency story
        // wants to know, and what no read-also list should repeat.
        let sourceTaxonomy = plan.taxonomies.firstIndex { $0.config.field == .source }
        let alsoPublished: [[String: Any]] = readAlso.alsoPublished.map { other in
            var item = summaries[other]
            if let sourceTaxonomy, let term = plan.taxonomies[sourceTaxonomy].termsOfArticle[other].first {
                item["paper"] = termLinks[sourceTaxonomy][term]["name"]
            }
            return item
        }
        readAlsoContext["also_published"] = alsoPublished
        readAlsoContext["has_also_published"] = !alsoPublished.isEmpty

        return [
            "site": siteContext,
            "page": ["title": "\(article.title) — \(config.title)", "canonical": canonical, "description": description,
                     "feeds": feedLinks([], title: config.title)] as [String: Any],
            "article": context,
            "read_also": readAlsoContext,
        ]
    }

    /// JSON-LD `NewsArticle`, as news search engines read it; `<` is escaped so no text can close the script.
    /// The figure of an article's picture: its sizes (so the page does not jump as it loads), the WebP
    /// version, alt text, caption and credit, and the absolute URL that OpenGraph and JSON-LD give.
    func imageContext(_ planned: PlannedImage?) -> [String: Any]? {
        guard let planned else { return nil }
        let image = planned.image
        var context: [String: Any] = ["alt": image.alt]
        switch planned {
        case .remote(let url, _):
            context["url"] = url
            context["absolute"] = url
        case .local(let file, _, let original, _, let webp):
            context["url"] = links.link(original)
            context["absolute"] = links.absolute(original)
            context["width"] = String(file.width)
            context["height"] = String(file.height)
            context["webp"] = links.link(webp)
        }
        if !image.caption.isEmpty { context["caption"] = image.caption }
        if !image.credit.isEmpty { context["credit"] = image.credit }
        context["has_caption"] = !image.caption.isEmpty || !image.credit.isEmpty
        return context
    }

    func newsArticleJSON(_ article: Article, canonical: String, description: String, image: String? = nil) -> String {
        let config = plan.config
        var object: [String: Any] = [
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "inLanguage": config.language,
            "url": canonical,
            "mainEntityOfPage": canonical,
            "publisher": ["@type": "Organization", "name": article.source.map(config.sourceName) ?? config.title],
        ]
        if !description.isEmpty { object["description"] = description }
        if let date = article.date {
            object["datePublished"] = ArticleDate.iso8601(date, zone: config.timeZone)
            object["dateModified"] = ArticleDate.iso8601(article.updated ?? date, zone: config.timeZone)
        }
        let people = article.authors.map { ["@type": "Person", "name": $0] }
        if people.count == 1 { object["author"] = people[0] } else if !people.isEmpty { object["author"] = people }
        if !article.tags.isEmpty { object["keywords"] = article.tags }
        if let image { object["image"] = [image] }
        return ScriptJSON.encode(object)
    }
}
