import Templates

/// Text made safe for XML and HTML attribute or element content.
enum XMLText {
    /// The theme's byte-level escaping (`'` as `&#39;`, which XML reads as well as HTML does), after
    /// dropping what XML 1.0 forbids outright.
    static func escape(_ text: String) -> String {
        HTMLEscape.escape(allowedInXML(text))
    }

    /// Without control characters other than tab and newlines, and without U+FFFE and U+FFFF. Scraped
    /// text rarely has any, so the bytes are only scanned unless it does.
    static func allowedInXML(_ text: String) -> String {
        var before = (UInt8(0), UInt8(0))
        let forbidden = text.utf8.contains { byte in
            defer { before = (before.1, byte) }
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
            return (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D)
                || (before == (0xEF, 0xBF) && (byte == 0xBE || byte == 0xBF))
        }
        guard forbidden else { return text }
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF { continue }
            kept.append(scalar)
        }
        return String(kept)
    }
}
