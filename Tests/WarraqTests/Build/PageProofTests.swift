import Foundation
import Testing
@testable import Warraq

@Suite("Page proofs: the preview shows an edited article's page from the last plan while it rebuilds")
struct PageProofTests {
    /// The three-article archive built once, with the proof that build handed over.
    func built() throws -> (ArchiveFixture, PageProof) {
        let fixture = try ArchiveFixture.threeTaggedArticles()
        let kept = ProofBox()
        var options = BuildOptions(archive: fixture.archive, archiveDisplay: "archive", output: fixture.output)
        options.proofs = { kept.proof = $0 }
        _ = try SiteBuild(options).run()
        return (fixture, try #require(kept.proof))
    }

    @Test("an edited body is proofed at once, and the rebuild then writes the same page")
    func editedBody() throws {
        let (fixture, proof) = try built()
        try fixture.write("a.md", ArchiveFixture.markdown(title: "خبر أ", date: "2023-09-20", tags: ["غزة"],
                                                          body: "نص الخبر.\n\nفقرة أضافها المحرر بعد النشر."))
        let pages = try #require(proof.pages(for: ["a.md"]))
        #expect(pages.count == 1)
        let page = try #require(pages.first)
        let html = String(decoding: page.data, as: UTF8.self)
        #expect(html.contains("فقرة أضافها المحرر بعد النشر."))
        #expect(html.contains("غزة"), "the article's tag links are the plan's")
        try fixture.build()
        #expect(fixture.page(page.path) == html, "in this archive the edit changes nothing else the page shows")
    }

    @Test("a new title is shown on the proof, under the article's address")
    func editedTitle() throws {
        let (fixture, proof) = try built()
        let before = fixture.outputFiles()
        try fixture.write("a.md", ArchiveFixture.markdown(title: "عنوان جديد للخبر", date: "2023-09-20", tags: ["غزة"]))
        let page = try #require(proof.pages(for: ["a.md"])?.first)
        #expect(before.contains(page.path))
        let html = String(decoding: page.data, as: UTF8.self)
        #expect(html.contains("عنوان جديد للخبر —") && !html.contains("خبر أ —"), "the page's title is the new one")
    }

    @Test("what the plan would place otherwise is left to the rebuild: new tags, a new date, a new file, site.yml, a file that no longer reads",
          arguments: ["tags", "date", "new file", "site.yml", "unreadable", "draft"])
    func notProofed(_ change: String) throws {
        let (fixture, proof) = try built()
        var files = ["a.md"]
        switch change {
        case "tags": try fixture.write("a.md", ArchiveFixture.markdown(title: "خبر أ", date: "2023-09-20", tags: ["غزة", "القدس"]))
        case "date": try fixture.write("a.md", ArchiveFixture.markdown(title: "خبر أ", date: "2023-09-22", tags: ["غزة"]))
        case "new file":
            try fixture.write("d.md", ArchiveFixture.markdown(title: "خبر د", date: "2023-09-23"))
            files = ["d.md"]
        case "site.yml":
            try fixture.write("site.yml", "base_url: https://example.org/\ntitle: أرشيف آخر\n")
            files = ["site.yml"]
        case "unreadable": try fixture.write("a.md", "---\ntitle: [غير مغلق\n---\n\nنص.\n")
        default: try fixture.write("a.md", ArchiveFixture.markdown(title: "خبر أ", date: "2023-09-20", tags: ["غزة"], extra: "draft: true\n"))
        }
        #expect(proof.pages(for: files) == nil)
    }
}

/// Where a test keeps the proof a build hands over.
final class ProofBox: @unchecked Sendable {
    var proof: PageProof?
}
