import Foundation
import Templates

/// What the search index holds for one article: its address and a small HTML document written for the
/// indexer alone (never the published page, whose header, lists and read-also links are not the article).
/// Pagefind reads the `data-pagefind-*` attributes: the weighted title, the body, filters, meta and sort.
public struct SearchRecord: Sendable, Equatable {
    /// The root-relative address a result links to (`/2023/09/slug/`).
    public let url: String
    public let html: String
}

/// The search records of a planned site: one per published article, nothing for listing, tag, index or
/// date pages, so only articles are ever results. Pure: the same plan gives the same records.
public enum SearchRecords {
    /// The filter names, as the search page reads them (its labels are Arabic: المصدر، الوسم...).
    public static let filterNames: [TaxonomyConfig.ArticleField: String] = [.source: "source", .tags: "tag", .author: "author", .place: "place"]

    public static func records(_ plan: SitePlan) -> [SearchRecord] {
        let links = SiteLinks(base: plan.config.baseURL)
        let dates = ArabicDateFormat(plan.config)
        return Parallel.map(Array(plan.articles.indices), minimumChunk: 128) { index in
            let article = plan.articles[index]
            let e = HTMLEscape.escape
            var html = "<html lang=\"\(e(plan.config.language))\"><head><title>\(e(article.title))</title></head><body data-pagefind-body>\n"
            html += "<h1 data-pagefind-weight=\"10\">\(e(article.title))</h1>\n"
            // A long text is cut to its first words (as plain text); the rest keep their markup.
            var text = plainText(article.bodyHTML)
            let limit = plan.config.searchWords
            if limit > 0, case let opening = leading(limit, wordsOf: text), opening.utf8.count < text.utf8.count {
                text = opening
                html += "<div><p>\(e(text))</p></div>\n"
            } else {
                html += "<div>\(article.bodyHTML)</div>\n"
            }
            if let date = article.date {
                let c = ArticleDate.components(date, zone: plan.config.timeZone)
                let sortKey = String(format: "%04d%02d%02d%02d%02d%02d", c.year, c.month, c.day, c.hour, c.minute, c.second)
                html += "<span data-pagefind-filter=\"year:\(c.year)\" data-pagefind-sort=\"date:\(sortKey)\""
                    + " data-pagefind-meta=\"date:\(e(dates.day(date)))\"></span>\n"
            }
            // Source, tags, authors and place are searched as words, and are the facets.
            var facets = ""
            for taxonomy in plan.taxonomies {
                guard let filter = filterNames[taxonomy.config.field] else { continue }
                for term in taxonomy.termsOfArticle[index] {
                    let meta = taxonomy.config.field == .source ? " data-pagefind-meta=\"source\"" : ""
                    facets += "<span data-pagefind-filter=\"\(filter)\"\(meta)>\(e(taxonomy.terms[term].name))</span>\n"
                }
            }
            html += facets.isEmpty ? "" : "<p>\n\(facets)</p>\n"
            // Last, so excerpts come from the text as written whenever it matches.
            let titleFolds = foldedVariants(ArabicText.writtenWords(article.title))
            if !titleFolds.isEmpty { html += "<p data-pagefind-weight=\"10\">\(e(titleFolds.joined(separator: " ")))</p>\n" }
            let bodyFolds = foldedVariants(ArabicText.writtenWords(text))
            if !bodyFolds.isEmpty { html += "<p>\(e(bodyFolds.joined(separator: " ")))</p>\n" }
            html += "</body></html>\n"
            return SearchRecord(url: links.link(plan.articlePaths[index]), html: html)
        }
    }

    /// The folded form of each word holding a letter Pagefind's Arabic stemmer (Snowball) does not fold
    /// as Warraq does, once each, in order of first use: the hamza seats ؤ ئ (Snowball makes مسؤول
    /// مسوول and مسئول مسيول, never one word), teh marbuta ة, the Persian and Urdu letters, Arabic-Indic
    /// digits. Alef forms, alef maqsura, harakat and tatweel Snowball folds itself (اسرائيل finds إسرائيل
    /// without help), so words with only those get no copy. The search page folds the query with
    /// `warraqFold`, so a query in any spelling meets the word as written or this copy.
    static func foldedVariants(_ words: [String]) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        for word in words where word.unicodeScalars.contains(where: stemmerMisses) {
            let folded = ArabicText.fold(word)
            if seen.insert(folded).inserted { out.append(folded) }
        }
        return out
    }

    private static func stemmerMisses(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0624, 0x0626, 0x0629, 0x0649, 0x06CC, 0x06D2, 0x06D3, 0x06C1, 0x06D5, 0x06C0, 0x06A9,
             0x0653...0x0655, 0x0660...0x0669, 0x06F0...0x06F9, 0xFB50...0xFDFF, 0xFE70...0xFEFE: return true
        default: return false
        }
    }

    /// The first `count` words of a text, as written (spaces and punctuation between them kept).
    static func leading(_ count: Int, wordsOf text: String) -> String {
        var words = 0
        var inWord = false
        for index in text.indices {
            let isSpace = text[index].isWhitespace
            if !isSpace && !inWord {
                words += 1
                if words > count { return String(text[..<index]) }
            }
            inWord = !isSpace
        }
        return text
    }

    /// The text of rendered HTML: tags dropped, the entities libcmark writes decoded.
    static func plainText(_ html: String) -> String {
        var out = ""
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        for character in html {
            if inTag {
                if character == ">" { inTag = false; out.append(" ") }
            } else if character == "<" {
                inTag = true
            } else {
                out.append(character)
            }
        }
        guard out.contains("&") else { return out }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// One hash of every record and what the index is made with: equal hashes, equal index.
    public static func fingerprint(_ records: [SearchRecord], language: String, indexer: String) -> String {
        var hash = StableHash()
        hash.combine(language + "\u{1}" + indexer)
        for record in records {
            hash.combine(record.url)
            hash.combine([0])
            hash.combine(record.html)
            hash.combine([0])
        }
        return hash.hex
    }
}
