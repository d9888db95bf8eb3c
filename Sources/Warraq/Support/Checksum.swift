/// A checksum against torn and garbled records (not against an adversary: the caches are the user's own
/// files), eight bytes a step so checking a cache costs a fraction of reading it. A shelved body's checksum
/// is also what its page's fingerprint knows it by (`ArticleBody.identity`), so the body is not read back
/// to find an unchanged page.
enum Checksum {
    /// `seed`: the cache's key, so that a record appended under another key (another process) never checks out.
    static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count) ^ seed
        let words = bytes.count / 8
        for index in 0..<words {
            let word = bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            hash = (hash ^ word) &* 0x0000_0100_0000_01B3
            hash ^= hash >> 29
        }
        for index in (words * 8)..<bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 32
        return hash
    }
}
