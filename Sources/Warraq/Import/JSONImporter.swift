import Foundation

/// Brings database exports into an archive: JSON arrays or JSON Lines (told apart by content), fields
/// mapped to front matter, one Markdown file per article under `ARCHIVE/YYYY/MM/`. Re-running it gives
/// the same files, byte for byte, and rewrites none that did not change.
public struct JSONImporter {
    public var map = FieldMap()
    public var zone = TimeZone(identifier: "UTC")!
    /// Tags to suggest for each untagged article (0: none).
    public var autoTags = 0
    /// Called with (records done, records in all) as the import goes.
    public var progress: ((Int, Int) -> Void)?

    public init() {}

    public struct Report: Sendable {
        public var records = 0
        public var written: [String] = []
        public var unchanged = 0
        public var duplicates: [Diagnostic] = []
        public var skipped: [Diagnostic] = []
    }

    /// One record as it was read, with where it came from.
    struct Record {
        let file: String
        let index: Int
        let line: Int?
        let fields: [String: Any]

        var place: String { line.map { "record \(index) (line \($0))" } ?? "record \(index)" }
    }

    public func run(files: [URL], into archive: URL) throws(SiteError) -> Report {
        var report = Report()
        var records: [Record] = []
        for file in files {
            let data: Data
            do { data = try Data(contentsOf: file) } catch { throw .output(path: file.path, reason: "cannot be read") }
            guard let text = String(data: data, encoding: .utf8) else {
                throw .invalidConfig(path: file.path, line: nil, reason: "not valid UTF-8 (first bad byte at offset \(UTF8Text.firstInvalidOffset(data) ?? 0))")
            }
            let (read, skipped) = try Self.records(in: text, path: file.path)
            records += read
            report.skipped += skipped
        }
        report.records = records.count + report.skipped.count

        var articles: [(file: MarkdownFile, record: Record)] = []
        var seenURLs: [String: String] = [:]
        var seenTitles: [String: String] = [:]
        for record in records {
            let article: MarkdownFile
            do throws(ArticleError) {
                article = try makeArticle(record)
            } catch {
                report.skipped.append(.warning(record.file, "\(record.place): \(error.message); skipped"))
                continue
            }
            let titleKey = ArabicText.fold(article.title) + "|" + (article.date.map { ArticleDate.iso8601($0, zone: self.zone).prefix(10) }.map(String.init) ?? "")
            if let url = article.originalURL, let first = seenURLs[url] {
                report.duplicates.append(.warning(record.file, "\(record.place): same URL as \(first); written once"))
                continue
            }
            if let first = seenTitles[titleKey] {
                report.duplicates.append(.warning(record.file, "\(record.place): same title and date as \(first); written once"))
                continue
            }
            if let url = article.originalURL { seenURLs[url] = record.place }
            seenTitles[titleKey] = record.place
            articles.append((article, record))
        }

        if autoTags > 0 {
            let tagger = KeyphraseTagger(articles.map { KeyphraseTagger.Document(title: $0.file.title, body: $0.file.paragraphs.joined(separator: "\n")) })
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
        return report
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
            let parsed: Any
            do {
                parsed = try JSONSerialization.jsonObject(with: Data(trimmed.utf8))
            } catch {
                throw .invalidConfig(path: path, line: nil, reason: "not a valid JSON array: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")")
            }
            for (index, item) in ((parsed as? [Any]) ?? []).enumerated() {
                if let fields = item as? [String: Any] {
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
                if let fields = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] {
                    records.append(Record(file: path, index: index, line: number + 1, fields: fields))
                } else {
                    skipped.append(.warning(path, line: number + 1, "record \(index): not a JSON object; skipped"))
                }
            }
        }
        return (records, skipped)
    }

    func makeArticle(_ record: Record) throws(ArticleError) -> MarkdownFile {
        guard let body = map.value(.body, in: record.fields) as? String else {
            throw .invalidField(path: record.file, line: record.line ?? 0, key: "body", reason: "missing or not text")
        }
        let paragraphs = Self.paragraphs(body)
        guard !paragraphs.isEmpty else { throw .invalidField(path: record.file, line: record.line ?? 0, key: "body", reason: "empty") }
        var title = ArabicText.clean((map.value(.title, in: record.fields) as? String) ?? "")
        if title.isEmpty { title = Headline.derived(fromLead: paragraphs[0]) }
        var article = MarkdownFile(title: title, paragraphs: paragraphs)
        if let value = map.value(.date, in: record.fields) {
            guard let date = Self.date(value, zone: zone) else {
                throw .invalidField(path: record.file, line: record.line ?? 0, key: "date", reason: "'\(value)' is not a date")
            }
            article.date = date
        }
        article.author = (map.value(.author, in: record.fields) as? String).map(ArabicText.clean).flatMap { $0.isEmpty ? nil : $0 }
        article.source = (map.value(.source, in: record.fields) as? String).map(ArabicText.clean).flatMap { $0.isEmpty ? nil : $0 }
        article.summary = (map.value(.summary, in: record.fields) as? String).map(ArabicText.clean).flatMap { $0.isEmpty ? nil : $0 }
        article.originalURL = (map.value(.url, in: record.fields) as? String).flatMap { $0.isEmpty ? nil : $0 }
        switch map.value(.tags, in: record.fields) {
        case let list as [Any]: article.tags = list.compactMap { $0 as? String }.map(ArabicText.clean).filter { !$0.isEmpty }
        case let text as String:
            article.tags = text.split(whereSeparator: { $0 == "," || $0 == "،" }).map { ArabicText.clean(String($0)) }.filter { !$0.isEmpty }
        default: break
        }
        return article
    }

    /// Paragraphs split on blank lines, each cleaned; a paragraph repeated in one article is kept once.
    static func paragraphs(_ body: String) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        let normalised = body.replacingOccurrences(of: "\r\n", with: "\n")
        for block in normalised.components(separatedBy: "\n\n") {
            let lines = block.split(separator: "\n").map { ArabicText.clean(String($0)) }.filter { !$0.isEmpty }
            guard !lines.isEmpty else { continue }
            let paragraph = lines.joined(separator: "\n")
            if seen.insert(ArabicText.fold(paragraph)).inserted { result.append(paragraph) }
        }
        return result
    }

    /// ISO 8601, `YYYY-MM-DD hh:mm:ss`, or epoch seconds (as a number or digits).
    static func date(_ value: Any, zone: TimeZone) -> Date? {
        if let number = value as? NSNumber, !(value is Bool) { return Date(timeIntervalSince1970: number.doubleValue) }
        guard let text = value as? String else { return nil }
        if !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber), let seconds = Double(text) {
            return Date(timeIntervalSince1970: seconds)
        }
        return ArticleDate.parse(text, zone: zone)
    }
}
