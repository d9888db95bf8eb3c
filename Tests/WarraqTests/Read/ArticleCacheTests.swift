import Foundation
import Testing
@testable import Warraq

/// A rebuild parses only the article files that changed; whatever happened to the cache, the site is the
/// one a build reading every file writes.
@Suite("The article cache")
struct ArticleCacheTests {
    static func archive() throws -> ArchiveFixture {
        try ArchiveFixture([
            "site.yml": "title: أرشيف\nbase_url: https://example.org/\n",
            "2023/09/a.md": ArchiveFixture.markdown(title: "الخبر الأول", date: "2023-09-20", tags: ["غزة"], body: "نص الخبر الأول."),
            "2023/09/b.md": ArchiveFixture.markdown(title: "الخبر الثاني", date: "2023-09-21", tags: ["غزة"],
                                                    extra: "rating: 4\nscore: 2.5\nfeatured: true\nnote: ~\nseen: 2023-09-01\nlinks: [a, 2]\nbox:\n  size: 3\n",
                                                    body: "نص الخبر الثاني."),
            "2023/09/c.md": ArchiveFixture.markdown(title: "الخبر الثالث", date: "2023-09-22", tags: ["الرياض"], body: "نص الخبر الثالث."),
            "2023/09/broken.md": "---\ntitle: [\n---\nنص\n",
        ])
    }

    static func cacheFile(_ fixture: ArchiveFixture) -> URL { fixture.archive.appendingPathComponent(".warraq-cache/articles") }

    /// How many files the build parsed, as its read step says.
    static func parsed(_ report: BuildReport) -> Int? {
        guard let step = report.steps.first(where: { $0.name.hasPrefix("read (") }) else { return nil }
        return Int(step.name.dropFirst("read (".count).prefix { $0.isNumber })
    }

    /// The output equals a build into a new folder that reads every file.
    static func expectClean(_ fixture: ArchiveFixture, _ comment: Comment) throws {
        let clean = fixture.root.appendingPathComponent("clean-\(UUID().uuidString)")
        var options = BuildOptions(archive: fixture.archive, archiveDisplay: "archive", output: clean)
        options.readsCache = false
        let report = try SiteBuild(options).run()
        #expect(parsed(report) == nil)
        let differences = OutputComparison(fixture.output, clean).differences
        #expect(differences.isEmpty, "\(comment): \(differences.prefix(5))")
        try FileManager.default.removeItem(at: clean)
    }

    @Test("a rebuild after one edit parses that file only, and its warnings are told again for the others")
    func oneEdit() throws {
        let fixture = try Self.archive()
        let first = try fixture.build()
        #expect(Self.parsed(first) == 4)
        #expect(FileManager.default.fileExists(atPath: Self.cacheFile(fixture).path))
        Thread.sleep(forTimeInterval: 0.12)
        try fixture.write("2023/09/a.md", ArchiveFixture.markdown(title: "الخبر الأول", date: "2023-09-20", tags: ["غزة"], body: "نص معدل."))
        let second = try fixture.build()
        #expect(Self.parsed(second) == 1)
        #expect(second.diagnostics.filter { $0.path.hasSuffix("broken.md") } == first.diagnostics.filter { $0.path.hasSuffix("broken.md") })
        #expect(fixture.page("2023/09/a/index.html")?.contains("نص معدل.") == true)
        try Self.expectClean(fixture, "after one edit")
    }

