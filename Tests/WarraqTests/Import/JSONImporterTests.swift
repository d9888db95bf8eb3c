import Foundation
import Testing
@testable import Warraq

@Suite("Importing JSON exports into an archive")
struct JSONImporterTests {
    let array = """
        [
          {"headline": "الرياض تستضيف القمة", "content": "انطلقت القمة اليوم.\\n\\nانطلقت القمة اليوم.\\n\\n1. ليست قائمة و *ليست* مائلة <b>", "published": "2015-07-21 10:30:00", "url": "http://a/1", "writer": "سارة أحمد"},
          {"headline": "", "content": "أعلنت الوزارة خطة جديدة، وقالت إنها تبدأ غداً.", "published": 1437469200, "url": "http://a/2"},
          {"headline": "نسخة", "content": "نص", "published": "2015-07-21", "url": "http://a/1"},
          {"headline": "بلا نص", "published": "2015-07-21"},
          "not a record",
          {"headline": "تاريخ خاطئ", "content": "نص", "published": "أمس"}
        ]
        """
    let lines = """
        {"title": "خبر من سطر", "body": "نص السطر.", "date": "2015-07-22T08:00:00Z"}
        {this is not json}

        {"title": "خبر من سطر", "body": "نص آخر بالعنوان والتاريخ نفسيهما.", "date": "2015-07-22T09:00:00Z"}
        {"title": "خبر من سطر", "body": "نص السطر.", "date": "2015-07-22T11:00:00Z"}
        """

    func importer() throws -> JSONImporter {
        var importer = JSONImporter()
        importer.map = try FieldMap("title=headline,body=content,date=published,author=writer")
        importer.zone = TimeZone(identifier: "Asia/Riyadh")!
        return importer
    }

