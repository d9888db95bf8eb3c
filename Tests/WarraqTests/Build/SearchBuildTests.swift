import Foundation
import Testing
@testable import Warraq

/// Builds with the real indexer, when it is installed (`pip install 'pagefind[extended]'`).
@Suite("Search in a build: the Pagefind index, the search page, the header box", .enabled(if: Pagefind.locate() != nil))
struct SearchBuildTests {
    func archive() throws -> ArchiveFixture {
        try ArchiveFixture([
            "site.yml": "base_url: https://example.org/archive/\n",
            "a.md": ArchiveFixture.markdown(title: "إسرائيل تعلن خطة للمياه", date: "2023-09-20", tags: ["المياه"], extra: "source: عكاظ\n",
                                            body: "قال مسؤول إن الخطة تبدأ الشهر المقبل."),
            "b.md": ArchiveFixture.markdown(title: "خبر الطاقة", date: "2023-09-21", tags: ["الطاقة"], extra: "source: الرياض\n"),
        ])
    }

    @discardableResult
    func build(_ fixture: ArchiveFixture, search: Bool = true) throws -> BuildReport {
        var options = BuildOptions(archive: fixture.archive, archiveDisplay: "archive", output: fixture.output)
        options.search = search
        return try SiteBuild(options).run()
    }

    @Test("the index, the search page and a search box in every page's header")
    func indexAndPage() throws {
        let fixture = try archive()
        let report = try build(fixture)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(fixture.exists("pagefind/pagefind.js"))
        #expect(fixture.exists("pagefind/pagefind-entry.json"))
        #expect(!fixture.outputFiles().contains { $0.hasPrefix("pagefind/pagefind-ui") || $0.hasPrefix("pagefind/pagefind-component-ui") })
        let entry = try #require(fixture.page("pagefind/pagefind-entry.json"))
        #expect(entry.contains("\"ar\""))
        #expect(fixture.outputFiles().contains { $0.hasPrefix("pagefind/fragment/") })
        let search = try #require(fixture.page("search/index.html"))
        #expect(search.contains("data-bundle=\"/archive/pagefind/\""))
        #expect(search.contains("/archive/assets/warraq-search.js"))
        #expect(fixture.exists("assets/warraq-search.js"))
        let article = try #require(fixture.page("2023/09/a/index.html"))
        #expect(article.contains("<form class=\"site-search\" role=\"search\" action=\"/archive/search/\""))
        // Every file is Warraq's: the manifest lists the index's files.
        let manifest = try #require(fixture.page(".warraq-manifest"))
        #expect(manifest.contains("\tpagefind/pagefind.js\n"))
    }

    @Test("a rebuild with the same records does not run the indexer; a changed article does, stale files go")
    func incremental() throws {
        let fixture = try archive()
        try build(fixture)
        let again = try build(fixture)
        #expect(again.written.isEmpty)
        // Something outside the records changed: the site is planned again, the index is not.
        try fixture.write("static/note.txt", "ملاحظة")
        let unrelated = try build(fixture)
        #expect(unrelated.steps.contains { $0.name == "search index (records unchanged)" })
        let fragments = Set(fixture.outputFiles().filter { $0.hasPrefix("pagefind/fragment/") })
        try fixture.write("b.md", ArchiveFixture.markdown(title: "خبر الطاقة", date: "2023-09-21", tags: ["الطاقة"], extra: "source: الرياض\n",
                                                          body: "نص جديد عن الطاقة الشمسية."))
        let edited = try build(fixture)
        #expect(edited.steps.contains { $0.name == "search index" })
        let after = Set(fixture.outputFiles().filter { $0.hasPrefix("pagefind/fragment/") })
        #expect(after != fragments)
        #expect(after.count == fragments.count)  // the old fragment removed, not left beside the new
        #expect(edited.removed.contains { $0.hasPrefix("pagefind/fragment/") })
    }

    @Test("a file of someone else's inside pagefind/ is never touched")
    func foreignFileKept() throws {
        let fixture = try archive()
        try build(fixture)
        let mine = fixture.output.appendingPathComponent("pagefind/notes.txt")
        try Data("ملاحظاتي".utf8).write(to: mine)
        try fixture.write("b.md", ArchiveFixture.markdown(title: "خبر الطاقة الجديد", date: "2023-09-21"))
        try build(fixture)
        _ = try build(fixture, search: false)
        #expect(try String(contentsOf: mine, encoding: .utf8) == "ملاحظاتي")
    }

    @Test("search off (--no-search, or search: false): no index, no page, no box; the old index removed")
    func off() throws {
        let fixture = try archive()
        try build(fixture)
        let report = try build(fixture, search: false)
        #expect(report.diagnostics.isEmpty)
        #expect(!fixture.outputFiles().contains { $0.hasPrefix("pagefind/") || $0.hasPrefix("search/") })
        #expect(fixture.page("index.html")?.contains("site-search") == false)
        try fixture.write("site.yml", "base_url: https://example.org/archive/\nsearch: false\n")
        try build(fixture)
        #expect(!fixture.exists("search/index.html"))
    }
}

@Suite("Search without the indexer")
struct SearchMissingTests {
    @Test("Pagefind missing: said once with how to install it, the site written without search or a box")
    func missing() throws {
        let fixture = try ArchiveFixture.threeTaggedArticles()
        var options = BuildOptions(archive: fixture.archive, archiveDisplay: "archive", output: fixture.output)
        options.search = true
        options.searchEnvironment = ["PATH": "/nonexistent"]
        let report = try SiteBuild(options).run()
        let warnings = report.diagnostics.filter { $0.message.contains("Pagefind") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("pip install 'pagefind[extended]'") == true)
        #expect(fixture.exists("index.html"))
        #expect(!fixture.exists("search/index.html"))
        #expect(fixture.page("index.html")?.contains("role=\"search\"") == false)
        #expect(Pagefind.locate(environment: ["PATH": "/nonexistent"]) == nil)
    }
}
