import Foundation
import Testing
@testable import Warraq

@Suite("Build state: a rebuild with no change stops at the start; a state it cannot trust is never used")
struct BuildStateTests {
    /// Three articles, one undated (a warning every build must repeat), built once with their files settled,
    /// so the build records its state.
    func builtArchive() throws -> (ArchiveFixture, BuildReport) {
        let fixture = try ArchiveFixture.threeTaggedArticles()
        try fixture.write("undated.md", "---\ntitle: بلا تاريخ\n---\n\nنص.\n")
        settle()
        let report = try fixture.build()
        #expect(fixture.exists(BuildState.fileName))
        return (fixture, report)
    }

    /// Edits made in the moments before a build are not trusted to the state (see `BuildState.racy`).
    func settle() {
        Thread.sleep(forTimeInterval: 0.15)
    }

    func shortCut(_ report: BuildReport) -> Bool {
        report.steps.contains { $0.name.hasPrefix("nothing changed") }
    }

    /// Inode, size and times of every entry of the output, Warraq's own files included.
    func snapshot(_ folder: URL) -> [String: [Int64]] {
        var entries: [String: [Int64]] = [:]
        for path in OutputComparison.entries(folder) + ["."] {
            var status = stat()
            guard lstat(folder.path + "/" + path, &status) == 0 else { continue }
            entries[path] = [Int64(status.st_ino), Int64(status.st_size), Int64(status.st_mtim.tv_sec), Int64(status.st_mtim.tv_nsec),
                             Int64(status.st_ctim.tv_sec), Int64(status.st_ctim.tv_nsec)]
        }
        return entries
    }

    func expectSameAsClean(_ fixture: ArchiveFixture) throws {
        let clean = fixture.root.appendingPathComponent("clean")
        try? FileManager.default.removeItem(at: clean)
        _ = try SiteBuild(BuildOptions(archive: fixture.archive, archiveDisplay: "archive", output: clean)).run()
        #expect(OutputComparison(fixture.output, clean).differences.isEmpty)
    }

    @Test("a rebuild with no change touches no file, its own state and manifest included, and repeats the warnings")
    func noChange() throws {
        let (fixture, first) = try builtArchive()
        let before = snapshot(fixture.output)
        let again = try fixture.build()
        #expect(shortCut(again))
        #expect(again.written.isEmpty && again.rendered == 0 && again.unchanged == first.files && again.articles == first.articles)
        #expect(again.diagnostics == first.diagnostics && again.warningCount > 0)
        #expect(snapshot(fixture.output) == before)
    }

    @Test("a state truncated, garbled, of another version or of other options is not used: the build runs in full and is right",
          arguments: ["truncated", "garbled", "version", "options"])
    func untrusted(_ damage: String) throws {
        let (fixture, _) = try builtArchive()
        try fixture.write("b.md", ArchiveFixture.markdown(title: "خبر ب معدل", date: "2023-09-21", tags: ["القدس"]))
        let stateURL = fixture.output.appendingPathComponent(BuildState.fileName)
        var state = try Data(contentsOf: stateURL)
        switch damage {
        case "truncated": state = state.prefix(state.count / 2)
        case "garbled": state[state.count - 3] ^= 0x20
        case "version": state = Data(String(decoding: state, as: UTF8.self).replacingOccurrences(of: "# warraq state 1", with: "# warraq state 0").utf8)
        default: break
        }
        try state.write(to: stateURL)
        #expect(BuildState.recorded(in: fixture.output) == nil || damage == "options")
        settle()
        let report = damage == "options" ? try fixture.build(drafts: true) : try fixture.build()
        #expect(!shortCut(report))
        #expect(fixture.page("2023/09/b/index.html")?.contains("خبر ب معدل") == true)
        if damage != "options" { try expectSameAsClean(fixture) }
        #expect(BuildState.recorded(in: fixture.output) != nil, "a good state is written again")
    }

    @Test("an edit of the same size with its modification time put back is still seen")
    func sameSizeSameTime() throws {
        let (fixture, _) = try builtArchive()
        let file = fixture.archive.appendingPathComponent("a.md")
        let time = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date)
        let text = try String(contentsOf: file, encoding: .utf8)
        try fixture.write("a.md", text.replacingOccurrences(of: "خبر أ", with: "خبر ك"))
        try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: file.path)
        let report = try fixture.build()
        #expect(!shortCut(report))
        #expect(fixture.page("2023/09/a/index.html")?.contains("خبر ك") == true)
    }

    @Test("an output file deleted or edited by hand is put back, though no input changed")
    func damagedOutput() throws {
        let (fixture, _) = try builtArchive()
        try FileManager.default.removeItem(at: fixture.output.appendingPathComponent("tags/غزة/index.html"))
        try Data("x".utf8).write(to: fixture.output.appendingPathComponent("2023/09/a/index.html"))
        let report = try fixture.build()
        #expect(!shortCut(report))
        try expectSameAsClean(fixture)
    }

    @Test("the state file reads back what it wrote, names with tabs and newlines included")
    func roundTrip() throws {
        let state = BuildState(key: "abc", inputs: [.init(path: "a\tb\n.md", identity: .init(size: 3, modified: 4, changed: 5, inode: 6)), .init(path: "x.yml", identity: nil)],
                               manifest: .init(size: 1, modified: 2, changed: 3, inode: 4), articles: 2, files: 9,
                               diagnostics: [.warning("archive/a\\b.md", line: 3, "tab\there"), Diagnostic(.error, path: "p", "e")])
        #expect(BuildState.parse(Data(state.text.utf8)) == state)
    }

    @Test("a picture replaced beside its article is an input: the rebuild runs and writes the new picture")
    func pictureBesideArticle() throws {
        let fixture = try ArchiveFixture([
            "2023/port.md": ArchiveFixture.markdown(title: "ميناء جدة", date: "2023-09-22", extra: "image: port.jpg\n"),
        ])
        try fixture.write("2023/port.jpg", harbourJPEG)
        settle()
        _ = try fixture.build()
        #expect(shortCut(try fixture.build()))
        var other = harbourJPEG
        other.append(contentsOf: [0, 0, 0, 0])  // a JPEG decoder stops at its end marker: the same picture, other bytes
        try fixture.write("2023/port.jpg", other)
        settle()
        let rebuilt = try fixture.build()
        #expect(!shortCut(rebuilt))
        let written = try #require(fixture.outputFiles().first { $0.hasSuffix("port.jpg") })
        #expect(try Data(contentsOf: fixture.output.appendingPathComponent(written)) == other)
    }
}
