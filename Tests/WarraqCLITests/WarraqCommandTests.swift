import Foundation
import Testing
import Warraq

@Suite("The warraq command: version, mistyped commands, archive folders")
struct WarraqCommandTests {
    @Test("--version prints the version")
    func version() throws {
        let run = try WarraqRun.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == WarraqVersion.current + "\n")
    }

    @Test("a mistyped command is answered with the command it is close to")
    func didYouMean() throws {
        let scratch = try Scratch()
        for (typed, meant) in [("biuld", "build"), ("chekc", "check"), ("serv", "serve"), ("nwe", "new")] {
            let run = try WarraqRun.run([typed], in: scratch.root)
            #expect(run.status == 64)
            #expect(run.stderr == "error: unknown command '\(typed)': did you mean '\(meant)'?\n")
        }
        let nested = try WarraqRun.run(["new", "sit", "x"], in: scratch.root)
        #expect(nested.status == 64)
        #expect(nested.stderr == "error: unknown command 'new sit': did you mean 'new site'?\n")
        let unknown = try WarraqRun.run(["zzzzzz"], in: scratch.root)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("'zzzzzz' is neither a command nor an archive folder"))
        #expect(scratch.snapshot().isEmpty, "nothing built")
    }

    @Test("without a command, a folder that exists is an archive to build, even one named like a command")
    func archiveFolderWithoutCommand() throws {
        let scratch = try Scratch()
        try scratch.write("biuld/2023/a.md", "---\ntitle: خبر\ndate: 2023-09-22\n---\n\nنص.\n")
        let run = try WarraqRun.run(["biuld", "--output", "Public"], in: scratch.root)
        #expect(run.status == 0)
        #expect(scratch.exists("Public/2023/09/a/index.html"))
    }
}
