import Foundation
import Testing

@Suite("warraq check: every problem a build would report, nothing written")
struct CheckCommandTests {
    func brokenArchive() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write("archive/site.yml", "title: أرشيف\nbase_url: https://example.org/\n")
        try scratch.write("archive/2023/good.md", "---\ntitle: خبر سليم\ndate: 2023-09-22\nread_also: [مقال غير موجود]\n---\n\nنص.\n")
        try scratch.write("archive/2023/broken.md", "---\ntitle: مكسور\ndate: 2023-09-40\n---\n\nنص.\n")
        return scratch
    }

    @Test("a broken article: the build's messages, exit status 1, and no file written")
    func brokenArticle() throws {
        let scratch = try brokenArchive()
        let before = scratch.snapshot()
        let check = try WarraqRun.run(["check", "archive"], in: scratch.root)
        #expect(check.status == 1)
        #expect(check.stderr.contains("archive/2023/broken.md:3: error:"))
        #expect(check.stderr.contains("archive/2023/good.md:4: warning:"), "the unresolved read_also reference")
        #expect(scratch.snapshot() == before, "nothing written, not even an output folder")

        let build = try WarraqRun.run(["build", "archive", "--output", "Public"], in: scratch.root)
        #expect(build.status == check.status)
        #expect(build.stderr == check.stderr, "the same messages, in the same order")
    }

    @Test("a template that does not parse: exit status 2 with its file and line")
    func brokenTemplate() throws {
        let scratch = try brokenArchive()
        try scratch.write("archive/templates/article.mustache", "<h1>{{title}}</h1>\n{{#tags}}\n")
        let before = scratch.snapshot()
        let check = try WarraqRun.run(["check", "archive"], in: scratch.root)
        #expect(check.status == 2)
        #expect(check.stderr.contains("templates/article.mustache:"))
        #expect(scratch.snapshot() == before)
    }

    @Test("a sound archive checks clean")
    func soundArchive() throws {
        let scratch = try Scratch()
        try scratch.write("archive/site.yml", "base_url: https://example.org/\n")
        try scratch.write("archive/2023/a.md", "---\ntitle: خبر\ndate: 2023-09-22\n---\n\nنص.\n")
        let check = try WarraqRun.run(["check", "archive"], in: scratch.root)
        #expect(check.status == 0)
        #expect(check.stderr.isEmpty)
        #expect(check.stdout.contains("1 articles") && check.stdout.contains("0 errors, 0 warnings"))
    }
}
