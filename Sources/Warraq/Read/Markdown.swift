import CMark
import Foundation

/// The one way article bodies become HTML: libcmark, with raw HTML omitted unless the site opts in and
/// straight quotes kept (curly quotes read wrongly in Arabic unless asked for).
public struct Markdown: Sendable {
    public var unsafeHTML: Bool
    public var smartQuotes: Bool

    public init(unsafeHTML: Bool = false, smartQuotes: Bool = false) {
        self.unsafeHTML = unsafeHTML
        self.smartQuotes = smartQuotes
    }

    /// What one body gives: the HTML, the lead (first paragraph as plain text) and the start of its text.
    public struct Rendered: Sendable {
        public var html: String
        public var lead: String
        public var text: String
    }

    private var options: Int32 {
        var options = CMARK_OPT_VALIDATE_UTF8
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        if smartQuotes { options |= CMARK_OPT_SMART }
        return options
    }

    /// Renders Markdown source.
    public func render(markdown: String) -> Rendered {
        var source = markdown
        let document = source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }!
        defer { cmark_node_free(document) }
        return render(document)
    }

    /// Renders plain text paragraphs (scraped pages) as text nodes, so nothing in them is read as Markdown:
    /// a line starting with `1.` or `#`, or holding `*`, stays text.
    public func render(paragraphs: [String]) -> Rendered {
        let document = cmark_node_new(CMARK_NODE_DOCUMENT)!
        defer { cmark_node_free(document) }
        for paragraph in paragraphs {
            let node = cmark_node_new(CMARK_NODE_PARAGRAPH)!
            let text = cmark_node_new(CMARK_NODE_TEXT)!
            cmark_node_set_literal(text, paragraph)
            cmark_node_append_child(node, text)
            cmark_node_append_child(document, node)
        }
        return render(document)
    }

    /// How much of the body's text goes into finding similar articles: a news article's topic is in its
    /// first paragraphs, and the bound keeps memory flat however long the body.
    static let similarityTextLimit = 8000

    private func render(_ document: OpaquePointer) -> Rendered {
        let html = take(cmark_render_html(document, options))
        var lead = ""
        var node = cmark_node_first_child(document)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_PARAGRAPH {
                lead = collapse(plainText(current, limit: Int.max))
                if !lead.isEmpty { break }
            }
            node = cmark_node_next(current)
        }
        return Rendered(html: html, lead: lead, text: plainText(document, limit: Self.similarityTextLimit))
    }

    /// The text of a node: its text and code literals, line breaks as spaces, blocks as lines.
    private func plainText(_ root: OpaquePointer, limit: Int) -> String {
        var text = ""
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        let budget = limit == Int.max ? Int.max : limit * 4
        while text.utf8.count < budget {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            switch (event, cmark_node_get_type(node)) {
            case (CMARK_EVENT_ENTER, CMARK_NODE_TEXT), (CMARK_EVENT_ENTER, CMARK_NODE_CODE):
                if let literal = cmark_node_get_literal(node) { text += String(cString: literal) }
            case (CMARK_EVENT_ENTER, CMARK_NODE_SOFTBREAK), (CMARK_EVENT_ENTER, CMARK_NODE_LINEBREAK):
                text += " "
            case (CMARK_EVENT_EXIT, CMARK_NODE_PARAGRAPH), (CMARK_EVENT_EXIT, CMARK_NODE_HEADING), (CMARK_EVENT_EXIT, CMARK_NODE_ITEM):
                text += "\n"
            default:
                break
            }
        }
        // Scalars, not Characters: grapheme breaking over every article's text was a measurable cost.
        return limit == Int.max ? text : String(text.unicodeScalars.prefix(limit))
    }

    private func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Runs of white space as one space, none at the ends; built as UTF-8 bytes, once per article.
    private func collapse(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if ArabicText.isWhitespace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            if scalar.isASCII { out.append(UInt8(scalar.value)) } else { out.append(contentsOf: UTF8.encode(scalar)!) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
