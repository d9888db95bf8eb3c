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
