import Foundation
import Testing
@testable import Warraq

@Suite("New articles and new sites")
struct NewArticleTests {
    let riyadh = TimeZone(identifier: "Asia/Riyadh")!

    @Test("the file goes under the month of the site's zone, named by the title's Arabic slug")
    func path() throws {
        let date = try #require(ArticleDate.parse("2023-09-30T22:30:00Z", zone: riyadh))
        let article = NewArticle(title: "قمة الرياض: اتفاق على خطة", date: date)
        #expect(try article.relativePath(zone: riyadh) == "2023/10/قمة-الرياض-اتفاق-على-خطة.md")
        #expect(try article.relativePath(zone: TimeZone(identifier: "UTC")!) == "2023/09/قمة-الرياض-اتفاق-على-خطة.md")
        #expect(throws: ScaffoldError.self) { try NewArticle(title: "؟!", date: date).relativePath(zone: riyadh) }
    }

    @Test("tags from the command line split on , and ، like front matter")
    func tags() {
        #expect(NewArticle.tags(["السياسة، الاقتصاد", " غزة ,", "القدس"]) == ["السياسة", "الاقتصاد", "غزة", "القدس"])
    }

    @Test("what new article writes reads back as the same draft")
    func readsBack() throws {
        let fixture = try ArchiveFixture(["site.yml": "base_url: https://example.org/\ntime_zone: Asia/Riyadh\n"])
        let date = try #require(ArticleDate.parse("2023-09-22T10:30:00+03:00", zone: riyadh))
        let relative = try NewArticle(title: "عنوان \"مقتبس\"", date: date, tags: ["وسم"]).write(into: fixture.archive, archiveDisplay: "archive", zone: riyadh)
        let planned = try SiteBuild(BuildOptions(archive: fixture.archive, output: fixture.output, includeDrafts: true)).plan().plan
        #expect(planned.articles.map(\.title) == ["عنوان \"مقتبس\""])
        #expect(planned.articles.first?.tags == ["وسم"] && planned.articles.first?.draft == true)
        #expect(planned.articles.first?.date == date)
        #expect(relative == "2023/09/عنوان-مقتبس.md")
    }

    @Test("a new site builds with no warning, and is written only into an empty folder")
    func site() throws {
        let fixture = try ArchiveFixture()
        let folder = fixture.root.appendingPathComponent("site")
        try SiteScaffold(folder: folder, display: "site").write()
        let report = try SiteBuild(BuildOptions(archive: folder, output: fixture.output)).run()
        #expect(report.diagnostics.isEmpty && report.articles == 1)
        #expect(throws: ScaffoldError.self) { try SiteScaffold(folder: folder).write() }
    }
}
