import Foundation
import Testing
@testable import Warraq

@Suite("Search records: what the index holds for each article")
struct SearchRecordsTests {
    func archive() throws -> ArchiveFixture {
        try ArchiveFixture([
            "site.yml": "base_url: https://example.org/archive/\ntime_zone: Asia/Riyadh\n",
            "2023/a.md": ArchiveFixture.markdown(title: "إسرائيل & <الأردن>: اتفاق على المياه", date: "2023-09-20T10:30:00", tags: ["المياه", "الأردن"],
                                                 extra: "source: عكاظ\nauthor: سارة أحمد\nplace: عمّان\n",
                                                 body: "قال مسؤول في الوزارة إن المملكة تدعم **الاتفاق**.\n\nأعلنت الحكومة الخطة."),
            "2022/b.md": ArchiveFixture.markdown(title: "خبر قديم", date: "2022-01-05", tags: ["الرياض"], body: "نص قصير."),
            "draft.md": ArchiveFixture.markdown(title: "مسودة", date: "2023-09-21", extra: "draft: true\n"),
        ])
    }

    @Test("one record per published article, at its address: no listing, tag, index, date page or draft")
    func onlyArticles() throws {
        let plan = try archive().plan()
        let records = SearchRecords.records(plan)
        #expect(records.count == 2)
        #expect(records.map(\.url) == ["/archive/2023/09/a/", "/archive/2022/01/b/"])
        #expect(!records.contains { $0.html.contains("مسودة") })
        #expect(plan.pages.count > 10)  // tags, sources, months, feeds...: none of them a record
    }

    @Test("title weighted, body, source, tags, author, place and year as filters, date to sort by")
    func fields() throws {
        let record = try #require(SearchRecords.records(try archive().plan()).first)
        let html = record.html
        #expect(html.contains("<body data-pagefind-body>"))
        #expect(html.contains("<h1 data-pagefind-weight=\"10\">إسرائيل &amp; &lt;الأردن&gt;: اتفاق على المياه</h1>"))
        #expect(html.contains("<strong>الاتفاق</strong>"))
        #expect(html.contains("<span data-pagefind-filter=\"source\" data-pagefind-meta=\"source\">عكاظ</span>"))
        #expect(html.contains("<span data-pagefind-filter=\"tag\">المياه</span>"))
        #expect(html.contains("<span data-pagefind-filter=\"tag\">الأردن</span>"))
        #expect(html.contains("<span data-pagefind-filter=\"author\">سارة أحمد</span>"))
        #expect(html.contains("<span data-pagefind-filter=\"place\">عمّان</span>"))
        #expect(html.contains("data-pagefind-filter=\"year:2023\" data-pagefind-sort=\"date:20230920103000\" data-pagefind-meta=\"date:20 سبتمبر 2023\""))
        #expect(html.hasPrefix("<html lang=\"ar\">"))
    }

    @Test("a folded copy of the words Pagefind's stemmer does not fold: hamza seats, teh marbuta; not alef forms")
    func foldedCopy() throws {
        #expect(SearchRecords.foldedVariants(["مسؤول", "مسئول", "المملكة", "أعلنت", "إسرائيل", "مسؤول"]) == ["مسءول", "المملكه", "اسراءيل"])
        #expect(SearchRecords.foldedVariants(["أعلنت", "الحكومه", "إسلام"]).isEmpty)
        let html = try #require(SearchRecords.records(try archive().plan()).first).html
        #expect(html.contains("<p>مسءول الوزاره المملكه الحكومه الخطه</p>"))
        // The title's copy carries the title's weight.
        #expect(html.contains("<p data-pagefind-weight=\"10\">اسراءيل علي</p>"))
    }

    @Test("a long text is indexed by its first search_words words; search_words: 0 indexes it whole")
    func longTextsCut() throws {
        let words = (1...50).map { "كلمة\($0)" }.joined(separator: " ")
        let fixture = try ArchiveFixture([
            "site.yml": "search_words: 10\n",
            "a.md": ArchiveFixture.markdown(title: "خبر طويل", date: "2023-09-20", body: words + "\n\nوفي آخره المسؤول."),
        ])
        let html = try #require(SearchRecords.records(try fixture.plan()).first).html
        #expect(html.contains("كلمة10") && !html.contains("كلمة11 ") && !html.contains("المسؤول"))
        #expect(SearchRecords.leading(2, wordsOf: "  أول  ثان ثالث") == "  أول  ثان ")
        try fixture.write("site.yml", "search_words: 0\n")
        let whole = try #require(SearchRecords.records(try fixture.plan()).first).html
        #expect(whole.contains("كلمة50") && whole.contains("المسؤول"))
    }

    @Test("plain text of a body: tags dropped, entities decoded")
    func plainText() {
        #expect(SearchRecords.plainText("<p>أ &amp; ب</p><p>&lt;ج&gt;</p>").split(separator: " ").joined(separator: " ") == "أ & ب <ج>")
    }

    @Test("the fingerprint moves with any record and with the indexer's version, not otherwise")
    func fingerprint() throws {
        let fixture = try archive()
        let before = SearchRecords.records(try fixture.plan())
        #expect(SearchRecords.fingerprint(before, language: "ar", indexer: "pagefind 1.5.2")
                == SearchRecords.fingerprint(SearchRecords.records(try fixture.plan()), language: "ar", indexer: "pagefind 1.5.2"))
        #expect(SearchRecords.fingerprint(before, language: "ar", indexer: "pagefind 1.5.2")
                != SearchRecords.fingerprint(before, language: "ar", indexer: "pagefind 1.6.0"))
        try fixture.write("2022/b.md", ArchiveFixture.markdown(title: "خبر قديم", date: "2022-01-05", tags: ["الرياض"], body: "نص أطول قليلاً."))
        #expect(SearchRecords.fingerprint(SearchRecords.records(try fixture.plan()), language: "ar", indexer: "pagefind 1.5.2")
                != SearchRecords.fingerprint(before, language: "ar", indexer: "pagefind 1.5.2"))
    }

    @Test("the search page's query fold is the Swift fold (run with node, when installed)",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/node")))
    func javaScriptFold() throws {
        let words = ["إسرائيل", "اسرائيل", "مسئول", "مسؤول", "المملكة", "مستشفى", "ناغورنی", "کرة", "٢٠٢٣", "۱۴۰۲", "الْعَرَبِيَّة",
                     "الـعـربـيـة", "COP28", "ﻻ", "ي\u{0654}", "آمال", "ٱلله", "\u{200F}غزة\u{200E}", "الأمم  المتحدة", "ۀ ہ ە ے"]
        let js = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Templates/theme/warraq-search.js")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/node")
        process.arguments = ["-e", """
            const fs = require("fs"); require("vm").runInThisContext(fs.readFileSync(process.argv[1], "utf8"));
            const words = JSON.parse(fs.readFileSync(0, "utf8"));
            process.stdout.write(JSON.stringify(words.map(warraqFold)));
            """, js.path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try JSONSerialization.data(withJSONObject: words))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let folded = try #require(try JSONSerialization.jsonObject(with: data) as? [String])
        #expect(folded == words.map(ArabicText.fold))
    }
}
