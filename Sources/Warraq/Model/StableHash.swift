import Foundation

/// A hash that is the same in every process and on every machine (Swift's `Hasher` is seeded per run):
/// FNV-1a over 64 bits, for content fingerprints and fallback slugs.
public struct StableHash: Sendable, Hashable {
    public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public init<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        combine(bytes)
    }

    public init(_ data: Data) {
        combine(data)
    }

    public mutating func combine<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        combine(values: bytes.lazy.map(UInt64.init))
    }

    /// Unicode scalars hashed by value, one step a scalar: the identity of a word's stem.
    mutating func combine<Scalars: Sequence>(scalars: Scalars) where Scalars.Element == Unicode.Scalar {
        combine(values: scalars.lazy.map { UInt64($0.value) })
    }

    private mutating func combine<Values: Sequence>(values: Values) where Values.Element == UInt64 {
        var hash = value
        for next in values {
            hash ^= next
            hash = hash &* 0x0000_0100_0000_01B3
        }
        value = hash
    }

    /// Text hashed from its UTF-8 storage directly, without the generic byte-by-byte iterator.
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { bytes in combine(bytes) }
    }

    /// Page bytes hashed from their storage directly, without Data's generic iterator.
    public mutating func combine(_ data: Data) {
        data.withUnsafeBytes { combine($0.bindMemory(to: UInt8.self)) }
    }

    /// One byte, without making a sequence of it: the tags between a fingerprint's values.
    public mutating func combine(byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// A number's eight bytes, least significant first.
    public mutating func combine(word: UInt64) {
        var hash = value
        for shift in stride(from: 0, to: 64, by: 8) {
            hash = (hash ^ ((word >> UInt64(shift)) & 0xFF)) &* 0x0000_0100_0000_01B3
        }
        value = hash
    }

    /// Another hash folded in: a page's hash is made of the hashes of what it shows.
    public mutating func combine(_ other: StableHash) {
        withUnsafeBytes(of: other.value.littleEndian) { combine($0) }
    }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
