import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Warraq

@Suite("Published output: feeds, sitemaps, metadata, base paths")
struct PublishingTests {
    func archive() throws -> ArchiveFixture {
        try ArchiveFixture([
            "site.yml": "title: أرشيف & <أخبار>\nbase_url: https://example.org/archive/\ntime_zone: Asia/Riyadh\n",
            "a.md": ArchiveFixture.markdown(title: "خبر \"أ\" & <ب>", date: "2023-09-20T10:00:00", tags: ["غزة"], extra: "author: كاتب\n"),
            "b.md": ArchiveFixture.markdown(title: "خبر ب", date: "2023-09-21", tags: ["القدس", "غزة"]),
            "c.md": ArchiveFixture.markdown(title: "خبر قديم", date: "2022-01-05", tags: ["الرياض"]),
        ])
    }

    /// Parses XML and returns the text of every element with the given name.
    func texts(_ xml: String, _ element: String) throws -> [String] {
        let collector = ElementCollector(element)
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        return collector.values
    }

    @Test("RSS: absolute links, RFC 822 dates, escaped Arabic text")
    func rss() throws {
        let fixture = try archive()
        try fixture.build()
        let rss = try #require(fixture.page("index.xml"))
        #expect(rss.contains("xml:lang=\"ar\""))
        #expect(try texts(rss, "title").contains("خبر \"أ\" & <ب>"))
        #expect(try texts(rss, "link").allSatisfy { $0.hasPrefix("https://example.org/archive/") })
        #expect(try texts(rss, "pubDate").contains("Wed, 20 Sep 2023 10:00:00 +0300"))
        let tagFeed = try #require(fixture.page("tags/غزة/index.xml"))
        #expect(try texts(tagFeed, "item").count == 2)
    }

    @Test("XML text: markup escaped, characters XML forbids dropped, Arabic untouched")
    func xmlEscaping() {
        #expect(XMLText.escape("قمة \"الرياض\" & <الخليج> 'اليوم'") == "قمة &quot;الرياض&quot; &amp; &lt;الخليج&gt; &#39;اليوم&#39;")
        #expect(XMLText.escape("سطر\u{0B}\u{1B}أول\tثان\n\u{FFFF}ثالث\u{FFFE}") == "سطرأول\tثان\nثالث")
        #expect(XMLText.escape("ﷺ \u{FFFD} 🇸🇦") == "ﷺ \u{FFFD} 🇸🇦")
    }

    @Test("Atom: RFC 3339 dates, xml:lang")
    func atom() throws {
        let fixture = try archive()
        try fixture.build()
        let atom = try #require(fixture.page("atom.xml"))
        #expect(atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"ar\">"))
        #expect(try texts(atom, "published").contains("2023-09-20T10:00:00+03:00"))
        #expect(try texts(atom, "entry").count == 3)
    }

    @Test("sitemaps: every loc is a written page; the news sitemap holds the last two days")
    func sitemaps() throws {
        let fixture = try archive()
        try fixture.build()
        let locs = try texts(try #require(fixture.page("sitemap.xml")), "loc")
        #expect(locs.count > 5)
        for loc in locs {
            let path = String(loc.dropFirst("https://example.org/archive/".count)).removingPercentEncoding!
            #expect(fixture.exists(path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path), "\(loc)")
        }
        let news = try #require(fixture.page("news-sitemap.xml"))
        #expect(try texts(news, "news:title").sorted() == ["خبر \"أ\" & <ب>", "خبر ب"].sorted())
        #expect(fixture.page("robots.txt")?.contains("Sitemap: https://example.org/archive/sitemap.xml") == true)
    }

    @Test("a sub-path build: every internal link and asset resolves to a written file")
    func subPathLinks() throws {
        let fixture = try archive()
        try fixture.build()
        var checked = 0
        for file in fixture.outputFiles() where file.hasSuffix(".html") {
            for link in links(in: fixture.page(file)!) {
                guard !link.hasPrefix("https://example.org/archive/") || link.contains("/archive/") else { continue }
                let local = link.hasPrefix("https://example.org") ? String(link.dropFirst("https://example.org".count)) : link
                guard local.hasPrefix("/") else { continue }
                #expect(local.hasPrefix("/archive/"), "\(file): \(link)")
                let path = String(local.dropFirst("/archive/".count)).removingPercentEncoding!
                #expect(fixture.exists(path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path), "\(file): \(link)")
                checked += 1
            }
        }
        #expect(checked > 50)
        #expect(fixture.exists("404.html") && fixture.exists(".nojekyll"))
    }

    @Test("--base-url overrides the configured one")
    func baseURLOverride() throws {
        let fixture = try archive()
        try fixture.build(baseURL: "http://127.0.0.1:1313/")
        #expect(fixture.page("index.html")?.contains("href=\"/assets/warraq.css\"") == true)
    }

    @Test("article metadata: OpenGraph, Twitter card, JSON-LD NewsArticle")
    func metadata() throws {
        let fixture = try archive()
        try fixture.build()
        let page = try #require(fixture.page("2023/09/a/index.html"))
        #expect(page.contains("<meta property=\"og:title\" content=\"خبر &quot;أ&quot; &amp; &lt;ب&gt;\">"))
        #expect(page.contains("<meta name=\"twitter:card\" content=\"summary\">"))
        let json = try #require(page.components(separatedBy: "<script type=\"application/ld+json\">").last?.components(separatedBy: "</script>").first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["@type"] as? String == "NewsArticle")
        #expect(object["headline"] as? String == "خبر \"أ\" & <ب>")
        #expect(object["inLanguage"] as? String == "ar")
        #expect(object["datePublished"] as? String == "2023-09-20T10:00:00+03:00")
        #expect((object["author"] as? [String: Any])?["name"] as? String == "كاتب")
        #expect(object["keywords"] as? [String] == ["غزة"])
    }
}

final class ElementCollector: NSObject, XMLParserDelegate {
    let name: String
    var values: [String] = []
    private var depth = 0
    private var current = ""

    init(_ name: String) {
        self.name = name
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if elementName == name { depth += 1; current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if depth > 0 { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == name {
            depth -= 1
            values.append(current)
        }
    }
}
