import Foundation

/// Reads a scraped page (`NAME.txt`) into its article and the "read also" article embedded in it. A sidecar
/// `NAME.yml` beside it, with the keys of front matter, wins over whatever is derived from the text.
struct ScrapedArticleReader {
    let config: SiteConfig
    let markdown: Markdown

    /// The articles of one page, with the plain paragraphs they were rendered from (for `import page`).
    struct Result {
        var articles: [Article]
        var paragraphs: [[String]]
        var warnings: [Diagnostic]
    }

    func read(_ text: String, path: String, sidecar: (text: String, path: String)?) throws(ArticleError) -> Result {
        let page = ScrapedPage(text)
        var warnings = page.warnings.map { Diagnostic.warning(path, line: $0.line, $0.message) }
        guard !page.body.isEmpty else {
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .empty(path: path) }
            throw .invalidField(path: path, line: 1, key: "body", reason: "no body paragraph before the page's markers")
        }

        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        var article = Article(file: path, title: "", slug: stem)
        let rendered = markdown.render(paragraphs: page.body.map(\.text))
        article.title = Headline.derived(fromLead: rendered.lead)
        article.source = page.source
        article.similarTitles = page.similarTitles

        var featured: Article?
        if let title = page.featuredTitle {
            var embedded = Article(file: path, title: title.text, slug: title.text)
            embedded.line = title.line
            embedded.source = page.source
            let renderedFeatured = markdown.render(paragraphs: page.featuredBody.map(\.text))
            embedded.body = ArticleBody(html: renderedFeatured.html, lead: renderedFeatured.lead,
                                        text: embedded.title + "\n" + renderedFeatured.text)
            article.readAlso = [Article.Reference(title.text, line: title.line)]
            featured = embedded
        }

        if let sidecar {
            let document = try YAMLDocument.article(sidecar.text, path: sidecar.path)
            try FrontMatterFields(path: sidecar.path, zone: config.timeZone).apply(document, to: &article)
        }

        if article.tags.isEmpty, let tagLine = page.tagLine {
            let fullText = ([article.title] + page.body.map(\.text)).joined(separator: "\n")
            let recovered = TagLine(tagLine.text, articleText: fullText)
            article.tags = recovered.tags
            for words in recovered.dropped {
                warnings.append(.warning(path, line: tagLine.line, "'\(words)' in the tag line is not a tag (function words, or the end of a tag the text does not write whole); dropped"))
            }
        }
        // The body in one piece: each of its parts set alone would make it again (and look for pictures) each time.
        article.body = ArticleBody(html: rendered.html, lead: rendered.lead, text: article.title + "\n" + rendered.text)
        return Result(articles: [article] + (featured.map { [$0] } ?? []),
                      paragraphs: [page.body.map(\.text)] + (featured == nil ? [] : [page.featuredBody.map(\.text)]),
                      warnings: warnings)
    }
}
