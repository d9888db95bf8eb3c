import Foundation
import Testing

@Suite("warraq tags: what an editor reviews")
struct TagsCommandTests {
    @Test("tags list: every tag with its count, most used first, editor tags told from automatic ones")
    func list() throws {
        let scratch = try Scratch()
        try scratch.write("a.md", "---\ntitle: خبر أول\ndate: 2023-09-20\ntags: [جدة]\nauto_tags: [الهلال الأحمر]\n---\n\nنص.\n")
        try scratch.write("b.md", "---\ntitle: خبر ثان\ndate: 2023-09-21\nauto_tags: [جدة, الهلال الأحمر]\n---\n\nنص.\n")
        try scratch.write("c.md", "---\ntitle: خبر ثالث\ndate: 2023-09-22\ntags: [جدة, مسئول]\n---\n\nنص.\n")
        try scratch.write("d.md", "---\ntitle: خبر رابع\ndate: 2023-09-23\ntags: [مسؤول]\n---\n\nنص.\n")
        let run = try WarraqRun.run(["tags", "list", "."], in: scratch.root)
        #expect(run.status == 0)
        let rows = run.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.map { $0[2] } == ["جدة", "الهلال الأحمر", "مسؤول"])
        #expect(rows[0][0] == "3" && rows[0][1] == "2")
        #expect(rows[1][0] == "2" && rows[1][1] == "0")
        // مسئول and مسؤول are one tag.
        #expect(rows[2][0] == "2")
        #expect(run.stderr.contains("3 tags, 0 used by one article"))
        let once = try WarraqRun.run(["tags", "list", ".", "--used-once"], in: scratch.root)
        #expect(once.stdout.split(separator: "\n").count == 1)
    }
}
