import Foundation

/// An article written back as Markdown with front matter: what importers produce, so an editor can take
/// over an imported or scraped article by hand.
public struct MarkdownFile: Sendable, Equatable {
    public var title: String
    public var date: Date?
    public var tags: [String] = []
    /// Tags the importer suggested (`--auto-tags`), kept apart from an editor's.
    public var autoTags: [String] = []
    public var source: String?
    public var authors: [String] = []
    public var author: String? {
        get { authors.first }
        set { authors = newValue.map { [$0] } ?? [] }
    }
    /// The dateline and the agency, as a byline gives them (see `Byline`).
    public var place: String?
    public var credit: String?
    public var summary: String?
    /// Where the article was first published, kept for the record.
    public var originalURL: String?
    public var readAlso: [String] = []
    /// Front matter `image`, `image_alt`, `image_caption`.
    public var image: String?
    public var imageAlt: String?
    public var imageCaption: String?
    /// Plain text paragraphs; escaped so nothing in them is read as Markdown.
    public var paragraphs: [String]

    public init(title: String, paragraphs: [String]) {
        self.title = title
        self.paragraphs = paragraphs
    }

    public func text(zone: TimeZone) -> String {
        var yaml = "---\n"
        yaml += "title: \(Self.quoted(title))\n"
        if let date { yaml += "date: \(ArticleDate.iso8601(date, zone: zone))\n" }
        if !tags.isEmpty { yaml += "tags: [\(tags.map(Self.quoted).joined(separator: ", "))]\n" }
        if !autoTags.isEmpty { yaml += "auto_tags: [\(autoTags.map(Self.quoted).joined(separator: ", "))]\n" }
        if let source { yaml += "source: \(Self.quoted(source))\n" }
        if authors.count == 1 { yaml += "author: \(Self.quoted(authors[0]))\n" }
        if authors.count > 1 { yaml += "author: [\(authors.map(Self.quoted).joined(separator: ", "))]\n" }
        if let place { yaml += "place: \(Self.quoted(place))\n" }
        if let credit { yaml += "credit: \(Self.quoted(credit))\n" }
        if let summary { yaml += "summary: \(Self.quoted(summary))\n" }
        if let image {
            yaml += "image: \(Self.quoted(image))\n"
            if let imageAlt { yaml += "image_alt: \(Self.quoted(imageAlt))\n" }
            if let imageCaption { yaml += "image_caption: \(Self.quoted(imageCaption))\n" }
        }
        if !readAlso.isEmpty { yaml += "read_also: [\(readAlso.map(Self.quoted).joined(separator: ", "))]\n" }
        if let originalURL { yaml += "original_url: \(Self.quoted(originalURL))\n" }
        yaml += "---\n"
        return yaml + paragraphs.map { "\n" + Self.escapeMarkdown($0) + "\n" }.joined()
    }

    /// A YAML double-quoted scalar: JSON's string escapes are YAML's too.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Plain text as Markdown that renders back to the same text: inline markup characters are
    /// backslash-escaped, and so is whatever would open a block at the start of a line.
    static func escapeMarkdown(_ paragraph: String) -> String {
        paragraph.split(separator: "\n", omittingEmptySubsequences: true).map { rawLine in
            let line = rawLine.drop(while: { $0 == " " || $0 == "\t" })
            // Scalar by scalar: the characters to escape are all ASCII, and a Character comparison costs a
            // Unicode normalisation per letter of the archive.
            var scalars = String.UnicodeScalarView()
            for scalar in line.unicodeScalars {
                switch scalar {
                case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "|", "~", "!": scalars.append("\\")
                default: break
                }
                scalars.append(scalar)
            }
            var out = String(scalars)
            if let first = out.first, "#+-=>".contains(first) { out = "\\" + out }
            // "1. " or "1) " would start an ordered list.
            if let digitsEnd = out.firstIndex(where: { !$0.isASCII || !$0.isNumber }), digitsEnd != out.startIndex,
               out[digitsEnd] == "." || out[digitsEnd] == ")" {
                out.insert("\\", at: digitsEnd)
            }
            return out
        }.joined(separator: "\n")
    }

    /// The file name of an imported article: a readable slug of the title and a short stable hash of what
    /// identifies it, so re-importing gives the same name.
    public static func fileName(title: String, identity: String) -> String {
        var slug = Slug.make(title)
        if slug.count > 60 {
            slug = String(slug.prefix(60))
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        let hash = StableHash(identity.utf8).hex.prefix(8)
        return (slug.isEmpty ? "article" : slug) + "-" + hash + ".md"
    }
}
