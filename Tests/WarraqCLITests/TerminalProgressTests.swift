import Foundation
import Testing

@Suite("Progress: drawn in place on a terminal, never in a pipe or a log")
struct TerminalProgressTests {
    func archive() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write("archive/site.yml", "base_url: https://example.org/\n")
        for day in 1...9 {
            try scratch.write("archive/2023/\(day).md", "---\ntitle: خبر رقم \(day)\ndate: 2023-09-0\(day)\ntags: [وسم]\n---\n\nنص.\n")
        }
        return scratch
    }

    @Test("a pipe gets no carriage return or escape sequence, also with --verbose")
    func pipe() throws {
        let scratch = try archive()
        for arguments in [["build", "archive", "-o", "Public"], ["build", "archive", "-o", "Public2", "--verbose", "--progress-delay", "0"],
                          ["check", "archive", "--verbose", "--progress-delay", "0"]] {
            let run = try WarraqRun.run(arguments, in: scratch.root)
            #expect(run.status == 0)
            for text in [run.stdout, run.stderr] {
                #expect(!text.contains("\r") && !text.contains("\u{1B}"), "\(arguments): \(text.debugDescription)")
            }
        }
        let verbose = try WarraqRun.run(["build", "archive", "-o", "Public3", "--verbose"], in: scratch.root)
        let steps = verbose.stderr.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        // "search" comes between render and write where Pagefind is installed.
        #expect(steps.filter { $0 != "search" } == ["read", "plan", "render", "write"], "one plain line per step: \(verbose.stderr)")
        #expect(verbose.stderr.contains("9/9 articles") && verbose.stderr.contains("pages"))
    }

    @Test("on a terminal each step is a line redrawn in place, with its count and unit", .enabled(if: PseudoTerminal.available))
    func terminal() throws {
        let scratch = try archive()
        let run = try WarraqRun.runOnTerminal(["build", "archive", "-o", "Public", "--progress-delay", "0"], in: scratch.root)
        #expect(run.status == 0, "\(run.terminal)")
        #expect(run.terminal.contains("\r\u{1B}[2Kread "))
        #expect(run.terminal.contains("9/9 articles  100%"))
        #expect(run.terminal.contains("\r\u{1B}[2Krender "))
        #expect(run.terminal.contains(" pages  100%"))
        #expect(run.terminal.contains("\r\u{1B}[2Kwrite "))
        #expect(scratch.exists("Public/index.html"))
    }

    @Test("an import counts its records on a terminal", .enabled(if: PseudoTerminal.available))
    func importOnTerminal() throws {
        let scratch = try Scratch()
        try scratch.write("export.json", """
            [{"title": "خبر أول", "content": "نص الخبر الأول.", "date": "2015-07-21"},
             {"title": "خبر ثان", "content": "نص الخبر الثاني.", "date": "2015-07-22"},
             {"title": "خبر ثالث", "content": "نص الخبر الثالث.", "date": "2015-07-23"}]
            """)
        let run = try WarraqRun.runOnTerminal(["import", "json", "export.json", "--into", "archive", "--map", "body=content",
                                               "--progress-delay", "0"], in: scratch.root)
        #expect(run.status == 0)
        #expect(run.terminal.contains("\r\u{1B}[2Kimport "))
        #expect(run.terminal.contains("3/3 records  100%"))
    }

    @Test("--quiet draws nothing on a terminal and prints no summary", .enabled(if: PseudoTerminal.available))
    func quiet() throws {
        let scratch = try archive()
        let run = try WarraqRun.runOnTerminal(["build", "archive", "-o", "Public", "--quiet", "--progress-delay", "0"], in: scratch.root)
        #expect(run.status == 0)
        #expect(run.terminal.isEmpty, "\(run.terminal.debugDescription)")
        let piped = try WarraqRun.run(["build", "archive", "-o", "Public", "--quiet"], in: scratch.root)
        #expect(piped.stdout.isEmpty && piped.stderr.isEmpty)
    }
}
