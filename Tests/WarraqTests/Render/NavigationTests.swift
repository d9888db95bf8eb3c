import Foundation
import Testing
@testable import Warraq

@Suite("Navigation at archive scale: numbered pages, letter indexes, every year")
struct NavigationTests {
    @Test("the page bar: first, last and a window around the current page, with gaps between")
    func slots() {
        let pagination = Pagination(itemCount: 300, pageSize: 20)
        #expect(pagination.slots(around: 1) == [.page(1), .page(2), .page(3), .gap, .page(15)])
        #expect(pagination.slots(around: 8) == [.page(1), .gap, .page(6), .page(7), .page(8), .page(9), .page(10), .gap, .page(15)])
        #expect(pagination.slots(around: 15) == [.page(1), .gap, .page(13), .page(14), .page(15)])
        // A gap of one page is that page.
        #expect(pagination.slots(around: 4) == [.page(1), .page(2), .page(3), .page(4), .page(5), .page(6), .gap, .page(15)])
        #expect(Pagination(itemCount: 3, pageSize: 20).slots(around: 1) == [.page(1)])
        #expect(Pagination(itemCount: 30, pageSize: 20).slots(around: 2) == [.page(1), .page(2)])
        #expect(Pagination(itemCount: 1_000_000, pageSize: 20).slots(around: 25_000).count == 9)
    }

    func manyArticles(_ count: Int, years: [Int] = [2023]) throws -> ArchiveFixture {
        var files = ["site.yml": "title: أرشيف\nbase_url: https://example.org/\npage_size: 2\n"]
        for number in 1...count {
            let year = years[number % years.count]
            let date = String(format: "%04d-%02d-%02d", year, 1 + number % 12, 1 + number % 28)
            files["a\(number).md"] = ArchiveFixture.markdown(title: "خبر رقم \(number)", date: date, tags: ["وسم"])
        }
        return try ArchiveFixture(files)
    }

