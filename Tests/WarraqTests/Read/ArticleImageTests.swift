import Foundation
import Testing
@testable import Warraq

/// A 640×427 JPEG committed beside the tests.
let harbourJPEG = try! Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/harbour.jpg"))

@Suite("Article images: figures, metadata, thumbnails, WebP, a cache by content")
struct ArticleImageTests {
    func archive() throws -> ArchiveFixture {
        let fixture = try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\n",
            "2023/port.md": ArchiveFixture.markdown(title: "ميناء جدة يستقبل أكبر سفينة", date: "2023-09-22", extra: """
                source: واس
                image: harbour.jpg
                image_alt: سفينة حاويات عند رصيف الميناء
                image_caption: السفينة صباح الجمعة
                image_credit: 'تصوير: واس'

                """),
            "2023/static-image.md": ArchiveFixture.markdown(title: "خبر بصورة من static", date: "2023-09-21", extra: "image: /images/harbour.jpg\n"),
            "2023/remote.md": ArchiveFixture.markdown(title: "خبر بصورة بعيدة", date: "2023-09-20", extra: "image: https://cdn.example.com/a.jpg\nimage_alt: صورة\n"),
            "2023/broken.md": ArchiveFixture.markdown(title: "خبر بصورة تالفة", date: "2023-09-19", extra: "image: broken.jpg\n"),
            "2023/missing.md": ArchiveFixture.markdown(title: "خبر بصورة غائبة", date: "2023-09-18", extra: "image: ../../../etc/passwd\n"),
        ])
        try fixture.write("2023/harbour.jpg", harbourJPEG)
        try fixture.write("static/images/harbour.jpg", harbourJPEG)
        try fixture.write("2023/broken.jpg", Data("not a picture".utf8))
        return fixture
    }

    /// The output file a root-relative or absolute link of example.org names.
    func file(_ link: String) -> String {
        String((link.hasPrefix("https://example.org/") ? link.dropFirst("https://example.org/".count) : link.dropFirst())).removingPercentEncoding!
    }

    @Test("a figure with alt, width, height and caption; og:image, Twitter card and JSON-LD image resolve to written files")
    func figure() throws {
        let fixture = try archive()
        let report = try fixture.build()
        let page = try #require(fixture.page("2023/09/port/index.html"))
        let figure = try #require(page.components(separatedBy: "<figure class=\"article-figure\">").last?.components(separatedBy: "</figure>").first)
        #expect(figure.contains("alt=\"سفينة حاويات عند رصيف الميناء\" width=\"640\" height=\"427\""))
        #expect(figure.contains("<figcaption><span class=\"figure-caption\">السفينة صباح الجمعة</span> <span class=\"figure-credit\">تصوير: واس</span></figcaption>"))
        let webp = try #require(links(in: figure.replacingOccurrences(of: "srcset=", with: "src=")).first { $0.hasSuffix(".webp") })
        #expect(try Data(contentsOf: fixture.output.appendingPathComponent(file(webp))).prefix(4) == Data("RIFF".utf8))
        let ogImage = try #require(page.components(separatedBy: "<meta property=\"og:image\" content=\"").dropFirst().first?.components(separatedBy: "\"").first)
        #expect(ogImage.hasPrefix("https://example.org/"))
        let written = try Data(contentsOf: fixture.output.appendingPathComponent(file(ogImage)))
        #expect(written == harbourJPEG)
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"))
        #expect(page.contains("\"image\":[\"\(ogImage)\"]"))
        // A picture on another host is linked as given; one of static/ keeps its address.
        #expect(fixture.page("2023/09/remote/index.html")?.contains("<meta property=\"og:image\" content=\"https://cdn.example.com/a.jpg\">") == true)
        #expect(fixture.page("2023/09/static-image/index.html")?.contains("<img src=\"/images/harbour.jpg\"") == true)
        // Broken and missing pictures are warnings at their line; the articles are published without them.
        let warnings = report.diagnostics.map(\.description)
        #expect(warnings.contains { $0.hasPrefix("archive/2023/broken.md:4: warning: image 'broken.jpg' is not an image") })
        #expect(warnings.contains { $0.hasPrefix("archive/2023/missing.md:4: warning: image '../../../etc/passwd' is not beside the article") })
        #expect(fixture.page("2023/09/broken/index.html")?.contains("<figure") == false)
        #expect(report.succeeded)
        #expect(!fixture.outputFiles().contains { $0.contains("passwd") })
    }

    @Test("cards show a thumbnail smaller than the original; the lead story shows the picture")
    func thumbnails() throws {
        let fixture = try archive()
        try fixture.build()
        let front = try #require(fixture.page("index.html"))
        let card = try #require(front.components(separatedBy: "<img class=\"article-item-thumb\" src=\"").dropFirst().first?.components(separatedBy: "\"").first)
        let thumbnail = try Data(contentsOf: fixture.output.appendingPathComponent(file(card)))
        #expect(thumbnail.count < harbourJPEG.count)
        #expect(thumbnail.prefix(2) == Data([0xFF, 0xD8]))
        #expect(front.contains("width=\"480\" height=\"320\" alt=\"\" loading=\"lazy\""))
        #expect(front.contains("<img class=\"lead-story-image\" src=\"/media/2023/harbour.jpg\" width=\"640\" height=\"427\" alt=\"سفينة حاويات عند رصيف الميناء\">"))
    }

    @Test("a rebuild does no image work for unchanged images; a changed image is processed again")
    func cache() throws {
        let fixture = try archive()
        let first = try fixture.build()
        // Two files (beside the article and in static/); one of them may find the other's work cached.
        #expect(first.imagesProcessed >= 1 && first.imagesProcessed + first.imagesCached == 2)
        let second = try fixture.build()
        #expect(second.imagesProcessed == 0 && second.imagesCached == 2)
        #expect(second.rendered < first.rendered)
        var changed = harbourJPEG
        changed.append(contentsOf: [0, 1, 2])
        try fixture.write("2023/harbour.jpg", changed)
        // Touched, not changed: hashed again, and found in the cache.
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)],
                                              ofItemAtPath: fixture.archive.appendingPathComponent("static/images/harbour.jpg").path)
        let third = try fixture.build()
        #expect(third.imagesProcessed == 1 && third.imagesCached == 1)
    }
}
