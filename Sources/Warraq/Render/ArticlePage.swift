import Foundation

/// The view of an article page: the article, its terms, its read-also links and its news metadata.
extension PageRenderer {
    func articleView(_ index: Int, path: OutputPath) -> ArticlePageView {
        let article = plan.articles[index]
        let config = plan.config
        let url = articleLink(index, at: path)
        let canonical = links.base.origin + url
        // Neither is read back from the article cache unless the page is rendered.
        let description = ArticleText(summaryOf: article, limit: 200)
        var view = ArticleView(
            title: article.title, url: url, body: PageBody(article.body),
            lead: ArticleText(leadOf: article.body), params: article.params)
        if let date = article.date {
            view.date = dates.full(date)
            view.date_iso = ArticleDate.iso8601(date, zone: config.timeZone)
        }
        if let archive = plan.archiveOfArticle[index] {
            view.month_url = links.link(archive.month)
            view.year_url = links.link(archive.year)
        }
        if let updated = article.updated { view.updated_iso = ArticleDate.iso8601(updated, zone: config.timeZone) }
        for (taxonomyIndex, taxonomy) in plan.taxonomies.enumerated() {
            let terms = taxonomy.termsOfArticle[index].map { self.terms[taxonomyIndex][$0] }
            switch taxonomy.config.field {
            case .tags:
                view.tags = terms
                view.has_tags = !terms.isEmpty
                view.tags_title = taxonomy.config.title
            case .source: view.source = terms.first
            case .author:
                view.author = terms.first
                view.authors = terms
                view.has_authors = !terms.isEmpty
                view.author_singular = taxonomy.config.singular
            case .place: view.place = terms.first
            }
        }
        view.credit = article.credit
        view.image = imageView(plan.images[index])
        view.json_ld = newsArticleJSON(article, canonical: canonical, description: description, view: view)

        let readAlso = plan.readAlso[index]
        let featured = readAlso.featured.map { featured in
            var card = cards[featured]
            card.lead = ArticleText(summaryOf: plan.articles[featured], limit: 400)
            return card
        }
        let similar: [CardView] = readAlso.similar.map { link in
            switch link {
            case .article(let other): return cards[other]
            case .headline(let title): return CardView(title: title)
            }
        }
        // Other papers' prints of the same text, named by their paper: what a reader of one agency story
        // wants to know, and what no read-also list should repeat.
        let sourceTaxonomy = plan.taxonomies.firstIndex { $0.config.field == .source }
        let alsoPublished: [CardView] = readAlso.alsoPublished.map { other in
            var card = cards[other]
            if let sourceTaxonomy, let term = plan.taxonomies[sourceTaxonomy].termsOfArticle[other].first {
                card.paper = terms[sourceTaxonomy][term].name
            }
            return card
        }
        let head = HeadView(title: "\(article.title) — \(config.title)", canonical: canonical, description: description,
                            feeds: feedLinks([], title: config.title))
        return ArticlePageView(site: site, page: head, article: view,
                               read_also: ReadAlsoView(featured: featured, similar: similar, has_similar: !similar.isEmpty,
                                                       also_published: alsoPublished, has_also_published: !alsoPublished.isEmpty))
    }

    /// The link of an article's page at `path`: its card's, which holds it already (percent-encoding an
    /// Arabic path is not free), unless the page is elsewhere.
    func articleLink(_ index: Int, at path: OutputPath) -> String {
        (path == plan.articlePaths[index] ? cards[index].url : nil) ?? links.link(path)
    }

    func imageView(_ planned: PlannedImage?) -> ImageView? {
        guard let planned else { return nil }
        let image = planned.image
        let caption = image.caption.isEmpty ? nil : image.caption
        let credit = image.credit.isEmpty ? nil : image.credit
        let hasCaption = caption != nil || credit != nil
        switch planned {
        case .remote(let url, _):
            return ImageView(alt: image.alt, url: url, absolute: url, caption: caption, credit: credit, has_caption: hasCaption)
        case .local(let file, _, let original, _, let webp):
            return ImageView(alt: image.alt, url: links.link(original), absolute: links.absolute(original), width: String(file.width),
                             height: String(file.height), webp: links.link(webp), caption: caption, credit: credit, has_caption: hasCaption)
        }
    }

    /// The page's JSON-LD `NewsArticle`, from the values its view already holds.
    func newsArticleJSON(_ article: Article, canonical: String, description: ArticleText, view: ArticleView) -> NewsArticleJSON {
        let config = plan.config
        return NewsArticleJSON(headline: article.title, language: config.language, url: canonical,
                               publisher: article.source.map(config.sourceName) ?? config.title, description: description,
                               published: view.date_iso, modified: view.date_iso.map { view.updated_iso ?? $0 },
                               authors: article.authors, keywords: article.tags, image: view.image?.absolute)
    }
}
