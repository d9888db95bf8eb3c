import Foundation
import Testing
@testable import Warraq

/// Records what a build reports to its progress hook.
final class RecordedProgress: BuildProgress, @unchecked Sendable {
    struct Step: Equatable {
        var name: String
        var unit: String
        var total: Int?
        var done = 0
        var ended = false
    }

    private let lock = NSLock()
    private var recorded: [Step] = []
    var steps: [Step] { lock.withLock { recorded } }

    func begin(_ step: String, unit: String, total: Int?) {
        lock.withLock { recorded.append(Step(name: step, unit: unit, total: total)) }
    }

    func advance(_ done: Int) {
        lock.withLock { recorded[recorded.count - 1].done = max(recorded[recorded.count - 1].done, done) }
    }

    func end() {
        lock.withLock { recorded[recorded.count - 1].ended = true }
    }
}

@Suite("Checking an archive without writing, and the progress a build reports")
struct SiteCheckTests {
    func archive() throws -> ArchiveFixture {
        try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\n",
            "2023/a.md": ArchiveFixture.markdown(title: "الخبر الأول", date: "2023-09-20", tags: ["غزة"], extra: "read_also: [لا يوجد]\n"),
            "2023/b.md": ArchiveFixture.markdown(title: "الخبر الثاني", date: "2023-09-21"),
            "2023/broken.md": "---\ntitle: [\n---\n",
        ])
    }

    @Test("check reports what a build reports and creates no output folder")
    func checkWritesNothing() throws {
        let fixture = try archive()
        let options = BuildOptions(archive: fixture.archive, archiveDisplay: "archive", output: fixture.output)
        let checked = try SiteBuild(options).check()
        #expect(!FileManager.default.fileExists(atPath: fixture.output.path))
        #expect(checked.written.isEmpty && checked.rendered == checked.files)
        let built = try fixture.build()
        #expect(checked.diagnostics == built.diagnostics)
        #expect(checked.articles == built.articles && checked.files == built.files)
        #expect(!checked.succeeded)
    }

    @Test("a dry run plans what a build would write, read-also included, renders nothing and touches no output")
    func dryRunWritesNothing() throws {
        let fixture = try archive()
        let options = BuildOptions(archive: fixture.archive, archiveDisplay: "archive", output: fixture.output)
        let planned = try SiteBuild(options).dryRun()
        #expect(!FileManager.default.fileExists(atPath: fixture.output.path))
        #expect(planned.rendered == 0 && planned.written.isEmpty)
        #expect(planned.steps.contains { $0.name.contains("(read-also: 2 scored") })
        // The caches are kept: the build after it scores no read-also again and writes the same site.
        #expect(FileManager.default.fileExists(atPath: ReadAlsoMemoryFile.file(in: fixture.archive).path))
        let built = try fixture.build()
        #expect(built.steps.contains { $0.name.contains("(read-also: 0 scored") })
        #expect(planned.diagnostics == built.diagnostics)
        #expect(planned.articles == built.articles && planned.files == built.files)
    }

    @Test("a build tells its progress hook each step, with its total and every item done")
    func progressSteps() throws {
        let fixture = try archive()
        let progress = RecordedProgress()
        let report = try SiteBuild(BuildOptions(archive: fixture.archive, archiveDisplay: "archive", output: fixture.output, progress: progress)).run()
        let steps = progress.steps
        #expect(steps.map(\.name) == ["read", "plan", "render", "write"])
        #expect(steps.allSatisfy { $0.ended })
        #expect(steps[0] == .init(name: "read", unit: "articles", total: 3, done: 3, ended: true))
        #expect(steps[1].total == nil)
        #expect(steps[2] == RecordedProgress.Step(name: "render", unit: "pages", total: report.files, done: report.files, ended: true))
        #expect(steps[3] == RecordedProgress.Step(name: "write", unit: "files", total: report.written.count, done: report.written.count, ended: true))
    }

    @Test("two articles wanting one address: the second is numbered, with a warning naming the first")
    func duplicateSlug() throws {
        let fixture = try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\n",
            "a/خبر.md": ArchiveFixture.markdown(title: "خبر", date: "2023-09-20"),
            "b/خبر.md": ArchiveFixture.markdown(title: "خبر آخر", date: "2023-09-21"),
        ])
        let report = try fixture.build()
        #expect(report.diagnostics.map(\.description) == [
            "archive/b/خبر.md:1: warning: the address /2023/09/خبر/ is taken by archive/a/خبر.md:1: published at /2023/09/خبر-2/",
        ])
        #expect(fixture.exists("2023/09/خبر-2/index.html"))
    }

    @Test("no base_url is a warning, unless --base-url gives one")
    func missingBaseURL() throws {
        let fixture = try ArchiveFixture(["2023/a.md": ArchiveFixture.markdown(title: "خبر", date: "2023-09-20")])
        let warned = try fixture.build()
        #expect(warned.diagnostics.map(\.description) == [
            "archive/site.yml: warning: base_url is not set: canonical links, feeds and sitemaps point to http://localhost/ (set base_url, or build with --base-url)",
        ])
        #expect(try fixture.build(baseURL: "https://example.org/").diagnostics.isEmpty)
    }
}

@Suite("Images an article shows from the site")
struct ImageCheckTests {
    @Test("an image missing from static/ is a warning; present, remote and relative ones that resolve are not")
    func missingImages() throws {
        let fixture = try ArchiveFixture([
            "site.yml": "base_url: https://example.org/archive/\n",
            "static/images/خريطة.png": "png",
            "static/2023/09/a/chart.svg": "svg",
            "2023/a.md": ArchiveFixture.markdown(title: "خبر", date: "2023-09-20", extra: "slug: a\n", body: """
                ![خريطة](/images/خريطة.png) ![](/archive/images/%D8%AE%D8%B1%D9%8A%D8%B7%D8%A9.png) ![](chart.svg)
                ![](https://cdn.example.org/x.png) ![](//cdn.example.org/y.png) ![](data:image/png;base64,AA==)

                ![صورة](/images/missing.jpg) ![](../other.png?v=2)
                """),
        ])
        let report = try fixture.build()
        let warnings = [
            "archive/2023/a.md:1: warning: image '/images/missing.jpg' is not in static/ (looked for static/images/missing.jpg): the page shows it broken",
            "archive/2023/a.md:1: warning: image '../other.png?v=2' is not in static/ (looked for static/2023/09/other.png): the page shows it broken",
        ]
        #expect(report.diagnostics.map(\.description) == warnings)
        // From the article cache, its body shelved and not read back, the pictures are still known.
        try fixture.write("2023/b.md", ArchiveFixture.markdown(title: "خبر آخر", date: "2023-09-21"))
        let rebuilt = try fixture.build()
        #expect(rebuilt.steps.contains { $0.name.contains("1 parsed") })
        #expect(rebuilt.diagnostics.map(\.description) == warnings)
    }
}
