import Foundation
import Yams

/// Reads `site.yml`. A missing file means defaults; a key Warraq does not know is a warning (a typo there
/// otherwise goes unnoticed); a key with a wrong value is an error, and nothing is built.
public struct SiteConfigReader {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func read() throws(SiteError) -> (config: SiteConfig, warnings: [Diagnostic]) {
        var config = SiteConfig()
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return (config, []) }
        if isFolder.boolValue { throw .config(path: path, line: nil, reason: "is a folder; the site's settings go in a file named site.yml") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .config(path: path, line: nil, reason: "cannot be read (\(access(path, R_OK) != 0 ? "permission denied" : "read error"))")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw .config(path: path, line: nil, reason: "not valid UTF-8") }
        let document: YAMLDocument
        do {
            document = try YAMLDocument(text)
        } catch {
            switch error {
            case .syntax(let line, let reason): throw .config(path: path, line: line, reason: reason)
            case .notAMapping(let line): throw .config(path: path, line: line, reason: "expected 'key: value' lines")
            }
        }
        var warnings: [Diagnostic] = []
        for (key, value, line) in document.entries {
            switch key {
            case "title": config.title = try string(value, key, line)
            case "description": config.description = try string(value, key, line)
            case "base_url", "baseURL":
                guard let url = BaseURL(try string(value, key, line)) else { throw invalid(key, line, "expected an http or https URL without control characters, such as https://example.org/archive/") }
                config.baseURL = url
                config.baseURLIsSet = true
            case "follow_symlinks": config.followSymlinks = try bool(value, key, line)
            case "search": config.search = try bool(value, key, line)
            case "search_words": config.searchWords = try int(value, key, line, atLeast: 0)
            case "language": config.language = try string(value, key, line)
            case "direction":
                let direction = try string(value, key, line)
                guard direction == "rtl" || direction == "ltr" else { throw invalid(key, line, "expected rtl or ltr") }
                config.direction = direction
            case "page_size", "paginate":
                config.pageSize = try int(value, key, line, atLeast: 1)
            case "time_zone", "timezone":
                guard let zone = TimeZone(identifier: try string(value, key, line)) else { throw invalid(key, line, "unknown time zone (use a name such as Asia/Riyadh)") }
                config.timeZone = zone
            case "date_digits", "digits":
                switch try string(value, key, line) {
                case "latn": config.arabicIndicDigits = false
                case "arab": config.arabicIndicDigits = true
                default: throw invalid(key, line, "expected latn (2023) or arab (٢٠٢٣)")
                }
            case "month_names":
                guard let names = SiteConfig.MonthNames(rawValue: try string(value, key, line)) else { throw invalid(key, line, "expected gregorian (سبتمبر) or levantine (أيلول)") }
                config.monthNames = names
            case "calendars":
                guard let names = value.stringList else { throw invalid(key, line, "expected a list such as [gregorian, hijri]") }
                var calendars: [SiteConfig.CalendarName] = []
                for name in names {
                    guard let calendar = SiteConfig.CalendarName(rawValue: name) else { throw invalid(key, line, "unknown calendar '\(name)' (expected gregorian or hijri)") }
                    if !calendars.contains(calendar) { calendars.append(calendar) }
                }
                config.calendars = calendars
            case "markdown":
                for (subkey, subvalue, subline) in try entries(value, document, key, line) {
                    switch subkey {
                    case "unsafe": config.unsafeHTML = try bool(subvalue, "markdown.unsafe", subline)
                    case "smart_quotes": config.smartQuotes = try bool(subvalue, "markdown.smart_quotes", subline)
                    default: warnings.append(.warning(path, line: subline, "unknown key 'markdown.\(subkey)' is ignored"))
                    }
                }
            case "read_also":
                for (subkey, subvalue, subline) in try entries(value, document, key, line) {
                    let name = "read_also.\(subkey)"
                    switch subkey {
                    case "similar": config.readAlso.similar = try int(subvalue, name, subline, atLeast: 0)
                    case "time_weight": config.readAlso.timeWeight = try fraction(subvalue, name, subline)
                    case "half_life_days": config.readAlso.halfLifeDays = max(0.01, try double(subvalue, name, subline))
                    case "tag_weight": config.readAlso.tagWeight = try double(subvalue, name, subline)
                    case "text_weight": config.readAlso.textWeight = try double(subvalue, name, subline)
                    default: warnings.append(.warning(path, line: subline, "unknown key '\(name)' is ignored"))
                    }
                }
            case "feeds":
                for (subkey, subvalue, subline) in try entries(value, document, key, line) {
                    switch subkey {
                    case "items": config.feeds.items = try int(subvalue, "feeds.items", subline, atLeast: 1)
                    case "full_content": config.feeds.fullContent = try bool(subvalue, "feeds.full_content", subline)
                    case "terms": config.feeds.termFormats = try feedFormats(subvalue, subline)
                    case "min_articles": config.feeds.minimumArticles = try int(subvalue, "feeds.min_articles", subline, atLeast: 1)
                    default: warnings.append(.warning(path, line: subline, "unknown key 'feeds.\(subkey)' is ignored"))
                    }
                }
            case "taxonomies":
                config.taxonomies = try taxonomies(value, document, line)
            case "source_names":
                for (id, name, subline) in try entries(value, document, key, line) {
                    let text = try string(name, "source_names.\(id)", subline).trimmingCharacters(in: .whitespaces)
                    guard !text.isEmpty else { throw invalid("source_names.\(id)", subline, "expected the name to show, such as الشرق الأوسط") }
                    config.sourceNames[id] = text
                }
            default:
                warnings.append(.warning(path, line: line, "unknown key '\(key)' is ignored"))
            }
        }
        return (config, warnings)
    }

    /// `feeds.terms`: `[rss]`, `[rss, atom]`, `[atom]` or `[]` (no term feeds).
    private func feedFormats(_ node: Node, _ line: Int) throws(SiteError) -> [FeedFormat] {
        guard let sequence = node.sequence else { throw invalid("feeds.terms", line, "expected a list such as [rss], [rss, atom] or []") }
        var formats: [FeedFormat] = []
        for item in sequence {
            guard let format = item.string.flatMap(FeedFormat.init(rawValue:)) else { throw invalid("feeds.terms", line, "expected rss or atom") }
            if !formats.contains(format) { formats.append(format) }
        }
        return formats
    }

    /// `taxonomies:` is a list of `{field, title, singular, segment}`; fields left out keep their defaults.
    private func taxonomies(_ node: Node, _ document: YAMLDocument, _ line: Int) throws(SiteError) -> [TaxonomyConfig] {
        guard let sequence = node.sequence else { throw invalid("taxonomies", line, "expected a list") }
        var result: [TaxonomyConfig] = []
        for item in sequence {
            let itemLine = document.line(of: item)
            var fieldName: String?
            var overrides: [String: String] = [:]
            for (subkey, subvalue, subline) in try entries(item, document, "taxonomies", itemLine) {
                let text = try string(subvalue, "taxonomies.\(subkey)", subline)
                if subkey == "field" { fieldName = text } else { overrides[subkey] = text }
            }
            guard let fieldName, let field = TaxonomyConfig.ArticleField(rawValue: fieldName) else {
                throw invalid("taxonomies.field", itemLine, "expected one of \(TaxonomyConfig.ArticleField.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            var taxonomy = TaxonomyConfig.defaults.first { $0.field == field }!
            taxonomy.title = overrides["title"] ?? taxonomy.title
            taxonomy.singular = overrides["singular"] ?? taxonomy.singular
            if let segment = overrides["segment"] {
                guard OutputPath.isSafeComponent(segment) else { throw invalid("taxonomies.segment", itemLine, "'\(segment)' cannot be a folder name") }
                taxonomy.segment = segment
            }
            // Checked here too, with the line: the planner finds a collision only once pages exist on both sides.
            if let other = result.first(where: { $0.segment == taxonomy.segment }) {
                throw invalid("taxonomies.segment", itemLine, "taxonomy '\(other.field.rawValue)' and taxonomy '\(field.rawValue)' both use segment '\(taxonomy.segment)': their pages would overwrite each other")
            }
            let segment = taxonomy.segment
            if (segment.count == 4 && segment.allSatisfy(\.isASCII) && segment.allSatisfy(\.isNumber)) || Permalinks.reservedSegments.contains(segment) {
                let owner = segment.first!.isNumber ? "the date archive of \(segment)" : "Warraq's /\(segment)/"
                throw invalid("taxonomies.segment", itemLine, "segment '\(segment)' of taxonomy '\(field.rawValue)' would share its folder with \(owner)")
            }
            result.append(taxonomy)
        }
        return result
    }

    private func entries(_ node: Node, _ document: YAMLDocument, _ key: String, _ line: Int) throws(SiteError) -> [(String, Node, Int)] {
        guard let mapping = node.mapping else { throw invalid(key, line, "expected 'key: value' lines") }
        return mapping.compactMap { pair in pair.key.string.map { ($0, pair.value, document.line(of: pair.key)) } }
    }

    private func string(_ node: Node, _ key: String, _ line: Int) throws(SiteError) -> String {
        guard let scalar = node.scalar else { throw invalid(key, line, "expected text") }
        return scalar.string
    }

    private func int(_ node: Node, _ key: String, _ line: Int, atLeast minimum: Int) throws(SiteError) -> Int {
        guard let value = node.int, value >= minimum else { throw invalid(key, line, "expected a whole number of at least \(minimum)") }
        return value
    }

    private func double(_ node: Node, _ key: String, _ line: Int) throws(SiteError) -> Double {
        guard let value = node.float ?? node.int.map(Double.init) else { throw invalid(key, line, "expected a number") }
        return value
    }

    private func fraction(_ node: Node, _ key: String, _ line: Int) throws(SiteError) -> Double {
        let value = try double(node, key, line)
        guard (0...1).contains(value) else { throw invalid(key, line, "expected a number from 0 to 1") }
        return value
    }

    private func bool(_ node: Node, _ key: String, _ line: Int) throws(SiteError) -> Bool {
        guard let value = node.bool else { throw invalid(key, line, "expected true or false") }
        return value
    }

    private func invalid(_ key: String, _ line: Int, _ reason: String) -> SiteError {
        .config(path: path, line: line, reason: "'\(key)': \(reason)")
    }
}
