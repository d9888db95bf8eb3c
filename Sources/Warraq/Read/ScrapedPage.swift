import Foundation

/// What a scraped news page holds, told apart line by line: the body, its source, its tag line, an
/// embedded "read also" article and the list of similar headlines.
struct ScrapedPage {
    struct Paragraph {
        var text: String
        var line: Int
    }

    var body: [Paragraph] = []
    var source: String?
    var tagLine: Paragraph?
    var featuredTitle: Paragraph?
    var featuredBody: [Paragraph] = []
    var similarTitles: [String] = []
    var warnings: [(line: Int, message: String)] = []

    private enum Section { case body, featuredTitle, featuredBody, similar }

    init(_ text: String) {
        var section = Section.body
        var block: [String] = []
        var blockLine = 0
        var afterSpacer = false
        var blockAfterSpacer = false

        func flush() {
            guard !block.isEmpty else { return }
            let paragraph = Paragraph(text: block.joined(separator: " "), line: blockLine)
            block = []
            if Self.isWidget(paragraph.text, afterSpacer: blockAfterSpacer) { return }
            switch section {
            case .body: body.append(paragraph)
            case .featuredBody: featuredBody.append(paragraph)
            case .featuredTitle, .similar: break
            }
        }

        for (index, rawLine) in TextLines(text[...]).enumerated() {
            let lineNumber = index + 1
            let line = ArabicText.clean(String(rawLine))
            if line.isEmpty {
                flush()
                // A line holding only a non-breaking space is how these pages space out their widgets.
                if rawLine.unicodeScalars.contains(where: { $0.value == 0xA0 }) { afterSpacer = true }
                continue
            }
            let marker = Marker(line)
            switch marker {
            case .source(let value):
                flush()
                if source == nil { source = value } else { warnings.append((lineNumber, "a second 'المصدر:' line is ignored")) }
            case .tags(let value):
                flush()
                if tagLine == nil { tagLine = Paragraph(text: value, line: lineNumber) } else { warnings.append((lineNumber, "a second 'كلمات دلالية:' line is ignored")) }
            case .readAlso:
                flush()
                if featuredTitle == nil && section == .body {
                    section = .featuredTitle
                } else {
                    warnings.append((lineNumber, "a second 'إقرأ أيضاً:' header is ignored"))
                }
            case .similar:
                flush()
                section = .similar
            case .boilerplate:
                flush()
            case .none:
                switch section {
                case .featuredTitle:
                    featuredTitle = Paragraph(text: line, line: lineNumber)
                    section = .featuredBody
                case .similar:
                    let title = line.drop(while: { "•·-*–".contains($0) || $0.isWhitespace })
                    if !title.isEmpty { similarTitles.append(String(title)) }
                case .body, .featuredBody:
                    if block.isEmpty {
                        blockLine = lineNumber
                        blockAfterSpacer = afterSpacer
                    }
                    block.append(line)
                }
            }
            afterSpacer = false
        }
        flush()
        if section == .featuredTitle {
            warnings.append((featuredTitle?.line ?? 0, "'إقرأ أيضاً:' is not followed by an article"))
        }
    }

    /// Headlines glued together by a "related" widget: short, no closing punctuation, and either marked as
    /// video (شاهد) or set apart by a spacer line. Real paragraphs of news prose end with punctuation.
    static func isWidget(_ text: String, afterSpacer: Bool) -> Bool {
        guard text.count <= 220 else { return false }
        let folded = ArabicText.fold(text)
        if folded.hasSuffix("(شاهد)") || folded.hasSuffix("(فيديو)") || folded.hasSuffix("(صور)") { return true }
        guard afterSpacer, let last = text.last else { return false }
        return !".!?؟:؛;\"”»)…'".contains(last)
    }

    /// The lines that are not body text, recognised after folding so misspellings (اقرأ ايضا) still match.
    enum Marker {
        case source(String), tags(String), readAlso, similar, boilerplate, none

        init(_ line: String) {
            let folded = ArabicText.fold(line)
            let bare = folded.filter { $0 != ":" && $0 != " " }
            if let value = Self.value(after: "المصدر", in: line, folded: folded) {
                self = .source(value)
            } else if let value = Self.value(after: "كلمات دلاليه", in: line, folded: folded) {
                self = .tags(value)
            } else if bare == "اقراايضا" {
                self = .readAlso
            } else if bare == "مقالاتمشابهه" || bare == "مقالاتذاتصله" {
                self = .similar
            } else if bare.hasSuffix("اضغطهنا") || (folded.hasPrefix("لمزيد من") && folded.count < 80) {
                self = .boilerplate
            } else {
                self = .none
            }
        }

        /// The text after `label:` when the line starts with it.
        private static func value(after label: String, in line: String, folded: String) -> String? {
            guard folded.hasPrefix(label), let colon = line.firstIndex(of: ":") else { return nil }
            let head = ArabicText.fold(String(line[..<colon])).trimmingCharacters(in: .whitespaces)
            guard head == label else { return nil }
            return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }
}
