/// The hash of any run of entries of many lists in a few lookups, for read-also fingerprints: reading every
/// entry of every window (thousands per article) cost as much as a sixth of a rebuild.
///
/// Entry `k` of a list counts as its hash times `base^k` (mod 2^64), and the run `start..<end` hashes to the
/// sum of its entries times `base^-start`: the same entries in the same order give the same value wherever
/// the run starts, and an odd base has an inverse mod 2^64. Sums from a list's start are kept only at every
/// `stride`-th entry (a byte per entry, not eight: at a million articles the index has 200 million); the
/// few entries from there to a run's ends are hashed again when it is asked for.
struct WindowHashes: Sendable {
    /// Where each list's sums start in `sums`: list `l` has `count / stride + 1` of them.
    private let firstSum: [Int]
    /// `sums[firstSum[l] + b]`: the sum of list `l`'s entries before `b × stride`.
    private let sums: [UInt64]
    private let powers: [UInt64]
    private let inversePowers: [UInt64]
    static let base: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let stride = 8

    /// `counts[list]`: how many entries a list has; `entry(list, position)`: the hash of one (mixed, so
    /// that its bits are spread), asked again by `hash` for the same list.
    init(counts: [Int], entry: @Sendable (Int, Int) -> UInt64) {
        let longest = counts.max() ?? 0
        var powers = [UInt64](repeating: 1, count: longest + 1)
        for position in powers.indices.dropFirst() { powers[position] = powers[position - 1] &* Self.base }
        var inverse = Self.base
        // Newton's iteration for the inverse mod 2^64: each step doubles the correct low bits.
        for _ in 0..<6 { inverse = inverse &* (2 &- Self.base &* inverse) }
        var inversePowers = [UInt64](repeating: 1, count: longest + 1)
        for position in inversePowers.indices.dropFirst() { inversePowers[position] = inversePowers[position - 1] &* inverse }
        var firstSum = [Int](repeating: 0, count: counts.count + 1)
        for (list, count) in counts.enumerated() { firstSum[list + 1] = firstSum[list] + count / Self.stride + 1 }
        let perList = Parallel.map(Array(counts.indices), minimumChunk: 256) { [powers] list in
            var blockSums = [UInt64](repeating: 0, count: counts[list] / Self.stride + 1)
            var sum: UInt64 = 0
            for position in 0..<counts[list] {
                sum = sum &+ entry(list, position) &* powers[position]
                if (position + 1) % Self.stride == 0 { blockSums[(position + 1) / Self.stride] = sum }
            }
            return blockSums
        }
        var sums: [UInt64] = []
        sums.reserveCapacity(firstSum[counts.count])
        for blockSums in perList { sums.append(contentsOf: blockSums) }
        (self.firstSum, self.sums, self.powers, self.inversePowers) = (firstSum, sums, powers, inversePowers)
    }

    /// The hash of `run` of `list`; `entry(position)` gives the hash of one of its entries, as `init` was told.
    func hash(_ list: Int, _ run: Range<Int>, entry: (Int) -> UInt64) -> UInt64 {
        (prefix(list, run.upperBound, entry) &- prefix(list, run.lowerBound, entry)) &* inversePowers[run.lowerBound]
    }

    /// The weighted sum of the list's entries before `end`.
    private func prefix(_ list: Int, _ end: Int, _ entry: (Int) -> UInt64) -> UInt64 {
        var sum = sums[firstSum[list] + end / Self.stride]
        for position in (end - end % Self.stride)..<end { sum = sum &+ entry(position) &* powers[position] }
        return sum
    }
}
