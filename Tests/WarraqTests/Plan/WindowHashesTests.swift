import Testing
@testable import Warraq

@Suite("A window's hash from prefix sums")
struct WindowHashesTests {
    @Test("the same entries in the same order hash alike wherever they stand; another entry or order does not")
    func runs() {
        let lists: [[UInt64]] = [[11, 22, 33, 44, 55], [99, 22, 33, 44], [33, 22, 44]]
        let hashes = WindowHashes(counts: lists.map(\.count)) { lists[$0][$1] }
        func hash(_ list: Int, _ run: Range<Int>) -> UInt64 { hashes.hash(list, run) { lists[list][$0] } }
        #expect(hash(0, 1..<4) == hash(1, 1..<4))
        #expect(hash(0, 1..<3) != hash(2, 0..<2))
        #expect(hash(0, 0..<4) != hash(1, 0..<4))
        #expect(hash(0, 1..<4) != hash(0, 1..<5))
        #expect(hash(0, 2..<2) == 0)
    }

    @Test("runs across the kept sums hash as the sum of their entries, however long the list")
    func longLists() {
        // 3 strides and a bit: runs start and end inside blocks, on their edges and at the list's ends.
        let entries: [UInt64] = (0..<(3 * WindowHashes.stride + 5)).map { UInt64($0) &* 0x9E37_79B9 ^ 0x5555 }
        let hashes = WindowHashes(counts: [entries.count]) { entries[$1] }
        var inverse = WindowHashes.base
        for _ in 0..<6 { inverse = inverse &* (2 &- WindowHashes.base &* inverse) }
        for start in 0...entries.count {
            for end in start...entries.count {
                var expected: UInt64 = 0, power: UInt64 = 1
                for entry in entries[start..<end] {
                    expected = expected &+ entry &* power
                    power = power &* WindowHashes.base
                }
                #expect(hashes.hash(0, start..<end) { entries[$0] } == expected)
            }
        }
        #expect(inverse &* WindowHashes.base == 1)
    }
}
