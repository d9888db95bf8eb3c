import Foundation

/// What page fingerprints are hashed with: eight bytes a step (`FingerprintHash`), where `StableHash` takes
/// one. Every page's fingerprint is computed on every build and its text is most of what is hashed; the
/// fingerprints are compared only with the manifest's, so unlike slugs they may change with Warraq.
struct PageHash {
    private var hash = FingerprintHash()

    /// Text from its UTF-8 storage, its length mixed in (`FingerprintHash.add(bytes:)`): no text's end
    /// can be read as the start of the next.
    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { hash.add(bytes: UnsafeRawBufferPointer($0)) }
    }

    mutating func combine(_ data: Data) {
        data.withUnsafeBytes { hash.add(bytes: $0) }
    }

    /// The tags between a fingerprint's values, each a step of its own.
    mutating func combine(byte: UInt8) {
        hash.add(0xB7_0000_0000_0000 | UInt64(byte))
    }

    mutating func combine(word: UInt64) {
        hash.add(word)
    }

    var value: UInt64 { hash.value }

    var hex: String {
        let digits = String(hash.value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
