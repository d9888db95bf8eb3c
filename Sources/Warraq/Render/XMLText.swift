/// Text made safe for XML and HTML attribute or element content.
enum XMLText {
    /// Works on UTF-8 bytes: feeds escape every title and summary of every term's feed, and walking
    /// Arabic text scalar by scalar made this a tenth of a build.
    static func escape(_ text: String) -> String {
        var bytesOf = text
        let escaped: String? = bytesOf.withUTF8 { bytes in
            guard let first = firstToChange(bytes) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            var i = first
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&apos;".utf8)
                case 0xEF where isNonCharacter(bytes, i):
                    i += 3
                    continue
                default:
                    // Control characters other than tab and newlines are not allowed in XML 1.0 at all.
                    if !isDisallowedControl(byte) { out.append(byte) }
                }
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    private static func firstToChange(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for i in bytes.indices {
            switch bytes[i] {
            case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return i
            case 0xEF where isNonCharacter(bytes, i): return i
            case let byte where isDisallowedControl(byte): return i
            default: continue
            }
        }
        return nil
    }

    private static func isDisallowedControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
    }

    /// U+FFFE and U+FFFF (EF BF BE, EF BF BF): not characters, and not allowed in XML.
    private static func isNonCharacter(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF)
    }
}
