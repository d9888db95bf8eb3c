import Foundation

/// An article's body as HTML, as plain words and its lead (the first paragraph as plain text): the largest
/// parts of an article (about 8.5 KB of its 9), wanted only when its words are counted and when pages are
/// rendered. Once a shelf (the article cache's file) holds their bytes, they are let go and read back from
/// it on each use, so the memory of a build grows with the archive's headlines and tags, not with its prose.
/// (The lead alone, held, was 1.5 GB of a million-article build.)
///
/// Shared by every copy of its article: the only change it undergoes, held to shelved or from one shelf
/// to another, keeps the same text, so copies keep their value semantics.
public final class ArticleBody: @unchecked Sendable {
    private enum Place {
        case held(html: String, lead: String, text: String)
        case shelved(any BodyShelf, html: ShelfSpan, lead: ShelfSpan, text: ShelfSpan)
    }

    /// Changed under `lock` only (Synchronization's `Mutex` needs a newer macOS than Package.swift declares).
    private var place: Place
    private let lock = NSLock()

    /// The `src` of every picture the HTML shows, kept beside the body so that checking them (`ImageCheck`)
    /// reads no shelved body back: a build used to read every body of the archive for it.
    public let imageSources: [String]

    public init(html: String, lead: String = "", text: String) {
        place = .held(html: html, lead: lead, text: text)
        imageSources = Self.imageSources(html)
    }

    init(shelf: any BodyShelf, html: ShelfSpan, lead: ShelfSpan, text: ShelfSpan, imageSources: [String]) {
        place = .shelved(shelf, html: html, lead: lead, text: text)
        self.imageSources = imageSources
    }

    /// The `src` of every `<img>` libcmark wrote, unescaped (`&amp;` → `&`).
    static func imageSources(_ html: String) -> [String] {
        guard UTF8Text.contains(html, "<img ") else { return [] }
        let marker = "<img src=\""
        let bytes = Array(html.utf8)
        return UTF8Text.offsets(of: marker, in: html, first: false).compactMap { offset in
            let start = offset + marker.utf8.count
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            return UTF8Text.replacing("&amp;", with: "&", in: String(decoding: bytes[start..<end], as: UTF8.self))
        }
    }

    static let empty = ArticleBody(html: "", text: "")

    /// The body as libcmark rendered it.
    public var html: String { read(.html) }

    /// The first paragraph as plain text.
    public var lead: String { read(.lead) }

    /// The title and body as plain words, for counting them.
    public var text: String { read(.text) }

    /// What the HTML, the lead and the words are known by without reading them back: their checksum on
    /// the shelf (`ShelfSpan.checksum`), or the same checksum of the held text. A page's fingerprint and the
    /// words' identity use it, so a rebuild does not read every body back to find the few that changed.
    /// One part at a time: a held body's checksum is computed for the part asked only.
    public func identity(_ part: Part) -> UInt64 {
        switch found(part) {
        case .held(let text): Self.checksum(text)
        case .shelved(_, let span): span.check
        }
    }

    private static func checksum(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { ShelfSpan.checksum(UnsafeRawBufferPointer($0)) }
    }

    /// Whether it is read back from a shelf rather than held.
    var isShelved: Bool {
        lock.withLock { if case .shelved = place { true } else { false } }
    }

    /// Lets the text go: `shelf` holds the HTML's bytes at `html`, the lead's at `lead` and the words' at `text`.
    func shelve(on shelf: any BodyShelf, html: ShelfSpan, lead: ShelfSpan, text: ShelfSpan) {
        lock.withLock { place = .shelved(shelf, html: html, lead: lead, text: text) }
    }

    /// The HTML, the lead or the words.
    public enum Part: Sendable { case html, lead, text }

    private enum Found {
        case held(String)
        case shelved(any BodyShelf, ShelfSpan)
    }

    /// The shelf is read outside the lock: pages render in parallel.
    private func read(_ part: Part) -> String {
        switch found(part) {
        case .held(let text): return text
        case .shelved(let shelf, let span): return shelf.text(at: span)
        }
    }

    private func found(_ part: Part) -> Found {
        lock.withLock {
            switch (place, part) {
            case (.held(let html, _, _), .html): .held(html)
            case (.held(_, let lead, _), .lead): .held(lead)
            case (.held(_, _, let text), .text): .held(text)
            case (.shelved(let shelf, let html, _, _), .html): .shelved(shelf, html)
            case (.shelved(let shelf, _, let lead, _), .lead): .shelved(shelf, lead)
            case (.shelved(let shelf, _, _, let text), .text): .shelved(shelf, text)
            }
        }
    }
}

/// Where a shelved text's bytes lie, and their checksum: a shelf changed in place under a build is caught,
/// not read as another article's words.
struct ShelfSpan: Sendable, Equatable {
    var range: Range<Int>
    var check: UInt64

    /// The checksum a shelved text is known by (its length is mixed in).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        Checksum.of(bytes, seed: 0x5348_454C_46)
    }

    func moved(by offset: Int) -> ShelfSpan {
        ShelfSpan(range: (range.lowerBound + offset)..<(range.upperBound + offset), check: check)
    }
}

/// Where shelved bodies are read back from (the article cache's file). It answers "" for bytes it can no
/// longer read or that fail their checksum, and counts them, so the build that asked can fail before it
/// replaces the site.
protocol BodyShelf: AnyObject, Sendable {
    func text(at span: ShelfSpan) -> String
}
