import Foundation

/// Brings database exports into an archive: JSON arrays or JSON Lines (told apart by content), fields
/// mapped to front matter, one Markdown file per article under `ARCHIVE/YYYY/MM/`. Re-running it gives
/// the same files, byte for byte, and rewrites none that did not change.
///
/// Nothing a newsroom published is dropped: only a record with the URL of one already read, or with the
/// same source, title, day and text, is merged into it. Two papers' articles under one headline are two
/// articles (the read-also engine links them, the importer keeps them).
public struct JSONImporter: Sendable {
    public var map = FieldMap()
    public var zone = TimeZone(identifier: "UTC")!
    /// What a single newline in a body is: a paragraph break (most news exports), or a wrapped line of
    /// one paragraph, with blank lines between paragraphs (exports that hard-wrap text).
    public var lineBreaks = LineBreaks.paragraph
    /// Paper names by source id, for bylines ("لندن: «الشرق الأوسط»" credits the paper) and for the
    /// `site.yml` written into a new archive. The archive's own `source_names` are added when it has them.
    public var sourceNames = KnownSources.names
    /// Tags to suggest for each untagged article (0: none).
    public var autoTags = 0
    /// Called with (records done, records in all) as the import goes.
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init() {}

    public enum LineBreaks: String, Sendable, CaseIterable { case paragraph, wrap }

    public struct Report: Sendable {
        public var records = 0
        public var written: [String] = []
        public var unchanged = 0
        /// Records merged into an earlier one, each with why.
        public var duplicates: [Diagnostic] = []
        public var mergedSameURL = 0
        public var mergedSameText = 0
        public var skipped: [Diagnostic] = []
        /// Control characters and U+FFFD removed from titles, bylines and bodies.
        public var controlCharacters = 0
        /// The `site.yml` written into an archive that had none, if one was.
        public var siteConfig: String?

        /// The articles written or already there.
        public var kept: Int { written.count + unchanged }
    }

    /// One record as it was read, with where it came from.
    struct Record {
        let file: String
        let index: Int
        let line: Int?
        let fields: [String: JSONValue]

        var place: String { line.map { "record \(index) (line \($0))" } ?? "record \(index)" }
    }

    public func run(files: [URL], into archive: URL) throws(SiteError) -> Report {
        var report = Report()
        var records: [Record] = []
        for file in files {
            let data: Data
            do { data = try Data(contentsOf: file) } catch { throw .input(path: file.path, line: nil, reason: "cannot be read") }
            guard let text = String(data: data, encoding: .utf8) else {
                throw .input(path: file.path, line: nil, reason: "not valid UTF-8 (first bad byte at offset \(UTF8Text.firstInvalidOffset(data) ?? 0))")
            }
            let (read, skipped) = try Self.records(in: text, path: file.path)
            records += read
            report.skipped += skipped
        }
        report.records = records.count + report.skipped.count

        var names = sourceNames
        let configURL = archive.appendingPathComponent("site.yml")
        let hadConfig = FileManager.default.fileExists(atPath: configURL.path)
        if hadConfig, let config = try? SiteConfigReader(path: configURL.path).read().config {
            names.merge(config.sourceNames) { _, own in own }
        }
        let paperNames = Array(Set(names.values)).sorted()

        var articles: [(file: MarkdownFile, record: Record)] = []
        var seenURLs: [String: String] = [:]
        var seenTexts: [String: String] = [:]
        for record in records {
            let article: MarkdownFile
            do throws(ArticleError) {
                article = try makeArticle(record, names: names, papers: paperNames, controls: &report.controlCharacters)
            } catch {
                report.skipped.append(.warning(record.file, "\(record.place): \(error.message); skipped"))
                continue
            }
            if let url = article.originalURL, let first = seenURLs[url] {
                report.duplicates.append(.warning(record.file, "\(record.place): same URL as \(first); merged into it"))
                report.mergedSameURL += 1
                continue
            }
            let textKey = sameTextKey(article)
            if let first = seenTexts[textKey] {
                report.duplicates.append(.warning(record.file, "\(record.place): same source, title, day and text as \(first); merged into it"))
                report.mergedSameText += 1
                continue
            }
            if let url = article.originalURL { seenURLs[url] = record.place }
            seenTexts[textKey] = record.place
            articles.append((article, record))
        }

        if autoTags > 0 {
            let tagger = KeyphraseTagger(articles.map { KeyphraseTagger.Document(title: $0.file.title, body: $0.file.paragraphs.joined(separator: "\n"), paper: $0.file.source.flatMap { names[$0] }) })
            let suggested = tagger.tagsForAll(count: autoTags)
            for index in articles.indices where articles[index].file.tags.isEmpty {
                articles[index].file.autoTags = suggested[index]
            }
        }

        let outputZone = self.zone
        let total = articles.count
        let done = Counter()
        let outcomes = Parallel.map(articles, minimumChunk: 64) { article, record -> (path: String, written: Bool) in
            let path = Self.path(of: article, identity: article.originalURL ?? "\(record.file)#\(record.index)", zone: outputZone)
            let target = archive.appendingPathComponent(path)
            let bytes = Data(article.text(zone: outputZone).utf8)
            var written = false
            if (try? Data(contentsOf: target)) != bytes {
                try? FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                written = (try? bytes.write(to: target, options: .atomic)) != nil
            }
            if let progress, let count = done.increment(), count % 500 == 0 || count == total { progress(count, total) }
            return (path, written)
        }
        report.written = outcomes.filter(\.written).map(\.path)
        report.unchanged = outcomes.count - report.written.count
        if !hadConfig {
            let seen = Set(articles.compactMap(\.file.source))
            let text = Self.siteConfig(sourceNames: names.filter { seen.contains($0.key) })
            do {
                try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
                try Data(text.utf8).write(to: configURL, options: .atomic)
            } catch {
                throw .output(path: configURL.path, line: nil, reason: "cannot write: \(error.localizedDescription)")
            }
            report.siteConfig = configURL.path
        }
        return report
    }

