import Foundation

/// An article and a file's diagnostics in the article cache's bytes. Every field is kept exactly (dates to
/// the bit), so an article taken from the cache renders as the same article read again.
///
/// `params` (a `Param` tree) is kept as a small tagged tree of its cases (text, whole and decimal numbers,
/// booleans, null, dates, lists, maps with text keys, keys sorted), each given back as the same case.
enum CachedArticle {
    struct Uncachable: Error {}

    /// Where an article's body lies in the bytes it was written to: where it is read back from once shelved.
    struct BodySpan {
        var body: ArticleBody
        var html: ShelfSpan
        var lead: ShelfSpan
        var text: ShelfSpan

        func moved(by offset: Int) -> BodySpan {
            BodySpan(body: body, html: html.moved(by: offset), lead: lead.moved(by: offset), text: text.moved(by: offset))
        }

        /// An empty body stays held: `ArticleBody.empty` is shared by every article without one.
        func shelve(on shelf: any BodyShelf) {
            guard !(html.range.isEmpty && lead.range.isEmpty && text.range.isEmpty) else { return }
            body.shelve(on: shelf, html: html, lead: lead, text: text)
        }
    }

    @discardableResult
    static func write(_ article: Article, to out: inout CacheBytesWriter) throws(Uncachable) -> BodySpan {
        out.string(article.file)
        out.int(article.line)
        out.string(article.title)
        out.date(article.date)
        out.date(article.updated)
        out.strings(article.tags)
        out.strings(article.autoTags)
        out.optionalString(article.source)
        out.strings(article.authors)
        out.optionalString(article.place)
        out.optionalString(article.credit)
        out.string(article.slug)
        out.optionalString(article.summary)
        out.bool(article.draft)
        let body = article.body
        let html = out.placedString(body.html, check: CacheShelf.check)
        out.strings(body.imageSources)
        let lead = out.placedString(body.lead, check: CacheShelf.check)
        let text = out.placedString(body.text, check: CacheShelf.check)
        out.int(article.readAlso.count)
        for reference in article.readAlso {
            out.string(reference.target)
            out.int(reference.line)
        }
        out.strings(article.similarTitles)
        out.bool(article.image != nil)
        if let image = article.image {
            out.string(image.source)
            out.string(image.alt)
            out.string(image.caption)
            out.string(image.credit)
            out.int(image.line)
        }
        try writeValue(.map(article.params), to: &out)
        return BodySpan(body: body, html: html, lead: lead, text: text)
    }

    /// `shelf`: where the input's bytes lie in a file, from `offset` on; the body is then shelved on it, not
    /// copied.
    static func read(from input: inout CacheBytesReader, shelf: (shelf: any BodyShelf, offset: Int)? = nil) throws(CacheBytesReader.Malformed) -> Article {
        let file = try input.string()
        let line = try input.int()
        let title = try input.string()
        let date = try input.date()
        let updated = try input.date()
        let tags = try input.strings()
        let autoTags = try input.strings()
        let source = try input.optionalString()
        let authors = try input.strings()
        let place = try input.optionalString()
        let credit = try input.optionalString()
        let slug = try input.string()
        var article = Article(file: file, title: title, slug: slug)
        article.line = line
        article.date = date
        article.updated = updated
        article.tags = tags
        article.autoTags = autoTags
        article.source = source
        article.authors = authors
        article.place = place
        article.credit = credit
        article.summary = try input.optionalString()
        article.draft = try input.bool()
        if let shelf {
            let html = try input.skippedString(check: CacheShelf.check)
            let imageSources = try input.strings()
            let lead = try input.skippedString(check: CacheShelf.check)
            let text = try input.skippedString(check: CacheShelf.check)
            article.body = ArticleBody(shelf: shelf.shelf, html: html.moved(by: shelf.offset), lead: lead.moved(by: shelf.offset),
                                       text: text.moved(by: shelf.offset), imageSources: imageSources)
        } else {
            let html = try input.string()
            _ = try input.strings()
            let lead = try input.string()
            article.body = ArticleBody(html: html, lead: lead, text: try input.string())
        }
        let references = try input.count()
        for _ in 0..<references {
            let target = try input.string()
            article.readAlso.append(Article.Reference(target, line: try input.int()))
        }
        article.similarTitles = try input.strings()
        if try input.bool() {
            let source = try input.string()
            let alt = try input.string(), caption = try input.string(), credit = try input.string()
            var image = ArticleImage(source: source, line: try input.int())
            (image.alt, image.caption, image.credit) = (alt, caption, credit)
            article.image = image
        }
        guard case .map(let params) = try readValue(from: &input) else { throw CacheBytesReader.Malformed() }
        article.params = params
        return article
    }

    static func write(_ diagnostic: Diagnostic, to out: inout CacheBytesWriter) {
        out.bool(diagnostic.severity == .error)
        out.string(diagnostic.path)
        out.bool(diagnostic.line != nil)
        if let line = diagnostic.line { out.int(line) }
        out.string(diagnostic.message)
    }

    static func readDiagnostic(from input: inout CacheBytesReader) throws(CacheBytesReader.Malformed) -> Diagnostic {
        let severity: Diagnostic.Severity = try input.bool() ? .error : .warning
        let path = try input.string()
        let line = try input.bool() ? try input.int() : nil
        return Diagnostic(severity, path: path, line: line, try input.string())
    }

    // MARK: params

    private enum Kind: UInt8 {
        case text = 1, whole, decimal, boolean, null, date, binary, list, textMap, hashableMap
    }

    /// Map keys in sorted order, so one article gives the same bytes in every process.
    private static func writeValue(_ value: Param, to out: inout CacheBytesWriter) throws(Uncachable) {
        switch value {
        case .text(let text): out.byte(Kind.text.rawValue); out.string(text)
        case .integer(let number): out.byte(Kind.whole.rawValue); out.int(number)
        case .number(let number): out.byte(Kind.decimal.rawValue); out.uint64(number.bitPattern)
        case .flag(let flag): out.byte(Kind.boolean.rawValue); out.bool(flag)
        case .null: out.byte(Kind.null.rawValue)
        case .date(let date): out.byte(Kind.date.rawValue); out.uint64(date.timeIntervalSinceReferenceDate.bitPattern)
        case .list(let list):
            out.byte(Kind.list.rawValue); out.int(list.count)
            for item in list { try writeValue(item, to: &out) }
        case .map(let map):
            out.byte(Kind.textMap.rawValue); out.int(map.count)
            for key in map.keys.sorted() { out.string(key); try writeValue(map[key]!, to: &out) }
        }
    }

    private static func readValue(from input: inout CacheBytesReader) throws(CacheBytesReader.Malformed) -> Param {
        guard let kind = Kind(rawValue: try input.byte()) else { throw CacheBytesReader.Malformed() }
        switch kind {
        case .text: return .text(try input.string())
        case .whole: return .integer(try input.int())
        case .decimal: return .number(Double(bitPattern: try input.uint64()))
        case .boolean: return .flag(try input.bool())
        case .null: return .null
        case .date: return .date(Date(timeIntervalSinceReferenceDate: Double(bitPattern: try input.uint64())))
        case .binary: throw CacheBytesReader.Malformed()
        case .list:
            var list: [Param] = []
            for _ in 0..<(try input.count()) { list.append(try readValue(from: &input)) }
            return .list(list)
        case .textMap, .hashableMap:
            var map: [String: Param] = [:]
            for _ in 0..<(try input.count()) {
                let key = try input.string()
                map[key] = try readValue(from: &input)
            }
            return .map(map)
        }
    }
}
