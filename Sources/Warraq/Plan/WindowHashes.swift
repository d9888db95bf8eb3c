/// The hash of any run of entries of many lists in two lookups and a multiply, for read-also fingerprints:
/// reading every entry of every window (thousands per article) cost as much as a sixth of a rebuild.
///
/// Each list keeps the prefix sums of its entries' hashes, entry `k` weighted by `base^k` (mod 2^64). A run
/// `start..<end` hashes to `(prefix[end] - prefix[start]) × base^-start`: the same entries in the same order
/// give the same value wherever the run starts, and an odd base has an inverse mod 2^64.
struct WindowHashes: Sendable {
    private let prefixes: [[UInt64]]
    private let inversePowers: [UInt64]
    static let base: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// `lists[list][entry]` is the hash of one entry (mixed, so that its bits are spread).
    init(_ lists: [[UInt64]]) {
        prefixes = Parallel.map(lists, minimumChunk: 256) { entries in
            var sums = [UInt64](repeating: 0, count: entries.count + 1)
            var power: UInt64 = 1
            for (position, entry) in entries.enumerated() {
                sums[position + 1] = sums[position] &+ entry &* power
                power = power &* Self.base
            }
            return sums
        }
        var inverse = Self.base
        // Newton's iteration for the inverse mod 2^64: each step doubles the correct low bits.
        for _ in 0..<6 { inverse = inverse &* (2 &- Self.base &* inverse) }
        let longest = lists.map(\.count).max() ?? 0
        var powers = [UInt64](repeating: 1, count: longest + 1)
        for position in powers.indices.dropFirst() { powers[position] = powers[position - 1] &* inverse }
        inversePowers = powers
    }

    func hash(_ list: Int, _ run: Range<Int>) -> UInt64 {
        let sums = prefixes[list]
        return (sums[run.upperBound] &- sums[run.lowerBound]) &* inversePowers[run.lowerBound]
    }
}
