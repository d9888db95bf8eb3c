import Foundation
import Testing
@testable import Warraq

@Suite("The manifest: what Warraq wrote, read back without trusting its paths")
struct ManifestTests {
    @Test("a path that leaves the output or is not a plain path is left out; the rest read back as written")
    func hostilePaths() {
        var written = Manifest()
        written.entries["2015/07/خبر/index.html"] = .init(hash: "aa", size: 3, input: "in", modified: "1.5")
        written.entries["index.html"] = .init(hash: "bb", size: 4, input: "", modified: "2.0")
        var text = written.data
        for path in ["../outside.html", "2015/../../etc/passwd", "/etc/passwd", "a//b.html", "./x.html", "tags/.."] {
            text += Data("cc\t1\t\t3.0\t\(path)\n".utf8)
        }
        text += Data("a line that is not one\n".utf8)
        let read = Manifest.parse(text)
        #expect(read == written)
        #expect(Manifest.lines(text).map(\.path) == ["2015/07/خبر/index.html", "index.html"], "in the order written: sorted by bytes")
    }

    @Test("a path given twice is twice in the lines, once in the table: a check of every file sees it does not hold")
    func twice() {
        let text = Data((Manifest.header + "\naa\t1\t\t1.0\tindex.html\nbb\t2\t\t2.0\tindex.html\n").utf8)
        #expect(Manifest.lines(text).count == 2)
        #expect(Manifest.parse(text).entries["index.html"]?.hash == "bb")
    }
}
