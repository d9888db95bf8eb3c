/// A hash that is the same in every process and on every machine (Swift's `Hasher` is seeded per run):
/// FNV-1a over 64 bits, for content fingerprints and fallback slugs.
public struct StableHash: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public init<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        combine(bytes)
    }

    public mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        var hash = value
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        value = hash
    }

    /// Text hashed from its UTF-8 storage directly, without the generic byte-by-byte iterator.
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { bytes in combine(bytes) }
    }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
