import Foundation
import Testing
@testable import Warraq

@Suite("Feeds per term, as site.yml asks")
struct FeedSettingsTests {
    func archive(_ feeds: String = "") throws -> ArchiveFixture {
        try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\n" + feeds,
            "a.md": ArchiveFixture.markdown(title: "خبر أ", date: "2023-09-20", tags: ["غزة", "القدس"]),
            "b.md": ArchiveFixture.markdown(title: "خبر ب", date: "2023-09-21", tags: ["غزة"]),
        ])
    }

    @Test("by default a term has an RSS feed only, and its page links to that one; the site keeps RSS and Atom")
    func oneFormatByDefault() throws {
        let fixture = try archive()
        try fixture.build()
        #expect(fixture.exists("index.xml") && fixture.exists("atom.xml"))
        #expect(fixture.exists("tags/غزة/index.xml") && fixture.exists("tags/القدس/index.xml"))
        #expect(!fixture.exists("tags/غزة/atom.xml"))
        let page = try #require(fixture.page("tags/غزة/index.html"))
        #expect(page.contains("href=\"/tags/%D8%BA%D8%B2%D8%A9/index.xml\""))
        #expect(!page.contains("/tags/%D8%BA%D8%B2%D8%A9/atom.xml"))
        #expect(page.contains("href=\"/atom.xml\""), "the site's Atom feed is still linked")
    }

    @Test("terms: [rss, atom] with min_articles: 2 gives both feeds to the tag of two articles, none to the tag of one")
    func bothFormatsFromTwoArticles() throws {
        let fixture = try archive("feeds: {terms: [rss, atom], min_articles: 2}\n")
        try fixture.build()
        #expect(fixture.exists("tags/غزة/index.xml") && fixture.exists("tags/غزة/atom.xml"))
        #expect(!fixture.exists("tags/القدس/index.xml") && !fixture.exists("tags/القدس/atom.xml"))
        let lonely = try #require(fixture.page("tags/القدس/index.html"))
        #expect(!lonely.contains("/tags/%D8%A7%D9%84%D9%82%D8%AF%D8%B3/index.xml"), "no link to a feed that is not written")
        #expect(fixture.page("tags/غزة/index.html")?.contains("/tags/%D8%BA%D8%B2%D8%A9/atom.xml") == true)
    }

    @Test("terms: [] writes no term feed; a rebuild after the change removes the ones written before")
    func noTermFeeds() throws {
        let fixture = try archive()
        try fixture.build()
        try fixture.write("site.yml", "base_url: https://example.org/\nfeeds: {terms: []}\n")
        let report = try fixture.build()
        #expect(report.removed.contains("tags/غزة/index.xml"))
        #expect(!fixture.outputFiles().contains { $0.hasPrefix("tags/") && $0.hasSuffix(".xml") })
        #expect(fixture.exists("index.xml") && fixture.exists("atom.xml"))
    }

    @Test("an unknown format is an error at its line")
    func unknownFormat() throws {
        let fixture = try archive("feeds:\n  terms: [rss, json]\n")
        #expect {
            try fixture.build()
        } throws: { error in
            guard case SiteError.config(_, let line, let reason) = error else { return false }
            return line == 3 && reason.contains("rss or atom")
        }
    }
}
