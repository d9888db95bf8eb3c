import Foundation
import Testing
@testable import Warraq

@Suite("The address scheme")
struct PermalinksTests {
    @Test("a month's folder is its year and month, zero-padded as printf pads them")
    func monthFolder() {
        #expect(Permalinks.month(9, of: 2023) == ["2023", "09"])
        #expect(Permalinks.month(12, of: 987) == ["0987", "12"])
        for (number, width) in [(0, 2), (7, 8), (123_456_789, 8), (-5, 4), (-1234, 4)] {
            #expect(ArticleDate.padded(number, width) == String(format: "%0\(width)d", number))
        }
    }
}
