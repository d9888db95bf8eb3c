import Foundation
import Testing
@testable import Warraq

/// A SaudiNewsNet-shaped export (the fields and the dirt of the real one), imported into an archive and
/// built: what a newsroom published must all be there, as it was written.
@Suite("Real exports imported faithfully")
struct FaithfulImportTests {
    static let export = """
        [
          {"source": "alyaum", "url": "http://alyaum.com/1", "date_extracted": "2015-07-22 10:00:00", "title": "انطلاق مهرجان الصيف",
           "author": "اليوم - الدمام", "content": "انطلق مساء أمس مهرجان الصيف.\\n\\u00a0وحضر الافتتاح جمع غفير.\\n   \\nوتستمر الفعاليات أسبوعين.\\nويشمل المهرجان عروضاً للأطفال."},
          {"source": "aleqtisadiya", "url": "http://aleqt.com/7", "date_extracted": "2015-07-22 11:00:00", "title": "انطلاق مهرجان الصيف",
           "author": "«الاقتصادية» من الرياض", "content": "تتوقع الغرف التجارية أن يحرك المهرجان الأسواق.\\nوقدرت العائدات بملايين الريالات."},
          {"source": "aawsat", "url": "http://aawsat.com/3", "date_extracted": "2015-07-22 12:00:00", "title": "قرار\\u001a جديد",
           "author": "لندن: «الشرق الأوسط»", "content": "أعلنت\\u001a الحكومة قراراً جديداً\\ufffd اليوم.\\u0085\\nوقال المتحدث إنه يبدأ غداً."},
          {"source": "aawsat", "url": "http://aawsat.com/3?print", "date_extracted": "2015-07-22 12:30:00", "title": "قرار جديد",
           "author": "لندن: «الشرق الأوسط»", "content": "أعلنت الحكومة قراراً جديداً اليوم.\\nوقال المتحدث إنه يبدأ غداً."},
          {"source": "aawsat", "url": "http://aawsat.com/3", "date_extracted": "2015-07-22 13:00:00", "title": "قرار جديد", "author": "", "content": "نسخة ثانية."}
        ]
        """

    func imported(_ fixture: ArchiveFixture, lineBreaks: JSONImporter.LineBreaks = .paragraph) throws -> JSONImporter.Report {
        var importer = JSONImporter()
        importer.lineBreaks = lineBreaks
        return try importer.run(files: [fixture.root.appendingPathComponent("export.json")], into: fixture.archive)
    }

    func fixture() throws -> ArchiveFixture {
        let fixture = try ArchiveFixture()
        try Data(Self.export.utf8).write(to: fixture.root.appendingPathComponent("export.json"))
        return fixture
    }

    /// The built article page whose title is `title`, and its path.
    func pages(_ fixture: ArchiveFixture, titled title: String) -> [String] {
        fixture.outputFiles().filter { $0.hasPrefix("2015/07/") && $0.hasSuffix("/index.html") }
            .compactMap { fixture.page($0) }.filter { $0.contains("<h1 class=\"article-title\">\(title)</h1>") }
    }