    @Test("a file touched but not changed is not parsed again")
    func touched() throws {
        let fixture = try Self.archive()
        try fixture.build()
        Thread.sleep(forTimeInterval: 0.12)
        let path = fixture.archive.appendingPathComponent("2023/09/c.md").path
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: path)
        try fixture.write("2023/09/d.md", ArchiveFixture.markdown(title: "الخبر الرابع", date: "2023-09-23", body: "نص الخبر الرابع."))
        #expect(Self.parsed(try fixture.build()) == 1)
        try Self.expectClean(fixture, "after a touch and an added file")
    }

    @Test("front matter params come back from the cache as the same values of the same types")
    func params() throws {
        let fixture = try Self.archive()
        let read = try fixture.plan().articles.first { $0.title == "الخبر الثاني" }
        let cached = try fixture.plan().articles.first { $0.title == "الخبر الثاني" }
        let original = try #require(read), again = try #require(cached)
        #expect(original.params == again.params)
        if case .integer? = again.params["rating"], case .number? = again.params["score"], case .flag? = again.params["featured"] {} else {
            Issue.record("\(again.params)")
        }
        if case .null? = again.params["note"], case .date? = again.params["seen"], case .list? = again.params["links"] {} else {
            Issue.record("\(again.params)")
        }
        #expect(again.params["box"] == original.params["box"])
        var out = CacheBytesWriter()
        try CachedArticle.write(original, to: &out)
        let decoded = try out.bytes.withUnsafeBytes { bytes in
            var input = CacheBytesReader(bytes)
            return try CachedArticle.read(from: &input)
        }
        #expect(decoded.params == original.params && decoded.bodyHTML == original.bodyHTML && decoded.title == original.title)
        #expect(decoded.text == original.text && decoded.lead == original.lead && decoded.date == original.date)
    }

    @Test("a garbled, truncated or foreign cache is never believed: the files it cannot vouch for are parsed again")
    func corrupt() throws {
        let fixture = try Self.archive()
        try fixture.build()
        let file = Self.cacheFile(fixture)
        let whole = try Data(contentsOf: file)

        // One byte flipped in every record's body: each record fails its checksum.
        var garbled = whole
        for index in stride(from: 60, to: garbled.count, by: 97) { garbled[index] ^= 0x20 }
        try garbled.write(to: file)
        Thread.sleep(forTimeInterval: 0.12)
        try fixture.write("2023/09/c.md", ArchiveFixture.markdown(title: "الخبر الثالث", date: "2023-09-22", tags: ["الرياض"], body: "نص جديد."))
        #expect(Self.parsed(try fixture.build()) == 4)
        try Self.expectClean(fixture, "after a garbled cache")

        // Cut in the middle of a record: the records before it hold, the cut one and the rest are read again.
        let now = try Data(contentsOf: file)
        try now.prefix(now.count * 2 / 3).write(to: file)
        Thread.sleep(forTimeInterval: 0.12)
        try fixture.write("2023/09/a.md", ArchiveFixture.markdown(title: "الخبر الأول", date: "2023-09-20", body: "نص آخر."))
        let parsed = try #require(Self.parsed(try fixture.build()))
        #expect(parsed >= 2 && parsed <= 4)
        try Self.expectClean(fixture, "after a truncated cache")

        // Another format version in the header: nothing of it is used.
        var foreign = try Data(contentsOf: file)
        foreign[foreign.startIndex + ArticleCache.header.utf8.count - 2] = UInt8(ascii: "9")
        try foreign.write(to: file)
        Thread.sleep(forTimeInterval: 0.12)
        try fixture.write("2023/09/b.md", ArchiveFixture.markdown(title: "الخبر الثاني", date: "2023-09-21", body: "نص ثالث."))
        #expect(Self.parsed(try fixture.build()) == 4)
        try Self.expectClean(fixture, "after a cache of another version")
    }

    @Test("a build removes the cache drafts a killed build left, and keeps those of a build still running")
    func abandonedDrafts() throws {
        let fixture = try Self.archive()
        _ = try fixture.build()
        let folder = fixture.archive.appendingPathComponent(".warraq-cache")
        // No process has this number (Linux allows 4,194,304 at most); process 1 always runs.
        let abandoned = ["articles", "words", "readalso"].map { "\($0).new-2147483000" }
        let running = "readalso.new-1"
        for name in abandoned + [running] { try Data("draft".utf8).write(to: folder.appendingPathComponent(name)) }
        Thread.sleep(forTimeInterval: 0.12)
        try fixture.write("2023/09/c.md", ArchiveFixture.markdown(title: "الخبر الثالث", date: "2023-09-22", body: "نص جديد."))
        _ = try fixture.build()
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left.isDisjoint(with: abandoned))
        #expect(left.contains(running))
        try Self.expectClean(fixture, "after drafts were left in the cache")
    }

    @Test("bodies and leads are let go once the cache holds them, and read back as they were written")
    func shelvedBodies() throws {
        let fixture = try Self.archive()
        func first(_ plan: SitePlan) throws -> Article { try #require(plan.articles.first { $0.title == "الخبر الأول" }) }
        // Parsed and written whole, then loaded from the file.
        for plan in [try fixture.plan(), try fixture.plan()] {
            let article = try first(plan)
            #expect(article.body.isShelved)
            #expect(article.bodyHTML == "<p>نص الخبر الأول.</p>\n")
            #expect(article.text == "الخبر الأول\nنص الخبر الأول.\n")
            #expect(article.lead == "نص الخبر الأول.")
        }
        // Appended after the records already there.
        Thread.sleep(forTimeInterval: 0.12)
        try fixture.write("2023/09/a.md", ArchiveFixture.markdown(title: "الخبر الأول", date: "2023-09-20", body: "نص معدل."))
        let edited = try first(try fixture.plan())
        #expect(edited.body.isShelved)
        #expect(edited.bodyHTML == "<p>نص معدل.</p>\n" && edited.lead == "نص معدل.")
        #expect(try first(try fixture.plan()).bodyHTML == "<p>نص معدل.</p>\n")
    }

    @Test("a body changed in the cache's file under a running preview fails the build, which writes nothing; the next build is whole")
    func bodyChangedUnderTheBuild() throws {
        let fixture = try Self.archive()
        let file = Self.cacheFile(fixture)
        var options = BuildOptions(archive: fixture.archive, archiveDisplay: "archive", output: fixture.output)
        options.articleCache = ArticleCache(file: file)
        _ = try SiteBuild(options).run()
        let before = try #require(fixture.page("2023/09/b/index.html"))
        #expect(before.contains("نص الخبر الثاني."))

        // ص becomes ض in the first copy of b's body, in place: still UTF-8, another word.
        let bytes = try Data(contentsOf: file)
        let found = try #require(bytes.range(of: Data("<p>نص الخبر الثاني.".utf8)))
        let handle = try FileHandle(forUpdating: file)
        try handle.seek(toOffset: UInt64(found.lowerBound - bytes.startIndex + 3 + 3))
        try handle.write(contentsOf: Data([0xB6]))
        try handle.close()
        Thread.sleep(forTimeInterval: 0.12)
        try fixture.write("2023/09/c.md", ArchiveFixture.markdown(title: "الخبر الثالث", date: "2023-09-22", tags: ["الرياض"], body: "نص جديد."))

        #expect {
            try SiteBuild(options).run()
        } throws: { error in
            "\(error)".contains("could not be read back from the article cache")
        }
        #expect(fixture.page("2023/09/b/index.html") == before)
        #expect(fixture.page("2023/09/c/index.html")?.contains("نص جديد.") == false)

        // The file is read again and checked: b's record fails, b is parsed again.
        _ = try SiteBuild(options).run()
        #expect(fixture.page("2023/09/c/index.html")?.contains("نص جديد.") == true)
        try Self.expectClean(fixture, "after a body changed under the build")
    }

    @Test("records written while the archive is read, whole or appended, give a clean build's site; check writes none")
    func writtenWhileReading() throws {
        let fixture = try Self.archive()
        let folder = fixture.archive.appendingPathComponent(".warraq-cache")
        func cache() -> ArticleCache { ArticleCache(file: Self.cacheFile(fixture), flushBytes: 1) }
        var options = BuildOptions(archive: fixture.archive, archiveDisplay: "archive", output: fixture.output)
        options.articleCache = cache()
        _ = try SiteBuild(options).check()
        #expect(!FileManager.default.fileExists(atPath: folder.path))

        options.articleCache = cache()
        #expect(Self.parsed(try SiteBuild(options).run()) == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("articles") } == ["articles"])
        try Self.expectClean(fixture, "after a first build written while reading")
        Thread.sleep(forTimeInterval: 0.12)
        try fixture.write("2023/09/a.md", ArchiveFixture.markdown(title: "الخبر الأول", date: "2023-09-20", tags: ["غزة"], body: "نص معدل."))
        try fixture.write("2023/09/d.md", ArchiveFixture.markdown(title: "الخبر الرابع", date: "2023-09-23", body: "نص الخبر الرابع."))
        #expect(Self.parsed(try SiteBuild(options).run()) == 2)
        try Self.expectClean(fixture, "after records appended while reading")
        // A new process reads what both builds wrote.
        options.articleCache = cache()
        Thread.sleep(forTimeInterval: 0.12)
        try fixture.write("2023/09/c.md", ArchiveFixture.markdown(title: "الخبر الثالث", date: "2023-09-22", body: "نص آخر."))
        #expect(Self.parsed(try SiteBuild(options).run()) == 1)
        #expect(fixture.page("2023/09/d/index.html")?.contains("نص الخبر الرابع.") == true)
        try Self.expectClean(fixture, "read back by another cache")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("articles") } == ["articles"])
    }

    @Test("another site.yml is another cache: every file is parsed again")
    func configChange() throws {
        let fixture = try Self.archive()
        try fixture.build()
        Thread.sleep(forTimeInterval: 0.12)
        try fixture.write("site.yml", "title: أرشيف\nbase_url: https://example.org/\npage_size: 2\n")
        #expect(Self.parsed(try fixture.build()) == 4)
        try Self.expectClean(fixture, "after a site.yml change")
    }

    @Test("a cache kept in memory (the preview's) parses the changed file only, across builds")
    func inMemory() throws {
        let fixture = try Self.archive()
        let cache = ArticleCache(file: nil)
        var options = BuildOptions(archive: fixture.archive, archiveDisplay: "archive", output: fixture.output)
        options.articleCache = cache
        #expect(Self.parsed(try SiteBuild(options).run()) == 4)
        Thread.sleep(forTimeInterval: 0.12)
        try fixture.write("2023/09/c.md", ArchiveFixture.markdown(title: "الخبر الثالث", date: "2023-09-22", body: "نص محفوظ."))
        #expect(Self.parsed(try SiteBuild(options).run()) == 1)
        #expect(!FileManager.default.fileExists(atPath: Self.cacheFile(fixture).path))
        try Self.expectClean(fixture, "with the cache in memory")
    }
}
