import Foundation
import Yams

/// The keys an article's metadata may carry, in front matter or in a scraped page's sidecar `NAME.yml`.
/// Hugo's names work (`title`, `date`, `lastmod`, `tags`, `draft`, `slug`, `summary`).
struct FrontMatterFields {
    let path: String
    let zone: TimeZone

    /// Applies every key of `document` to `article`; unknown keys are kept as template params.
    func apply(_ document: YAMLDocument, to article: inout Article) throws(ArticleError) {
        for (key, value, line) in document.entries {
            switch key {
            case "title":
                article.title = try string(value, key, line)
            case "date":
                article.date = try date(value, key, line)
            case "updated", "lastmod", "modified":
                article.updated = try date(value, key, line)
            case "tags", "keywords":
                guard let tags = value.stringList else { throw invalid(key, line, "expected a list of tags or one comma-separated string") }
                article.tags = tags
            case "auto_tags":
                guard let tags = value.stringList else { throw invalid(key, line, "expected a list of tags or one comma-separated string") }
                article.autoTags = tags
            case "source":
                article.source = try string(value, key, line)
            case "author", "authors":
                guard let authors = value.stringList else { throw invalid(key, line, "expected a name or a list of names") }
                article.authors = authors.map { ControlCharacters.removed($0).text.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            case "place":
                article.place = try string(value, key, line)
            case "credit":
                article.credit = try string(value, key, line)
            case "slug":
                article.slug = try string(value, key, line)
            case "summary", "description":
                article.summary = try string(value, key, line)
            case "draft":
                guard let draft = value.bool else { throw invalid(key, line, "expected true or false") }
                article.draft = draft
            case "image":
                let source = try string(value, key, line)
                if !source.isEmpty {
                    var image = article.image ?? ArticleImage(source: source, line: line)
                    (image.source, image.line) = (source, line)
                    article.image = image
                }
            case "image_alt", "image_caption", "image_credit":
                let text = try string(value, key, line)
                var image = article.image ?? ArticleImage(source: "", line: line)
                switch key {
                case "image_alt": image.alt = text
                case "image_caption": image.caption = text
                default: image.credit = text
                }
                article.image = image
            case "read_also":
                guard let targets = value.stringList else { throw invalid(key, line, "expected a list of slugs, paths or titles") }
                let lines = value.sequence.map { $0.map { document.line(of: $0) } } ?? Array(repeating: line, count: targets.count)
                article.readAlso = zip(targets, lines).map { Article.Reference($0, line: $1) }
            default:
                article.params[key] = Param(value)
            }
        }
    }

    private func string(_ node: Node, _ key: String, _ line: Int) throws(ArticleError) -> String {
        guard let scalar = node.scalar else { throw invalid(key, line, "expected text") }
        // A YAML escape ("\u001A") can still spell a control character.
        return ControlCharacters.removed(scalar.string).text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func date(_ node: Node, _ key: String, _ line: Int) throws(ArticleError) -> Date {
        guard let text = node.string, let date = ArticleDate.parse(text, zone: zone) else {
            throw invalid(key, line, "expected a date such as 2023-09-22 or 2023-09-22T10:30:00+03:00, got '\(node.string ?? "")'")
        }
        return date
    }

    private func invalid(_ key: String, _ line: Int, _ reason: String) -> ArticleError {
        .invalidField(path: path, line: line, key: key, reason: reason)
    }
}

extension Param {
    /// The value YAML's core schema reads: `3` an integer, `1.5` a number, `true` a flag, `2023-09-01` a
    /// date, anything else text; mappings and sequences kept whole.
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            // Yams resolves the scalar's type (quoted `"3"` stays text).
            switch node.any {
            case let flag as Bool: self = .flag(flag)
            case let number as Int: self = .integer(number)
            case let number as Double: self = .number(number)
            case let date as Date: self = .date(date)
            case is NSNull: self = .null
            default: self = .text(scalar.string)
            }
        case .mapping(let mapping):
            var entries: [String: Param] = [:]
            for (key, value) in mapping { entries[key.string ?? String(describing: key)] = Param(value) }
            self = .map(entries)
        case .sequence(let sequence):
            self = .list(sequence.map(Param.init))
        case .alias:
            self = .null
        }
    }
}