    @Test("two papers' articles under one headline are both written; a copy is merged, with why")
    func twoPapersSameTitle() throws {
        let fixture = try fixture()
        let report = try imported(fixture)
        #expect(report.records == 5 && report.kept == 3)
        #expect(report.mergedSameURL == 1 && report.mergedSameText == 1)
        #expect(report.duplicates.map(\.message).sorted() == [
            "record 3: same source, title, day and text as record 2; merged into it", "record 4: same URL as record 2; merged into it",
        ])
        try fixture.build(baseURL: "https://example.org/")
        let festival = pages(fixture, titled: "انطلاق مهرجان الصيف")
        #expect(festival.count == 2)
        #expect(festival.contains { $0.contains("انطلق مساء أمس مهرجان الصيف.") })
        #expect(festival.contains { $0.contains("تتوقع الغرف التجارية") })
    }

    @Test("each line of the export is a paragraph; blank and space-only lines are none")
    func singleNewlineParagraphs() throws {
        let fixture = try fixture()
        _ = try imported(fixture)
        try fixture.build(baseURL: "https://example.org/")
        let page = try #require(pages(fixture, titled: "انطلاق مهرجان الصيف").first { $0.contains("انطلق مساء") })
        let body = try #require(page.components(separatedBy: "<div class=\"article-body\" dir=\"auto\">").last?.components(separatedBy: "</div>").first)
        #expect(body.components(separatedBy: "<p>").count - 1 == 4)
        #expect(body.contains("<p>وحضر الافتتاح جمع غفير.</p>"), "the leading no-break space is gone")
    }

    @Test("--line-breaks wrap joins the lines of a paragraph")
    func wrappedLines() {
        let body = "سطر أول من فقرة\nوسطر ثان منها.\n\nفقرة ثانية."
        #expect(JSONImporter.paragraphs(body, lineBreaks: .wrap) == ["سطر أول من فقرة وسطر ثان منها.", "فقرة ثانية."])
        #expect(JSONImporter.paragraphs(body, lineBreaks: .paragraph) == ["سطر أول من فقرة", "وسطر ثان منها.", "فقرة ثانية."])
    }

    @Test("bylines become author, place and credit; only people are authors")
    func bylines() throws {
        let fixture = try fixture()
        _ = try imported(fixture)
        let plan = try fixture.plan()
        let yaum = try #require(plan.articles.first { $0.source == "alyaum" })
        #expect(yaum.authors.isEmpty && yaum.place == "الدمام" && yaum.credit == "اليوم")
        let aawsat = try #require(plan.articles.first { $0.source == "aawsat" })
        #expect(aawsat.authors.isEmpty && aawsat.place == "لندن" && aawsat.credit == "الشرق الأوسط")
        #expect(plan.taxonomies.first { $0.config.field == .author }?.terms.isEmpty == true)
        let places = try #require(plan.taxonomies.first { $0.config.field == .place })
        #expect(places.terms.map(\.name).sorted() == ["الدمام", "الرياض", "لندن"])
        try fixture.build(baseURL: "https://example.org/")
        #expect(fixture.exists("places/لندن/index.html"))
        let page = try #require(pages(fixture, titled: "قرار جديد").first)
        #expect(page.contains("المكان: <a href=\"/places/%D9%84%D9%86%D8%AF%D9%86/\"><bdi>لندن</bdi></a>") || page.contains("المكان: <a href=\"/places/لندن/\"><bdi>لندن</bdi></a>"))
        #expect(page.contains("<span class=\"article-credit\">نقلاً عن <bdi>الشرق الأوسط</bdi></span>"))
    }

    @Test("front matter may set author, place and credit")
    func frontMatter() throws {
        let fixture = try ArchiveFixture(["a.md": ArchiveFixture.markdown(title: "خبر", date: "2015-07-22",
                                                                          extra: "author: [\"سارة أحمد\", \"علي حسن\"]\nplace: جدة\ncredit: واس\n")])
        let article = try #require(try fixture.plan().articles.first)
        #expect(article.authors == ["سارة أحمد", "علي حسن"] && article.place == "جدة" && article.credit == "واس")
    }

    @Test("source_names: pages show the name, URLs keep the id")
    func sourceNames() throws {
        let fixture = try fixture()
        let report = try imported(fixture)
        let config = try String(contentsOf: fixture.archive.appendingPathComponent("site.yml"), encoding: .utf8)
        #expect(report.siteConfig != nil)
        #expect(config.contains("# base_url: "))
        #expect(config.contains("source_names:\n  \"aawsat\": \"الشرق الأوسط\"\n  \"aleqtisadiya\": \"الاقتصادية\"\n  \"alyaum\": \"اليوم\"\n"))
        try fixture.build(baseURL: "https://example.org/")
        #expect(fixture.exists("sources/aawsat/index.html"))
        #expect(fixture.page("sources/aawsat/index.html")?.contains("الشرق الأوسط") == true)
        let page = try #require(pages(fixture, titled: "قرار جديد").first)
        #expect(page.contains("المصدر: <a href=\"/sources/aawsat/\"><bdi>الشرق الأوسط</bdi></a>"))
        #expect(!page.contains(">aawsat<"))
    }

    @Test("control characters never reach a written page or feed")
    func controlCharacters() throws {
        let fixture = try fixture()
        let report = try imported(fixture)
        #expect(report.controlCharacters == 4)
        // Written by hand, straight into the archive: the reader removes them too.
        try fixture.write("hand.md", "---\ntitle: \"يدوي\\u0007\"\ndate: 2015-07-23\n---\n\nنص\u{1A} بخط اليد\u{FFFD}.\n")
        try fixture.build(baseURL: "https://example.org/")
        for file in fixture.outputFiles() where file.hasSuffix(".html") || file.hasSuffix(".xml") {
            let text = try #require(fixture.page(file))
            let found = text.unicodeScalars.filter(ControlCharacters.isRemoved)
            #expect(found.isEmpty, "\(file): \(found.map { String($0.value, radix: 16) })")
        }
        #expect(pages(fixture, titled: "قرار جديد").count == 1)
        #expect(pages(fixture, titled: "يدوي").first?.contains("نص بخط اليد.") == true)
    }

    @Test("a build without base_url warns; with it, it does not")
    func baseURLWarning() throws {
        let fixture = try fixture()
        _ = try imported(fixture)
        let warned = try fixture.build()
        #expect(warned.diagnostics.contains { $0.severity == .warning && $0.path == "archive/site.yml" && $0.message.hasPrefix("base_url is not set") })
        let given = try fixture.build(baseURL: "https://example.org/")
        #expect(!given.diagnostics.contains { $0.message.hasPrefix("base_url is not set") })
        try fixture.write("site.yml", "base_url: https://example.org/archive/\n")
        #expect(!(try fixture.build()).diagnostics.contains { $0.message.hasPrefix("base_url is not set") })
    }

    @Test("importing again writes nothing and leaves the archive's site.yml alone")
    func idempotent() throws {
        let fixture = try fixture()
        let first = try imported(fixture)
        try fixture.write("site.yml", "base_url: https://example.org/\nsource_names:\n  aawsat: الشرق الأوسط\n")
        let second = try imported(fixture)
        #expect(first.written.count == 3 && second.written.isEmpty && second.unchanged == 3 && second.siteConfig == nil)
        #expect(try String(contentsOf: fixture.archive.appendingPathComponent("site.yml"), encoding: .utf8).hasPrefix("base_url: https://example.org/\n"))
    }
}