    /// What makes two records one article besides their URL: the same paper, headline, day and text.
    func sameTextKey(_ article: MarkdownFile) -> String {
        let day = article.date.map { String(ArticleDate.iso8601($0, zone: zone).prefix(10)) } ?? ""
        let text = StableHash(ArabicText.fold(article.paragraphs.joined(separator: "\n")).utf8).hex
        return [ArabicText.fold(article.source ?? ""), ArabicText.fold(article.title), day, text].joined(separator: "|")
    }

    /// The `site.yml` of a newly imported archive: the papers it holds named, and a reminder that the
    /// address it will be published at is still to be set.
    static func siteConfig(sourceNames: [String: String]) -> String {
        var text = """
            # Written by `warraq import json`. Set base_url to the address the site will be published at:
            # canonical links, feeds, sitemaps and JSON-LD are made from it (until then they point at localhost).
            # base_url: https://example.org/archive/

            """
        if !sourceNames.isEmpty {
            text += "# How each source id is shown; its pages keep the id in their URL (/sources/aawsat/).\nsource_names:\n"
            for id in sourceNames.keys.sorted() { text += "  \(MarkdownFile.quoted(id)): \(MarkdownFile.quoted(sourceNames[id]!))\n" }
        }
        return text
    }

    /// `YYYY/MM/title-slug-hash.md`, or `undated/...` for a record without a date.
    static func path(of article: MarkdownFile, identity: String, zone: TimeZone) -> String {
        let name = MarkdownFile.fileName(title: article.title, identity: identity)
        guard let date = article.date else { return "undated/" + name }
        let c = ArticleDate.components(date, zone: zone)
        return String(format: "%04d/%02d/", c.year, c.month) + name
    }

