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
        if article.title.isEmpty {
            guard !rendered.lead.isEmpty else {
                throw .invalidField(path: path, line: bodyLine, key: "title", reason: "missing, and the body has no paragraph to take one from")
            }
            article.title = Headline.derived(fromLead: rendered.lead)
        }
        // The body in one piece: each of its parts set alone would make it again (and look for pictures) each time.
        article.body = ArticleBody(html: rendered.html, lead: rendered.lead, text: article.title + "\n" + rendered.text)
        return article
    }

    /// Front matter, body, and the body's first line. Front matter starts on the first line with `---`.
    /// Lines are found on UTF-8 bytes: the body is passed on whole, never split and joined again.
    private func split(_ text: String, path: String) throws(ArticleError) -> (String?, String, Int) {
        var rest = text[...]
        if rest.hasPrefix("\u{FEFF}") { rest = rest.dropFirst() }
        var lines = TextLines(rest)
        guard let first = lines.next(), Self.isFence(first, closing: false) else { return (nil, text, 1) }
        let yamlStart = lines.position
        var number = 1
        while let line = lines.next() {
            number += 1
            if Self.isFence(line, closing: true) {
                let yaml = String(rest[yamlStart..<line.startIndex])
                return (yaml, String(rest[lines.position...]), number + 1)
            }
        }
        throw .unclosedFrontMatter(path: path, line: 1)
    }

    /// `---` opens front matter; `---` or `...` closes it; spaces, tabs and a CR around it do not count.
    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D }
        var bytes = line.utf8[...]
        while let byte = bytes.first, isBlank(byte) { bytes = bytes.dropFirst() }
        while let byte = bytes.last, isBlank(byte) { bytes = bytes.dropLast() }
        return bytes.elementsEqual("---".utf8) || (closing && bytes.elementsEqual("...".utf8))
    }
}
