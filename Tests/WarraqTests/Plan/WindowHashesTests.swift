import Testing
@testable import Warraq

@Suite("A window's hash from prefix sums")
struct WindowHashesTests {
    @Test("the same entries in the same order hash alike wherever they stand; another entry or order does not")
    func runs() {
        let a: [UInt64] = [11, 22, 33, 44, 55]
        let hashes = WindowHashes([a, [99, 22, 33, 44], [33, 22, 44]])
        #expect(hashes.hash(0, 1..<4) == hashes.hash(1, 1..<4))
        #expect(hashes.hash(0, 1..<3) != hashes.hash(2, 0..<2))
        #expect(hashes.hash(0, 0..<4) != hashes.hash(1, 0..<4))
        #expect(hashes.hash(0, 1..<4) != hashes.hash(0, 1..<5))
        #expect(hashes.hash(0, 2..<2) == 0)
    }
}
