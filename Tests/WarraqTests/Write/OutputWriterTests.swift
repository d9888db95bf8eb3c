import Foundation
import Testing
@testable import Warraq

@Suite("Writing output: incremental, atomic, and never losing a file")
struct OutputWriterTests {
    func archive() throws -> ArchiveFixture {
        try ArchiveFixture.threeTaggedArticles()
    }

    @Test("a rebuild with no change writes nothing and keeps modification times")
    func noChange() throws {
        let fixture = try archive()
        let first = try fixture.build()
        #expect(first.written.count == first.files)
        let before = fixture.modificationDate("2023/09/a/index.html")
        Thread.sleep(forTimeInterval: 0.02)
        let second = try fixture.build()
        #expect(second.written.isEmpty)
        #expect(second.unchanged == second.files)
        let articleAndListPages = try fixture.plan().pages.filter { if case .article = $0.kind { true } else if case .listing = $0.kind { true } else { false } }.count
        #expect(second.rendered <= second.files - articleAndListPages, "pages made of unchanged inputs are not rendered again")
        #expect(fixture.modificationDate("2023/09/a/index.html") == before)
    }

    @Test("one edited article rewrites its page and the pages that list it, nothing else")
    func oneEdit() throws {
        let fixture = try archive()
        try fixture.build()
        try fixture.write("c.md", ArchiveFixture.markdown(title: "خبر ج", date: "2023-08-01", tags: ["الرياض"], body: "نص معدل."))
        let report = try fixture.build()
        let written = Set(report.written)
        #expect(report.rendered < report.files)
        #expect(written.contains("2023/08/c/index.html"))
        #expect(written.contains("tags/الرياض/index.html") || written.contains("tags/الرياض/index.xml"))
        #expect(!written.contains("2023/09/a/index.html"))
        #expect(!written.contains("tags/غزة/index.html"))
        #expect(!written.contains("assets/warraq.css"))
    }

    @Test("a file Warraq wrote and no longer produces is removed; a user's file survives")
    func removals() throws {
        let fixture = try archive()
        try fixture.build()
        try "mine".write(to: fixture.output.appendingPathComponent("CNAME"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: fixture.archive.appendingPathComponent("c.md"))
        let report = try fixture.build()
        #expect(report.removed.contains("2023/08/c/index.html"))
        #expect(!fixture.exists("2023/08/c/index.html"))
        #expect(!fixture.exists("2023/08"))
        #expect(fixture.page("CNAME") == "mine")
    }

    @Test("a user's file where Warraq would write is kept, with a warning")
    func foreignFile() throws {
        let fixture = try archive()
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        try "User-agent: *\nDisallow: /\n".write(to: fixture.output.appendingPathComponent("robots.txt"), atomically: true, encoding: .utf8)
        let report = try fixture.build()
        #expect(report.kept == ["robots.txt"])
        #expect(fixture.page("robots.txt") == "User-agent: *\nDisallow: /\n")
    }

    @Test("a failing template or configuration leaves the previous output exactly as it was")
    func failureLeavesOutput() throws {
        let fixture = try archive()
        try fixture.build()
        let before = fixture.outputFiles().map { ($0, fixture.page($0)) }
        try fixture.write("templates/article.mustache", "{{#broken}}\n<p>{{title}}</p>\n")
        #expect(throws: SiteError.self) { try fixture.build() }
        try FileManager.default.removeItem(at: fixture.archive.appendingPathComponent("templates"))
        try fixture.write("site.yml", "page_size: lots\n")
        #expect(throws: SiteError.self) { try fixture.build() }
        let after = fixture.outputFiles().map { ($0, fixture.page($0)) }
        #expect(before.map(\.0) == after.map(\.0))
        #expect(before.map(\.1) == after.map(\.1))
    }

    @Test("the template error names the file and line")
    func templateError() throws {
        let fixture = try archive()
        try fixture.write("templates/article.mustache", "<p>\n{{#broken}}\n<p>{{title}}</p>\n")
        do {
            try fixture.build()
            Issue.record("expected a template error")
        } catch let error as SiteError {
            guard case .template(let path, let line, _) = error else { Issue.record("\(error)"); return }
            #expect(path.hasSuffix("templates/article.mustache"))
            #expect(line != nil)
        }
    }
}
