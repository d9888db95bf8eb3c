/// HTML character references left in the text fields of a scraped export (`&quot;` in 510 SaudiNewsNet
/// headlines, `&#8220;` in 48): the scraper copied markup where it meant text. Decoded on import, so a
/// headline reads «"الإسكان"» and not «&quot;الإسكان&quot;», and its slug is made of letters. A name
/// this table does not know is left as written.
enum CharacterReferences {
    static let named: [Substring: Unicode.Scalar] = [
        "quot": "\"", "amp": "&", "lt": "<", "gt": ">", "apos": "'", "nbsp": "\u{00A0}",
        "laquo": "«", "raquo": "»", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "middot": "\u{00B7}", "zwnj": "\u{200C}", "zwj": "\u{200D}",
        "rlm": "\u{200F}", "lrm": "\u{200E}",
    ]

    static func decoded(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let afterAmp = rest.index(after: amp)
            // A reference is short: `&#x1F600;` is the longest the table and numbers allow.
            let limit = rest.index(afterAmp, offsetBy: 10, limitedBy: rest.endIndex) ?? rest.endIndex
            if let semicolon = rest[afterAmp..<limit].firstIndex(of: ";"), let scalar = scalar(rest[afterAmp..<semicolon]) {
                out.unicodeScalars.append(scalar)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                out += "&"
                rest = rest[afterAmp...]
            }
        }
        out += rest
        return out
    }

    private static func scalar(_ name: Substring) -> Unicode.Scalar? {
        guard name.first == "#" else { return named[name] }
        let digits = name.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        // Controls and the null character are not text (they would be removed again anyway).
        guard let value, value >= 0x20, let scalar = Unicode.Scalar(value) else { return nil }
        return scalar
    }
}
