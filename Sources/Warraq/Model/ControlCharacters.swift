/// C0 and C1 control characters and U+FFFD, the dirt of exports and scrapes (U+001A from old databases,
/// U+FFFD from a decoder that gave up): no reader can see them, HTML checkers reject them, so they are
/// removed from what Warraq reads and imports. Tab, line feed and carriage return separate text and stay.
enum ControlCharacters {
    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFD: return true
        default: return false
        }
    }

    /// The text without them, and how many there were. Text without any (nearly all) is returned as it is,
    /// after one pass over its UTF-8 bytes.
    static func removed(_ text: String) -> (text: String, count: Int) {
        guard mayContain(text) else { return (text, 0) }
        var out = String.UnicodeScalarView()
        var count = 0
        for scalar in text.unicodeScalars {
            if isRemoved(scalar) { count += 1 } else { out.append(scalar) }
        }
        return count == 0 ? (text, 0) : (String(out), count)
    }

    /// C0 and DEL are single bytes; C1 is 0xC2 0x80–0x9F; U+FFFD is 0xEF 0xBF 0xBD.
    private static func mayContain(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 ? (byte != 0x09 && byte != 0x0A && byte != 0x0D) : byte == 0x7F { return true }
            if previous == 0xC2, byte >= 0x80, byte <= 0x9F { return true }
            if previous == 0xBF, byte == 0xBD { return true }
            previous = byte
        }
        return false
    }
}
