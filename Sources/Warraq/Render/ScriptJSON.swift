/// JSON for a `<script>` element (JSON-LD), written byte by byte: keys sorted, slashes as they are, and
/// `<`, `>` and `&` as `\u003c`, `\u003e` and `\u0026`, so that no text can close the script. The same bytes
/// Foundation's `JSONSerialization` (`.sortedKeys`, `.withoutEscapingSlashes`) gave followed by those three
/// replacements, at a fraction of the cost: it was a quarter of rendering an article page.
enum ScriptJSON: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    case text(String)
    case list([ScriptJSON])
    case object([String: ScriptJSON])
    case flag(Bool)
    case integer(Int)
    case null

    init(stringLiteral value: String) { self = .text(value) }
    init(arrayLiteral elements: ScriptJSON...) { self = .list(elements) }
    init(dictionaryLiteral elements: (String, ScriptJSON)...) { self = .object(Dictionary(elements) { _, last in last }) }

    var encoded: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1024)
        Self.write(self, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func write(_ value: ScriptJSON, into bytes: inout [UInt8]) {
        switch value {
        case .text(let text):
            write(string: text, into: &bytes)
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(string: key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                write(object[key]!, into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        case .list(let array):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in array.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item, into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .flag(let flag):
            bytes += Array((flag ? "true" : "false").utf8)
        case .integer(let number):
            bytes += Array(String(number).utf8)
        case .null:
            bytes += Array("null".utf8)
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func write(string: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00..<0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"):
                bytes += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
