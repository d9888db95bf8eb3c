import Foundation
import Testing
@testable import Warraq

@Suite("Hostile archives: links out, the output inside, folders and files that cannot be read")
struct HostileArchiveTests {
    func archive() throws -> ArchiveFixture {
        try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\n",
            "a.md": ArchiveFixture.markdown(title: "خبر أ", date: "2023-09-20"),
        ])
    }

    @Test("article and static/ links to files outside the archive are skipped with a warning, unless follow_symlinks")
    func linksOutside() throws {
        let fixture = try archive()
        let secret = fixture.root.appendingPathComponent("secret.md")
        try ArchiveFixture.markdown(title: "سر", date: "2023-09-21", body: "كلمة السر").write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: fixture.archive.appendingPathComponent("secret.md"), withDestinationURL: secret)
        try FileManager.default.createDirectory(at: fixture.archive.appendingPathComponent("static"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: fixture.archive.appendingPathComponent("static/passwd.txt"), withDestinationURL: secret)
        // A link that stays inside is an ordinary file.
        try FileManager.default.createSymbolicLink(at: fixture.archive.appendingPathComponent("same.md"), withDestinationURL: fixture.archive.appendingPathComponent("a.md"))
        let report = try fixture.build()
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.path == "archive/secret.md" && $0.message.contains("outside the archive") })
        #expect(report.diagnostics.contains { $0.severity == .warning && $0.path == "archive/static/passwd.txt" })
        #expect(!fixture.exists("passwd.txt"))
        #expect(!fixture.outputFiles().contains { fixture.page($0)?.contains("كلمة السر") == true })
        #expect(report.articles == 2)

        try fixture.write("site.yml", "base_url: https://example.org/\nfollow_symlinks: true\n")
        let followed = try fixture.build()
        #expect(followed.articles == 3)
        #expect(fixture.exists("passwd.txt"))
    }

    @Test("an output folder inside the archive is not read back as articles")
    func outputInside() throws {
        let fixture = try archive()
        let options = BuildOptions(archive: fixture.archive, archiveDisplay: "archive", output: fixture.archive.appendingPathComponent("public"))
        let first = try SiteBuild(options).run()
        // A Markdown file Warraq copied from static/ would otherwise be read as an article next time.
        try "---\ntitle: منسوخ\ndate: 2023-09-22\n---\n\nنص.\n".write(to: fixture.archive.appendingPathComponent("public/copied.md"), atomically: true, encoding: .utf8)
        let second = try SiteBuild(options).run()
        #expect(second.articles == first.articles)
        #expect(second.succeeded)
    }

    @Test("a folder named site.yml and an unreadable site.yml say so")
    func siteConfigFolder() throws {
        let fixture = try archive()
        try FileManager.default.removeItem(at: fixture.archive.appendingPathComponent("site.yml"))
        try FileManager.default.createDirectory(at: fixture.archive.appendingPathComponent("site.yml"), withIntermediateDirectories: true)
        #expect {
            try fixture.build()
        } throws: { error in
            guard case SiteError.config(_, _, let reason) = error else { return false }
            return reason.contains("is a folder")
        }
    }

    @Test("an unreadable article is reported as unreadable, not as a missing title")
    func unreadableArticle() throws {
        guard getuid() != 0 else { return }  // root reads everything: nothing to check
        let fixture = try archive()
        try fixture.write("b.md", ArchiveFixture.markdown(title: "خبر ب", date: "2023-09-21"))
        chmod(fixture.archive.appendingPathComponent("b.md").path, 0)
        let report = try fixture.build()
        #expect(report.diagnostics.contains { $0.path == "archive/b.md" && $0.message.contains("cannot be read") })
    }

    @Test("an unreadable file's message names what went wrong")
    func unreadableMessage() {
        #expect(ArticleError.unreadable(path: "archive/b.md", reason: "permission denied").description == "archive/b.md: error: cannot be read: permission denied")
    }

    @Test("a file name with a newline stays on one diagnostic line")
    func newlineInName() throws {
        let fixture = try archive()
        try fixture.write("bad\nname.md", "---\ntitle: [\n---\n")
        let report = try fixture.build()
        let line = try #require(report.diagnostics.first { $0.path.contains("name.md") }).description
        #expect(!line.contains("\n"))
        #expect(line.hasPrefix("archive/bad\\nname.md:"))
    }
}
