import Foundation
import Testing
@testable import Warraq

@Suite("A first build is written in a new tree and swapped in whole")
struct FreshOutputTests {
    /// Names in the output's parent that a first build leaves while it runs.
    func freshFolders(_ fixture: ArchiveFixture) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).filter { $0.contains(FreshOutput.marker) }
    }

    @Test("into an empty folder: every file written, the folder keeps its mode, nothing left beside it, a rebuild writes nothing")
    func emptyFolder() throws {
        let fixture = try ArchiveFixture.threeTaggedArticles()
        try FileManager.default.createDirectory(at: fixture.output, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let report = try fixture.build()
        #expect(report.written.count == report.files)
        #expect(fixture.exists("2023/09/a/index.html") && fixture.exists(Manifest.fileName))
        #expect(try freshFolders(fixture).isEmpty)
        let mode = try FileManager.default.attributesOfItem(atPath: fixture.output.path)[.posixPermissions] as? Int
        #expect(mode == 0o700, "a private preview folder stays private")
        #expect(try OutputWriter.mismatches(in: fixture.output).isEmpty, "the manifest is true")
        let again = try fixture.build()
        #expect(again.written.isEmpty && again.unchanged == again.files)
    }

    @Test("an output that is a link to an empty folder stays a link; the site goes where it points")
    func linkedOutput() throws {
        let fixture = try ArchiveFixture.threeTaggedArticles()
        let target = fixture.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(at: fixture.output, withDestinationURL: target)
        try fixture.build()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: fixture.output.path) == target.path)
        #expect(FileManager.default.fileExists(atPath: target.appendingPathComponent("2023/09/a/index.html").path))
    }

    @Test("a first build killed before its swap (before or after its manifest) leaves the output empty; the next build cleans up and gives the clean site",
          arguments: [0, 1])
    func killed(afterSteps steps: Int) throws {
        let warraq = try #require(OutputSafetyTests.warraq, "the warraq executable is built with the tests")
        let fixture = try ArchiveFixture.threeTaggedArticles()
        let process = try OutputSafetyTests.build(fixture, with: warraq, killedAfterSteps: steps)
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
        let left = try FileManager.default.contentsOfDirectory(atPath: fixture.output.path)
        #expect(left.isEmpty, "the output is untouched until the swap")
        #expect(try freshFolders(fixture).count == 1, "the killed build's tree is beside the output")
        try fixture.build()
        #expect(try freshFolders(fixture).isEmpty, "the next build removes it")
        let clean = try ArchiveFixture.threeTaggedArticles()
        try clean.build()
        #expect(OutputComparison(fixture.output, clean.output).differences.isEmpty)
    }
}
