import Foundation
import Testing
@testable import Warraq

@Suite("The output folder under hostile conditions: links, crashes, files in the way")
struct OutputSafetyTests {
    func archive() throws -> ArchiveFixture {
        try ArchiveFixture.threeTaggedArticles()
    }

    /// Every output file and its bytes, Warraq's own files left out.
    func site(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let walker = FileManager.default.enumerator(atPath: folder.path)
        while let relative = walker?.nextObject() as? String {
            guard !relative.hasPrefix(".warraq-") else { continue }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = FileManager.default.contents(atPath: folder.path + "/" + relative)
            }
        }
        return files
    }

    @Test("a folder link planted in the output is never written through or deleted through")
    func plantedFolderLink() throws {
        let fixture = try archive()
        try fixture.build()
        let elsewhere = fixture.root.appendingPathComponent("elsewhere")
        try FileManager.default.moveItem(at: fixture.output.appendingPathComponent("tags"), to: elsewhere)
        try FileManager.default.createSymbolicLink(at: fixture.output.appendingPathComponent("tags"), withDestinationURL: elsewhere)
        let before = site(elsewhere)
        // A new tag would be written there, and the removed one deleted from there.
        try fixture.write("c.md", ArchiveFixture.markdown(title: "خبر ج", date: "2023-08-01", tags: ["جدة"]))
        let report = try fixture.build()
        #expect(site(elsewhere) == before, "nothing written or removed outside the output")
        #expect(report.diagnostics.contains { $0.severity == .error && $0.path.hasSuffix("Public/tags") && $0.message.contains("symbolic link") })
        #expect(!report.succeeded)
        #expect(fixture.exists("2023/08/c/index.html"), "the rest of the site is written")
    }

    @Test("the output folder looks at nothing through a link, however deep, nor above itself")
    func readsNothingThroughLinks() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("warraq-folder-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Public"), elsewhere = root.appendingPathComponent("elsewhere")
        for folder in ["Public/2015/07/own", "elsewhere/inner"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("own".utf8).write(to: output.appendingPathComponent("2015/07/own/index.html"))
        try Data("secret".utf8).write(to: elsewhere.appendingPathComponent("inner/index.html"))
        try Data("top".utf8).write(to: root.appendingPathComponent("top.html"))
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("2015/linked"), withDestinationURL: elsewhere)
        let folder = try OutputFolder(root: output.path)

        #expect(folder.contents("2015/07/own/index.html") == Data("own".utf8))
        #expect(folder.regularFile("2015/07/own/index.html")?.size == 3)
        #expect(folder.contents("2015/linked/inner/index.html") == nil, "a folder link on the way")
        #expect(folder.regularFile("2015/linked/inner/index.html") == nil)
        #expect(folder.contents("2015/../../top.html") == nil, "nothing above the output")
        #expect(folder.regularFile("2015/07/../../../top.html") == nil)
    }

    @Test("a file link where a page goes is kept, not replaced or followed")
    func plantedFileLink() throws {
        let fixture = try archive()
        let secret = fixture.root.appendingPathComponent("secret.txt")
        try "secret".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: fixture.output.appendingPathComponent("robots.txt"), withDestinationURL: secret)
        let report = try fixture.build()
        #expect(report.kept == ["robots.txt"])
        #expect(try String(contentsOf: secret, encoding: .utf8) == "secret")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: fixture.output.appendingPathComponent("robots.txt").path)) != nil)
    }

    @Test("a user's file where a folder is needed: reported, the rest written, the manifest true")
    func fileInTheWay() throws {
        let fixture = try archive()
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: true)
        try "mine".write(to: fixture.output.appendingPathComponent("tags"), atomically: true, encoding: .utf8)
        let report = try fixture.build()
        #expect(!report.succeeded)
        #expect(report.diagnostics.contains { $0.severity == .error && $0.path.hasSuffix("Public/tags") && $0.message.contains("folder is needed") })
        #expect(fixture.page("tags") == "mine")
        #expect(fixture.exists("2023/09/a/index.html"))
        #expect(try OutputWriter.mismatches(in: fixture.output).isEmpty)
        try FileManager.default.removeItem(at: fixture.output.appendingPathComponent("tags"))
        let next = try fixture.build()
        #expect(next.succeeded)
        #expect(fixture.exists("tags/غزة/index.html"))
        #expect(!fixture.exists(".warraq-journal"))
    }

    @Test("a same-size edit to an output file is found by hash and repaired")
    func sameSizeCorruption() throws {
        let fixture = try archive()
        try fixture.build()
        let clean = site(fixture.output)
        let page = fixture.output.appendingPathComponent("2023/09/a/index.html")
        var bytes = try Data(contentsOf: page)
        bytes[bytes.count / 2] = bytes[bytes.count / 2] == 0x41 ? 0x42 : 0x41
        try bytes.write(to: page)
        #expect(try OutputWriter.mismatches(in: fixture.output) == ["2023/09/a/index.html"])
        let report = try fixture.build()
        #expect(report.repaired == ["2023/09/a/index.html"])
        #expect(site(fixture.output) == clean)
    }

    @Test("--verify hashes every file, even one whose size and time were put back")
    func verifyMode() throws {
        let fixture = try archive()
        try fixture.build()
        let clean = site(fixture.output)
        let page = fixture.output.appendingPathComponent("2023/09/b/index.html")
        let time = try #require(fixture.modificationDate("2023/09/b/index.html"))
        var bytes = try Data(contentsOf: page)
        bytes[bytes.count / 2] = bytes[bytes.count / 2] == 0x41 ? 0x42 : 0x41
        try bytes.write(to: page)
        try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: page.path)
        let report = try fixture.build(verify: true)
        #expect(report.repaired == ["2023/09/b/index.html"])
        #expect(report.succeeded)
        #expect(site(fixture.output) == clean)
    }

    @Test("a commit stopped midway (journal, old manifest, half the files new) is repaired when the change is reverted")
    func interruptedCommit() throws {
        let fixture = try archive()
        try fixture.build()
        let cleanV1 = site(fixture.output)
        let manifestV1 = try Data(contentsOf: fixture.output.appendingPathComponent(Manifest.fileName))
        let original = try #require(String(data: try Data(contentsOf: fixture.archive.appendingPathComponent("a.md")), encoding: .utf8))
        // v2 changes every article's body by the same number of bytes: page sizes stay.
        for name in ["a", "b", "c"] {
            let text = try String(contentsOf: fixture.archive.appendingPathComponent("\(name).md"), encoding: .utf8)
            try fixture.write("\(name).md", text.replacingOccurrences(of: "نص الخبر.", with: "نص الخبز."))
        }
        try fixture.build()
        // What a kill after some renames leaves: the journal of the new files, the old manifest, a mix.
        try FileManager.default.copyItem(at: fixture.output.appendingPathComponent(Manifest.fileName), to: fixture.output.appendingPathComponent(Manifest.journalName))
        try manifestV1.write(to: fixture.output.appendingPathComponent(Manifest.fileName))
        try cleanV1["2023/09/b/index.html"]!.write(to: fixture.output.appendingPathComponent("2023/09/b/index.html"))
        try FileManager.default.createDirectory(at: fixture.output.appendingPathComponent(".warraq-staging-999999"), withIntermediateDirectories: true)
        try "staged".write(to: fixture.output.appendingPathComponent(".warraq-staging-999999/1"), atomically: true, encoding: .utf8)
        try fixture.write("a.md", original)
        for name in ["b", "c"] {
            let text = try String(contentsOf: fixture.archive.appendingPathComponent("\(name).md"), encoding: .utf8)
            try fixture.write("\(name).md", text.replacingOccurrences(of: "نص الخبز.", with: "نص الخبر."))
        }
        let report = try fixture.build()
        #expect(report.recovered)
        #expect(site(fixture.output) == cleanV1)
        #expect(!fixture.exists(".warraq-journal"))
        #expect(!fixture.exists(".warraq-staging-999999"), "a dead build's staging folder is removed")
        #expect(try OutputWriter.mismatches(in: fixture.output).isEmpty)
    }

    /// The `warraq` executable `swift build --build-tests` made beside the test bundle.
    static var warraq: URL? {
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(), package.appendingPathComponent(".build/debug")]
        return candidates.map { $0.appendingPathComponent("warraq") }.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `warraq build` of the fixture as its own process, killed (SIGKILL) after `steps` steps of its commit.
    static func build(_ fixture: ArchiveFixture, with warraq: URL, killedAfterSteps steps: Int) throws -> Process {
        let process = Process()
        process.executableURL = warraq
        process.arguments = ["build", fixture.archive.path, "--output", fixture.output.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["WARRAQ_KILL_AFTER_STEPS": String(steps)]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process
    }

    @Test("a build killed at any step of its commit is rebuilt to exactly a clean build", arguments: [0, 1, 4, 9, 14, 1000])
    func killed(afterSteps steps: Int) throws {
        let warraq = try #require(Self.warraq, "the warraq executable is built with the tests")
        let fixture = try archive()
        try fixture.build()
        try fixture.write("c.md", ArchiveFixture.markdown(title: "خبر ج", date: "2023-08-01", tags: ["جدة"], body: "نص آخر."))
        try FileManager.default.removeItem(at: fixture.archive.appendingPathComponent("b.md"))
        let process = try Self.build(fixture, with: warraq, killedAfterSteps: steps)
        if steps < 1000 { #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL) }
        try fixture.build()
        let clean = try ArchiveFixture()
        try FileManager.default.removeItem(at: clean.archive)
        try FileManager.default.copyItem(at: fixture.archive, to: clean.archive)
        try clean.build()
        #expect(site(fixture.output) == site(clean.output))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.output.path).filter { $0.hasPrefix(".warraq-") && $0 != Manifest.fileName && $0 != BuildState.fileName }
        #expect(leftovers.isEmpty)
    }
}
