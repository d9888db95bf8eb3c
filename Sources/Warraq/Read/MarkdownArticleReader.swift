import Foundation

/// Reads a Markdown article: YAML front matter between `---` lines, then the body.
struct MarkdownArticleReader {
    let config: SiteConfig
    let markdown: Markdown

    func read(_ text: String, path: String) throws(ArticleError) -> Article {
        let (frontMatter, body, bodyLine) = try split(text, path: path)
        let stem = (path as NSString).lastPathComponent.split(separator: ".").dropLast().joined(separator: ".")
        var article = Article(file: path, title: "", slug: stem)
        if let frontMatter {
            let document = try YAMLDocument.article(frontMatter, firstLine: 2, path: path)
            try FrontMatterFields(path: path, zone: config.timeZone).apply(document, to: &article)
        }
        let rendered = markdown.render(markdown: body)
        article.bodyHTML = rendered.html
        article.lead = rendered.lead
        if article.title.isEmpty {
            guard !rendered.lead.isEmpty else {
                throw .invalidField(path: path, line: bodyLine, key: "title", reason: "missing, and the body has no paragraph to take one from")
            }
            article.title = Headline.derived(fromLead: rendered.lead)
        }
        article.text = article.title + "\n" + rendered.text
        return article
    }

    /// Front matter, body, and the body's first line. Front matter starts on the first line with `---`.
    private func split(_ text: String, path: String) throws(ArticleError) -> (String?, String, Int) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            return (nil, text, 1)
        }
        guard let end = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingCharacters(in: .whitespaces)
            return line == "---" || line == "..."
        }) else {
            throw .unclosedFrontMatter(path: path, line: 1)
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = lines[(end + 1)...].joined(separator: "\n")
        return (yaml, body, end + 2)
    }
}
