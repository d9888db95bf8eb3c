import Foundation

/// Article files as text: UTF-8 or a clear error naming the first bad byte, never a silent replacement;
/// control characters are left out, so none reaches a page.
enum UTF8Text {
    static func decode(_ data: Data, path: String) throws(ArticleError) -> String {
        if let text = String(data: data, encoding: .utf8) { return ControlCharacters.removed(text).text }
        throw .notUTF8(path: path, byteOffset: firstInvalidOffset(data) ?? 0)
    }

    static func firstInvalidOffset(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0x00...0x7F: i += 1; continue
            case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(lead & 0x1F)
            case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(lead & 0x0F)
            case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(lead & 0x07)
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            for k in 1..<length {
                guard bytes[i + k] & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }
}

/// The lines of a text, each without its newline (a CR before it stays, for the caller's trimming):
/// found on UTF-8 bytes, so neither grapheme breaking nor CRLF pairs get in the way.
struct TextLines: Sequence, IteratorProtocol {
    let text: Substring
    /// Where the next line starts.
    private(set) var position: String.Index

    init(_ text: Substring) {
        self.text = text
        position = text.startIndex
    }

    mutating func next() -> Substring? {
        guard position < text.endIndex else { return nil }
        let end = text.utf8[position...].firstIndex(of: 0x0A) ?? text.endIndex
        defer { position = end < text.endIndex ? text.utf8.index(after: end) : end }
        return text[position..<end]
    }
}

/// Searching rendered HTML for markup Warraq itself wrote, byte for byte. Foundation's `contains` and
/// `replacingOccurrences` compare grapheme clusters through CFString, which made one look for `<img `
/// in every article a tenth of a rebuild; the needles here are ASCII, so bytes decide alike.
extension UTF8Text {
    /// Whether `text` holds `needle`.
    static func contains(_ text: String, _ needle: String) -> Bool {
        !offsets(of: needle, in: text, first: true).isEmpty
    }

    /// `text` with every `needle` replaced by `replacement`.
    static func replacing(_ needle: String, with replacement: String, in text: String) -> String {
        let found = offsets(of: needle, in: text, first: false)
        guard !found.isEmpty else { return text }
        let bytes = Array(text.utf8), width = needle.utf8.count
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + found.count * max(0, replacement.utf8.count - width))
        var start = 0
        for offset in found {
            result += bytes[start..<offset]
            result += replacement.utf8
            start = offset + width
        }
        result += bytes[start...]
        return String(decoding: result, as: UTF8.self)
    }

    /// The byte offsets where `needle` starts in `text`, not overlapping.
    static func offsets(of needle: String, in text: String, first: Bool) -> [Int] {
        let needleBytes = Array(needle.utf8)
        guard !needleBytes.isEmpty else { return [] }
        var text = text
        return text.withUTF8 { hay -> [Int] in
            var found: [Int] = []
            let lead = needleBytes[0], width = needleBytes.count
            var start = 0
            scan: while start + width <= hay.count {
                guard hay[start] == lead else { start += 1; continue }
                for k in 1..<width where hay[start + k] != needleBytes[k] {
                    start += 1
                    continue scan
                }
                found.append(start)
                if first { break }
                start += width
            }
            return found
        }
    }
}
