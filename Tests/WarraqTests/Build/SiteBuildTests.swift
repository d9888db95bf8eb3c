import Foundation
import Testing
@testable import Warraq

@Suite("Building an archive into a site, as a reader sees it")
struct SiteBuildTests {
    func threeArticles() throws -> ArchiveFixture {
        try ArchiveFixture([
            "site.yml": "title: أرشيف الاختبار\nbase_url: https://example.org/\npage_size: 2\ntime_zone: Asia/Riyadh\n",
            "2023/first.md": ArchiveFixture.markdown(title: "الخبر الأول <script>alert(1)</script>", date: "2023-09-20", tags: ["غزة"],
                                                     body: "نص الأول.\n\n<script>alert('x')</script>\n\n<b>خام</b>"),
            "2023/second.md": ArchiveFixture.markdown(title: "الخبر الثاني", date: "2023-09-21", tags: ["غزة", "القدس"]),
            "2023/third.md": ArchiveFixture.markdown(title: "الخبر الثالث", date: "2023-09-22", tags: ["القدس"]),
        ])
    }

    @Test("article pages open right to left, with escaped titles and no raw HTML")
    func articlePages() throws {
        let fixture = try threeArticles()
        let report = try fixture.build()
        #expect(report.succeeded)
        let page = try #require(fixture.page("2023/09/first/index.html"))
        #expect(page.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(page.contains("<meta charset=\"utf-8\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/2023/09/first/\">"))
        #expect(page.contains("الخبر الأول &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!page.contains("<script>alert"))
        #expect(!page.contains("<b>خام</b>"))
        #expect(page.contains("<time datetime=\"2023-09-20T00:00:00+03:00\">الأربعاء 20 سبتمبر 2023</time>"))
        #expect(page.contains("<bdi>غزة</bdi>"))
        #expect(page.contains("\"@type\":\"NewsArticle\""))
    }

    @Test("the front page lists newest first, paginated with rel prev and next")
    func frontPage() throws {
        let fixture = try threeArticles()
        try fixture.build()
        let first = try #require(fixture.page("index.html"))
        // The paginated list, below the lead story and the latest.
        let list = try #require(first.components(separatedBy: "<ol class=\"article-list\">").last)
        let third = try #require(list.range(of: "الخبر الثالث")), second = try #require(list.range(of: "الخبر الثاني"))
        #expect(third.lowerBound < second.lowerBound)
        #expect(!list.contains("الخبر الأول"))
        #expect(first.contains("<link rel=\"next\" href=\"/page/2/\">"))
        let page2 = try #require(fixture.page("page/2/index.html"))
        #expect(page2.contains("الخبر الأول"))
        #expect(page2.contains("<link rel=\"prev\" href=\"/\">"))
    }

    @Test("a broken article is reported by path and line; the others are written")
    func brokenArticle() throws {
        let fixture = try threeArticles()
        try fixture.write("2023/broken.md", "---\ntitle: مكسور\ntags: [a, b\n---\nنص\n")
        let report = try fixture.build()
        #expect(!report.succeeded)
        let error = try #require(report.diagnostics.first { $0.severity == .error })
        #expect(error.description.hasPrefix("archive/2023/broken.md:"))
        #expect(error.line != nil)
        #expect(report.articles == 3)
        #expect(fixture.exists("2023/09/first/index.html") && fixture.exists("2023/09/second/index.html"))
    }

    @Test("tag pages, the tag index, sources and date archives exist and link")
    func taxonomyPages() throws {
        let fixture = try threeArticles()
        try fixture.build()
        let tag = try #require(fixture.page("tags/غزة/index.html"))
        #expect(tag.contains("الخبر الأول") && tag.contains("الخبر الثاني") && !tag.contains("الخبر الثالث"))
        let index = try #require(fixture.page("tags/index.html"))
        #expect(index.contains("href=\"/tags/%D8%BA%D8%B2%D8%A9/\""))
        #expect(fixture.exists("2023/index.html") && fixture.exists("2023/09/index.html"))
        #expect(fixture.page("2023/09/index.html")?.contains("أرشيف سبتمبر 2023") == true)
        let year = try #require(fixture.page("2023/index.html"))
        #expect(year.components(separatedBy: "<nav class=\"months\"").count == 2, "one list of months")
        #expect(year.contains("href=\"/2023/09/\">سبتمبر 2023</a>"))
    }

    @Test("drafts are published only when asked")
    func drafts() throws {
        let fixture = try threeArticles()
        try fixture.write("draft.md", ArchiveFixture.markdown(title: "مسودة", date: "2023-09-23", extra: "draft: true\n"))
        try fixture.build()
        #expect(!fixture.exists("2023/09/draft/index.html"))
        try fixture.build(drafts: true)
        #expect(fixture.exists("2023/09/draft/index.html"))
    }

    @Test("the seed archive builds: two articles linked by read-also, tags as links")
    func seed() throws {
        let fixture = try ArchiveFixture()
        for name in ["000_c303f4979fb2cf0a.txt", "000_c303f4979fb2cf0a.yml", "site.yml"] {
            try fixture.write(name, try Data(contentsOf: seedsFolder.appendingPathComponent(name)))
        }
        let report = try fixture.build()
        #expect(report.succeeded && report.articles == 2)
        let page = try #require(fixture.page("2023/09/000_c303f4979fb2cf0a/index.html"))
        #expect(page.contains("إقرأ أيضاً"))
        #expect(page.contains("وزارة الدفاع الروسية: حررنا بلدة جديدة في دونيتسك</a>"))
        #expect(page.contains("rel=\"tag\"><bdi>الأرمن في ناغورني كاراباخ</bdi>"))
        #expect(page.contains("بوابة الوفد"))
    }
}