    /// The records of a JSON array or of JSON Lines. A line of JSON Lines that does not parse is skipped
    /// and reported; an array that does not parse is an error for the whole file.
    static func records(in text: String, path: String) throws(SiteError) -> ([Record], [Diagnostic]) {
        let trimmed = text.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        var records: [Record] = []
        var skipped: [Diagnostic] = []
        if trimmed.first == "[" {
            let parsed: [JSONValue]
            do {
                parsed = try JSONDecoder().decode([JSONValue].self, from: Data(trimmed.utf8))
            } catch {
                throw .input(path: path, line: nil, reason: "not a valid JSON array: \(Self.explanation(error))")
            }
            for (index, item) in parsed.enumerated() {
                if case .object(let fields) = item {
                    records.append(Record(file: path, index: index, line: nil, fields: fields))
                } else {
                    skipped.append(.warning(path, "record \(index): not an object; skipped"))
                }
            }
        } else {
            var index = 0
            for (number, line) in TextLines(text[...]).enumerated() {
                guard !line.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                defer { index += 1 }
                if case .object(let fields)? = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)) {
                    records.append(Record(file: path, index: index, line: number + 1, fields: fields))
                } else {
                    skipped.append(.warning(path, line: number + 1, "record \(index): not a JSON object; skipped"))
                }
            }
        }
        return (records, skipped)
    }

    func makeArticle(_ record: Record, names: [String: String] = KnownSources.names, papers: [String] = [],
                     controls: inout Int) throws(ArticleError) -> MarkdownFile {
        /// The field's text with its HTML character references decoded and without control characters
        /// (counted), cleaned for display.
        func text(_ field: FieldMap.Field) -> String? {
            guard let value = map.value(field, in: record.fields)?.string else { return nil }
            let (kept, removed) = ControlCharacters.removed(CharacterReferences.decoded(value))
            controls += removed
            return kept
        }
        guard let body = text(.body) else {
            throw .invalidField(path: record.file, line: record.line, key: "body", reason: "missing or not text")
        }
        let paragraphs = Self.paragraphs(body, lineBreaks: lineBreaks)
        guard !paragraphs.isEmpty else { throw .invalidField(path: record.file, line: record.line, key: "body", reason: "empty") }
        var title = ArabicText.clean(text(.title) ?? "")
        if title.isEmpty { title = Headline.derived(fromLead: paragraphs[0]) }
        var article = MarkdownFile(title: title, paragraphs: paragraphs)
        if let value = map.value(.date, in: record.fields) {
            guard let date = Self.date(value, zone: zone) else {
                throw .invalidField(path: record.file, line: record.line, key: "date", reason: "'\(value)' is not a date")
            }
            article.date = date
        }
        article.source = text(.source).map(ArabicText.clean).flatMap { $0.isEmpty ? nil : $0 }
        if let written = text(.author) {
            let byline = Byline(parsing: written, paper: article.source.flatMap { names[$0] }, papers: papers)
            article.authors = byline.authors
            article.place = byline.place
            article.credit = byline.credit
        }
        article.summary = text(.summary).map(ArabicText.clean).flatMap { $0.isEmpty ? nil : $0 }
        article.originalURL = map.value(.url, in: record.fields)?.string.flatMap { $0.isEmpty ? nil : $0 }
        article.image = text(.image).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        article.imageAlt = text(.image_alt).map(ArabicText.clean).flatMap { $0.isEmpty ? nil : $0 }
        article.imageCaption = text(.image_caption).map(ArabicText.clean).flatMap { $0.isEmpty ? nil : $0 }
        switch map.value(.tags, in: record.fields) {
        case .array(let list)?: article.tags = list.compactMap(\.string).map { ArabicText.clean(CharacterReferences.decoded($0)) }.filter { !$0.isEmpty }
        case .string(let text)?:
            article.tags = CharacterReferences.decoded(text).split(whereSeparator: { $0 == "," || $0 == "،" }).map { ArabicText.clean(String($0)) }.filter { !$0.isEmpty }
        default: break
        }
        return article
    }

    /// The paragraphs of a body, each cleaned (a leading non-breaking space or a line of spaces is
    /// nothing); a paragraph repeated in one article is kept once. With `.paragraph` every line is a
    /// paragraph; with `.wrap` blank lines part paragraphs and the lines between them are joined.
    static func paragraphs(_ body: String, lineBreaks: LineBreaks = .paragraph) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        var pending: [String] = []
        func flush() {
            defer { pending = [] }
            guard !pending.isEmpty else { return }
            let paragraph = pending.joined(separator: " ")
            if seen.insert(ArabicText.fold(paragraph)).inserted { result.append(paragraph) }
        }
        for rawLine in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = ArabicText.clean(String(rawLine))
            if line.isEmpty {
                flush()
            } else {
                pending.append(line)
                if lineBreaks == .paragraph { flush() }
            }
        }
        flush()
        return result
    }

    /// ISO 8601, `YYYY-MM-DD hh:mm:ss`, or epoch seconds (as a number or digits).
    static func date(_ value: JSONValue, zone: TimeZone) -> Date? {
        if case .number(let seconds) = value { return Date(timeIntervalSince1970: seconds) }
        guard case .string(let text) = value else { return nil }
        if !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber), let seconds = Double(text) {
            return Date(timeIntervalSince1970: seconds)
        }
        return ArticleDate.parse(text, zone: zone)
    }

    /// What JSONDecoder found wrong, in its own words.
    private static func explanation(_ error: Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted(let context)?:
            return (context.underlyingError.map { ($0 as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\($0)" }) ?? context.debugDescription
        default: return "\(error)"
        }
    }
}
