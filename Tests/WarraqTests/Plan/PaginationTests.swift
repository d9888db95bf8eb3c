import Testing
@testable import Warraq

@Suite("Pagination arithmetic")
struct PaginationTests {
    @Test("page counts", arguments: [(0, 20, 1), (1, 20, 1), (20, 20, 1), (21, 20, 2), (45, 20, 3), (5, 1, 5)])
    func pageCount(_ items: Int, _ size: Int, _ pages: Int) {
        #expect(Pagination(itemCount: items, pageSize: size).pageCount == pages)
    }

    @Test("ranges of pages")
    func ranges() {
        let pagination = Pagination(itemCount: 45, pageSize: 20)
        #expect(pagination.range(ofPage: 1) == 0..<20)
        #expect(pagination.range(ofPage: 3) == 40..<45)
    }

    @Test("page 1 lives at the list's folder, the others under page/n/")
    func folders() {
        #expect(Pagination.components(ofPage: 1, under: ["tags", "غزة"]) == ["tags", "غزة"])
        #expect(Pagination.components(ofPage: 3, under: []) == ["page", "3"])
    }
}