    @Test("a listing of 15 pages links its first, its last and its neighbours, marks the current page, keeps rel prev/next")
    func numberedPagination() throws {
        let fixture = try manyArticles(30)
        try fixture.build()
        let page8 = try #require(fixture.page("page/8/index.html"))
        let bar = try #require(page8.components(separatedBy: "<nav class=\"pagination\"").last?.components(separatedBy: "</nav>").first)
        let hrefs = links(in: bar)
        #expect(hrefs.contains("/"))
        #expect(hrefs.contains("/page/15/"))
        for page in 6...10 { #expect(hrefs.contains("/page/\(page)/"), "\(page)") }
        #expect(!hrefs.contains("/page/4/") && !hrefs.contains("/page/12/"))
        #expect(bar.contains("<a href=\"/page/8/\" aria-current=\"page\" aria-label=\"صفحة 8\">8</a>"))
        #expect(bar.contains("<a href=\"/page/7/\" rel=\"prev\">"))
        #expect(bar.contains("<a href=\"/page/9/\" rel=\"next\">"))
        #expect(page8.contains("<link rel=\"prev\" href=\"/page/7/\">") && page8.contains("<link rel=\"next\" href=\"/page/9/\">"))
        // Term listings get the same bar.
        let tag = try #require(fixture.page("tags/وسم/index.html"))
        #expect(tag.contains("href=\"/tags/%D9%88%D8%B3%D9%85/page/15/\""))
        // Every page of the list exists.
        for page in 2...15 { #expect(fixture.exists("page/\(page)/index.html")) }
    }

    @Test("every year is reachable from the front page in two clicks, through the archive of every year and month")
    func everyYear() throws {
        let fixture = try manyArticles(24, years: [2019, 2020, 2021, 2022, 2023, 2024])
        try fixture.build()
        let front = try #require(fixture.page("index.html"))
        var reached: Set<String> = []
        for first in links(in: front) where first.hasPrefix("/") {
            let path = String(first.dropFirst()).removingPercentEncoding!
            guard let page = fixture.page(path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path) else { continue }
            reached.formUnion(links(in: page))
        }
        for year in 2019...2024 { #expect(reached.contains("/\(year)/"), "\(year)") }
        let archive = try #require(fixture.page("archive/index.html"))
        #expect(archive.contains("<h2><a href=\"/2021/\">2021</a> <span class=\"count\">(4 مقالات)</span>"))
        #expect(archive.contains("href=\"/2021/03/\""))
    }

    @Test("a tags index groups terms by initial letter, folded as identity folds it, under a letter bar")
    func letterGroups() throws {
        let tags = ["أحمد", "إسلام", "آثار", "الرياض", "باب", "بيت", "ظهران", "Apple", "2030"]
        let fixture = try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\n",
            "a.md": ArchiveFixture.markdown(title: "خبر", date: "2023-09-20", tags: tags),
        ])
        try fixture.build()
        let index = try #require(fixture.page("tags/index.html"))
        #expect(index.contains("<p class=\"list-count\">9 وسوم</p>"))
        let groups = index.components(separatedBy: "<section class=\"letter-group\"").dropFirst()
        func group(_ letter: String) -> String? { groups.first { $0.contains("class=\"letter-heading\">\(letter)</h2>") } }
        let alef = try #require(group("ا"))
        for tag in ["أحمد", "إسلام", "آثار"] { #expect(alef.contains("<bdi>\(tag)</bdi>"), "\(tag)") }
        #expect(group("ر")?.contains("<bdi>الرياض</bdi>") == true)
        #expect(group("ب")?.contains("<bdi>بيت</bdi>") == true)
        #expect(group("A–Z")?.contains("<bdi>Apple</bdi>") == true)
        #expect(group("#")?.contains("<bdi>2030</bdi>") == true)
        let bar = try #require(index.components(separatedBy: "<nav class=\"letter-bar\"").last?.components(separatedBy: "</nav>").first)
        // Letters in the alphabet's order, each linking its group.
        let letters = ["ا", "ب", "ر", "ظ", "A–Z", "#"]
        let positions = letters.map { bar.range(of: ">\($0)</a>")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(bar.contains("href=\"#letter-1\""))
    }

    @Test("thousands of tags: the index splits into letter pages, numbered where a letter is long, none over 300 KB")
    func largeIndex() throws {
        var files = ["site.yml": "base_url: https://example.org/\n"]
        let letters = Array("ابتثجحخدذرزسشصضطظعغفقكلمنهوي")
        var number = 0
        for article in 0..<40 {
            var tags: [String] = []
            for _ in 0..<100 {
                number += 1
                // Most tags under ا and م, so one letter alone passes the budget.
                let letter = number % 3 == 0 ? letters[number % letters.count] : (number % 2 == 0 ? "م" : "ا")
                tags.append("\(letter)وسم طويل الاسم للاختبار رقم \(number)")
            }
            files["a\(article).md"] = ArchiveFixture.markdown(title: "خبر \(article)", date: "2023-09-20", tags: tags)
        }
        let fixture = try ArchiveFixture(files)
        try fixture.build()
        let index = try #require(fixture.page("tags/index.html"))
        #expect(index.contains("4000 وسم"))
        #expect(index.contains("href=\"/tags/letter/%D8%A8/\""))  // ب
        let pages = fixture.outputFiles().filter { $0.hasPrefix("tags/letter/") || $0 == "tags/index.html" }
        #expect(pages.count > letters.count)
        var listed = 0
        for page in pages {
            let size = try FileManager.default.attributesOfItem(atPath: fixture.output.appendingPathComponent(page).path)[.size] as! Int
            #expect(size < 300_000, "\(page): \(size) bytes")
            if page != "tags/index.html" { listed += fixture.page(page)!.components(separatedBy: "<section class=\"letter-group\"").dropFirst()
                .reduce(0) { $0 + $1.components(separatedBy: "\"><bdi>").count - 1 } }
        }
        // Every tag is on one letter page.
        #expect(listed == 4000)
        let alef = try #require(fixture.page("tags/letter/ا/index.html"))
        #expect(alef.contains("rel=\"next\""))
        #expect(alef.contains("aria-current=\"page\""))
    }
}