    @Test("mapping, dates, duplicates and bad records in a JSON array")
    func arrayImport() throws {
        let fixture = try ArchiveFixture(["export.json": array])
        let report = try importer().run(files: [fixture.archive.appendingPathComponent("export.json")], into: fixture.root.appendingPathComponent("out"))
        #expect(report.records == 6)
        #expect(report.written.count == 2)
        #expect(report.duplicates.count == 1 && report.duplicates[0].message.contains("record 2"))
        #expect(report.skipped.map(\.message).sorted() == [
            "record 3: 'body': missing or not text; skipped", "record 4: not an object; skipped", "record 5: 'date': 'أمس' is not a date; skipped",
        ].sorted())
        let first = try #require(report.written.first { $0.hasPrefix("2015/07/الرياض-تستضيف-القمة-") })
        let text = try String(contentsOf: fixture.root.appendingPathComponent("out").appendingPathComponent(first), encoding: .utf8)
        #expect(text.contains("title: \"الرياض تستضيف القمة\"\ndate: 2015-07-21T10:30:00+03:00\nauthor: \"سارة أحمد\""))
        #expect(text.components(separatedBy: "انطلقت القمة اليوم.").count == 2, "a repeated paragraph is kept once")
        let derived = try #require(report.written.first { $0.contains("أعلنت-الوزارة-خطة-جديدة") })
        #expect(derived.hasPrefix("2015/07/"))
    }

    @Test("HTML character references a scraper left in a headline are decoded; a bare ampersand stays")
    func characterReferences() throws {
        let export = """
            [{"headline": "الشورى يطالب &quot;الإسكان&quot; بالتسريع &#8211; و&#x201C;سبق&#x201D;", "content": "شركة AT & T تعلن &amp; تؤكد.", "published": "2015-07-21"}]
            """
        let fixture = try ArchiveFixture(["export.json": export])
        _ = try importer().run(files: [fixture.archive.appendingPathComponent("export.json")], into: fixture.archive.appendingPathComponent("news"))
        try FileManager.default.removeItem(at: fixture.archive.appendingPathComponent("export.json"))
        let article = try #require(try fixture.plan().articles.first)
        #expect(article.title == "الشورى يطالب \"الإسكان\" بالتسريع – و“سبق”")
        #expect(!article.slug.contains("quot"))
        #expect(article.text.contains("شركة AT & T تعلن & تؤكد."))
        #expect(CharacterReferences.decoded("&unknown; &#0; &#12") == "&unknown; &#0; &#12")
    }

    @Test("escaped bodies render back to the same text")
    func escaping() throws {
        let fixture = try ArchiveFixture(["export.json": array])
        _ = try importer().run(files: [fixture.archive.appendingPathComponent("export.json")], into: fixture.archive.appendingPathComponent("news"))
        try FileManager.default.removeItem(at: fixture.archive.appendingPathComponent("export.json"))
        let plan = try fixture.plan()
        let article = try #require(plan.articles.first { $0.title == "الرياض تستضيف القمة" })
        #expect(article.bodyHTML.contains("<p>1. ليست قائمة و *ليست* مائلة &lt;b&gt;</p>"))
    }

    @Test("JSON Lines: bad lines reported with their line, the rest imported")
    func jsonLines() throws {
        let fixture = try ArchiveFixture(["export.data": lines])
        let report = try JSONImporter().run(files: [fixture.archive.appendingPathComponent("export.data")], into: fixture.root.appendingPathComponent("out"))
        #expect(report.written.count == 2, "same title and day, other text: another article")
        #expect(report.skipped.count == 1 && report.skipped[0].line == 2)
        #expect(report.duplicates.count == 1 && report.mergedSameText == 1, "same title, day and text: one article")
    }

    @Test("re-running gives the same files and writes none")
    func idempotent() throws {
        let fixture = try ArchiveFixture(["export.json": array])
        let out = fixture.root.appendingPathComponent("out")
        let first = try importer().run(files: [fixture.archive.appendingPathComponent("export.json")], into: out)
        let bytes = try first.written.map { try Data(contentsOf: out.appendingPathComponent($0)) }
        let second = try importer().run(files: [fixture.archive.appendingPathComponent("export.json")], into: out)
        #expect(second.written.isEmpty && second.unchanged == 2)
        #expect(try first.written.map { try Data(contentsOf: out.appendingPathComponent($0)) } == bytes)
    }

    @Test("invalid UTF-8 names the file and the byte offset")
    func invalidUTF8() throws {
        let fixture = try ArchiveFixture()
        try fixture.write("bad.json", Data([0x5B, 0x7B, 0xFF, 0x7D, 0x5D]))
        #expect(throws: SiteError.input(path: fixture.archive.appendingPathComponent("bad.json").path, line: nil,
                                                reason: "not valid UTF-8 (first bad byte at offset 2)")) {
            try JSONImporter().run(files: [fixture.archive.appendingPathComponent("bad.json")], into: fixture.root)
        }
    }

    @Test("a --map that names an unknown field is refused")
    func badMap() {
        #expect(throws: FieldMap.MapError.unknownField("headline")) { try FieldMap("headline=title") }
        #expect(throws: FieldMap.MapError.malformed("title")) { try FieldMap("title") }
    }

    @Test("--map image=FIELD: the picture's URL reaches front matter, and the built page shows it")
    func imageField() throws {
        let export = """
            [{"title": "قمة الرياض", "body": "انطلقت القمة.", "date": "2015-07-21", "photo": "https://cdn.example.com/summit.jpg", "photo_alt": "قادة القمة"}]
            """
        let fixture = try ArchiveFixture(["export.json": export])
        var importer = JSONImporter()
        importer.map = try FieldMap("image=photo,image_alt=photo_alt")
        let out = fixture.root.appendingPathComponent("out")
        let report = try importer.run(files: [fixture.archive.appendingPathComponent("export.json")], into: out)
        let text = try String(contentsOf: out.appendingPathComponent(try #require(report.written.first)), encoding: .utf8)
        #expect(text.contains("image: \"https://cdn.example.com/summit.jpg\"\nimage_alt: \"قادة القمة\"\n"))
        let built = try ArchiveFixture(["site.yml": "base_url: https://example.org/\n", "a.md": text])
        try built.build()
        let page = try #require(built.outputFiles().first { $0.hasPrefix("2015/07/") && $0.hasSuffix("index.html") }.flatMap(built.page))
        #expect(page.contains("<img src=\"https://cdn.example.com/summit.jpg\" alt=\"قادة القمة\""))
    }
}
