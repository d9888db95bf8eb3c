import Foundation
import Testing
@testable import Warraq
import Templates

@Suite("Page views: what a site's own template can name, and what makes a page render again")
struct PageViewTests {
    static let override = """
        {{<base}}
        {{$main}}
        <h1>{{article.title}}</h1>
        <p class="edition">{{article.params.edition}}</p>
        <p class="desk">{{#article.params.desk}}{{name}} ({{floor}}){{/article.params.desk}}</p>
        <ul>{{#article.params.sections}}<li>{{.}}</li>{{/article.params.sections}}</ul>
        <p>{{artcle.lead}}</p>
        {{/main}}
        {{/base}}

        """

    func archive() throws -> ArchiveFixture {
        try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\n",
            "a.md": ArchiveFixture.markdown(title: "خبر", date: "2023-09-20",
                                            extra: "edition: المسائية\ndesk:\n  name: الاقتصاد\n  floor: 3\nsections: [محليات, دولي]\n"),
            "templates/article.mustache": Self.override,
        ])
    }

    @Test("front matter of the writer's own reaches the page: text, a map's keys, a list's items")
    func params() throws {
        let fixture = try archive()
        try fixture.build()
        let page = try #require(fixture.page("2023/09/a/index.html"))
        #expect(page.contains("<p class=\"edition\">المسائية</p>"))
        #expect(page.contains("<p class=\"desk\">الاقتصاد (3)</p>"))
        #expect(page.contains("<ul><li>محليات</li><li>دولي</li></ul>"))
    }

    @Test("an override naming what no page gives is a warning at its line; params below it are the writer's own")
    func unknownName() throws {
        let fixture = try archive()
        let report = try fixture.build()
        let warnings = report.diagnostics.filter { $0.path.hasSuffix("templates/article.mustache") }
        #expect(warnings.map(\.line) == [7])
        #expect(warnings.first?.message.contains("'artcle.lead'") == true)
    }

    @Test("the names come from the views themselves, at every depth")
    func names() {
        for name in ["site", "page", "article", "read_also", "also_published", "json_ld", "thumbnail", "count_label",
                     "pagination", "gap", "current", "front", "sections", "taxonomy", "is_letter", "archive", "months", "bundle"] {
            #expect(TemplateNames.all.contains(name), "\(name)")
        }
        #expect(!TemplateNames.all.contains("artcle"))
    }

    @Test("a fingerprint follows the view: a changed param renders the page again, nothing else does")
    func fingerprint() throws {
        let fixture = try archive()
        try fixture.build()
        let again = try fixture.build()
        #expect(again.rendered == 0 || again.written.isEmpty)
        try fixture.write("a.md", ArchiveFixture.markdown(title: "خبر", date: "2023-09-20",
                                                        extra: "edition: الصباحية\ndesk:\n  name: الاقتصاد\n  floor: 3\nsections: [محليات, دولي]\n"))
        let changed = try fixture.build()
        #expect(changed.written.contains("2023/09/a/index.html"))
        #expect(!changed.written.contains("index.html"), "the front page does not show params")
        #expect(fixture.page("2023/09/a/index.html")?.contains("الصباحية") == true)
    }

    @Test("a page's fingerprint leaves out what its template never reads: a tag's count on an article page")
    func unreadNames() throws {
        let theme = try Theme.load()
        let reads = try #require(theme.names(readBy: "article"))
        func fingerprint(_ tag: TermView, reads: Set<String>?) -> UInt64 {
            var hash = PageHash()
            ViewFingerprint.combine(tag, into: &hash, reads: reads)
            return hash.value
        }
        let three = TermView(name: "غزة", url: "/tags/غزة/", count: "٣", count_label: "٣ مقالات", singular: "وسم")
        let four = TermView(name: "غزة", url: "/tags/غزة/", count: "٤", count_label: "٤ مقالات", singular: "وسم")
        #expect(fingerprint(three, reads: reads) == fingerprint(four, reads: reads))
        #expect(fingerprint(three, reads: nil) != fingerprint(four, reads: nil), "a template that may read anything sees the count")
        let renamed = TermView(name: "القدس", url: "/tags/القدس/", count: "٣", count_label: "٣ مقالات", singular: "وسم")
        #expect(fingerprint(renamed, reads: reads) != fingerprint(three, reads: reads))
    }

    /// Every kind a view holds, for `kindsApart`.
    struct Kinds: Encodable {
        var text = "غزة"
        var number = 1
        var flag = true
        var ratio = 0.5
        var small: UInt8 = 7
        var day = Date(timeIntervalSince1970: 1_437_500_000)
        var maybe: [String?] = ["أ", nil]
        var names: [String: String] = ["b": "ب", "a": "أ"]
        var card = CardView(title: "خبر", url: "/2015/07/a/")
        var param = Param.text("المسائية")
    }

    @Test("a fingerprint tells every kind of value apart, and is the same once its types are known")
    func kindsApart() {
        func fingerprint(_ view: Kinds) -> UInt64 {
            var hash = PageHash()
            ViewFingerprint.combine(view, into: &hash)
            return hash.value
        }
        ViewFingerprint.Kind.known.withLock { $0 = [:] }
        let first = fingerprint(Kinds())
        #expect(fingerprint(Kinds()) == first, "types met before hash alike")
        var prehashed = Kinds()
        prehashed.card.fingerprint = ViewFingerprint.hash(of: prehashed.card)
        #expect(fingerprint(prehashed) != first, "a card's own hash stands for its values")
        var changes: [(String, (inout Kinds) -> Void)] = [
            ("text", { $0.text = "1" }), ("number", { $0.number = 2 }), ("flag", { $0.flag = false }),
            ("ratio", { $0.ratio = 1 }), ("small", { $0.small = 8 }), ("day", { $0.day += 1 }),
            ("nil in a list", { $0.maybe = ["أ", ""] }), ("map", { $0.names["a"] = "ا" }),
            ("card", { $0.card = CardView(title: "خبر آخر", url: "/2015/07/a/") }), ("param", { $0.param = .text("الصباحية") }),
        ]
        changes.append(("text as a number", { $0.text = "1"; $0.number = 1 }))
        for (name, change) in changes {
            var view = Kinds()
            change(&view)
            #expect(fingerprint(view) != first, "\(name)")
        }
    }
}
