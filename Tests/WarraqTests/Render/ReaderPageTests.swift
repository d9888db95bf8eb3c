import Foundation
import Testing
@testable import Warraq

@Suite("What a reader sees: direction, dates, counts, no stray marks")
struct ReaderPageTests {
    @Test("Arabic counts agree with their number")
    func counts() {
        let dates = ArabicDateFormat(SiteConfig())
        let forms = [0: "لا مقالات", 1: "مقال واحد", 2: "مقالان", 3: "3 مقالات", 10: "10 مقالات", 11: "11 مقالاً", 99: "99 مقالاً",
                     100: "100 مقال", 102: "102 مقال", 103: "103 مقالات", 111: "111 مقالاً", 1000: "1000 مقال", 5690: "5690 وسماً"]
        for (value, text) in forms where value != 5690 { #expect(dates.articles(value) == text) }
        #expect(dates.count(5690, .tags) == "5690 وسماً")
        var config = SiteConfig()
        config.arabicIndicDigits = true
        #expect(ArabicDateFormat(config).articles(11) == "١١ مقالاً")
    }

    @Test("Umm al-Qura dates of known days")
    func hijriDays() {
        let dates = ArabicDateFormat(SiteConfig())
        #expect(dates.hijriDay(2023, 9, 22) == "7 ربيع الأول 1445 هـ")
        #expect(dates.hijriDay(2024, 3, 11) == "1 رمضان 1445 هـ")  // first day of Ramadan in Saudi Arabia
        #expect(dates.hijriDay(2023, 6, 28) == "10 ذو الحجة 1444 هـ")  // Eid al-Adha
        #expect(dates.hijriDay(2025, 3, 30) == "1 شوال 1446 هـ")  // Eid al-Fitr
        #expect(dates.weekday(2023, 9, 22) == "الجمعة")
    }

    @Test("calendars: [gregorian, hijri] puts the Hijri date beside the Gregorian, with the time, digits as configured")
    func hijriOnPage() throws {
        let fixture = try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\ntime_zone: Asia/Riyadh\ncalendars: [gregorian, hijri]\n",
            "a.md": ArchiveFixture.markdown(title: "خبر", date: "2023-09-22"),
            "b.md": ArchiveFixture.markdown(title: "خبر مسائي", date: "2023-09-21T21:05:00+03:00"),
        ])
        try fixture.build()
        #expect(fixture.page("2023/09/a/index.html")?.contains(">الجمعة 22 سبتمبر 2023 - 7 ربيع الأول 1445 هـ</time>") == true)
        #expect(fixture.page("2023/09/b/index.html")?.contains(">الخميس 21 سبتمبر 2023 - 6 ربيع الأول 1445 هـ، 21:05</time>") == true)
        let arabic = try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\ncalendars: [gregorian, hijri]\ndate_digits: arab\nmonth_names: levantine\n",
            "a.md": ArchiveFixture.markdown(title: "خبر", date: "2023-09-22T08:30:00Z"),
        ])
        try arabic.build()
        #expect(arabic.page("2023/09/a/index.html")?.contains(">الجمعة ٢٢ أيلول ٢٠٢٣ - ٧ ربيع الأول ١٤٤٥ هـ، ٨:٣٠</time>") == true)
        #expect(throws: SiteError.self) {
            try ArchiveFixture(["site.yml": "calendars: [julian]\n", "a.md": ArchiveFixture.markdown(title: "خبر", date: "2023-09-22")]).build()
        }
    }

    @Test("a title that starts with a Latin word is laid out right to left: no dir=auto on titles, bodies or leads")
    func direction() throws {
        let fixture = try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\n",
            "a.md": ArchiveFixture.markdown(title: "AND SO TO BED تستضيف عرضاً في الرياض", date: "2023-09-22", tags: ["COVID-19"],
                                            body: "BBC قالت إن العرض ناجح."),
        ])
        try fixture.build()
        for path in ["2023/09/a/index.html", "index.html", "tags/covid-19/index.html"] {
            let page = try #require(fixture.page(path), "\(path): \(fixture.outputFiles())")
            #expect(page.contains("<html lang=\"ar\" dir=\"rtl\">"))
            #expect(!page.contains("dir=\"auto\""), "\(path)")
            #expect(!page.contains("dir=\"ltr\""), "\(path)")
        }
        let article = try #require(fixture.page("2023/09/a/index.html"))
        #expect(article.contains("<h1 class=\"article-title\">AND SO TO BED تستضيف عرضاً في الرياض</h1>"))
        // An embedded run of the other direction is isolated: the tag, on its page and in the article's list.
        #expect(fixture.page("tags/covid-19/index.html")?.contains("<h1><bdi>COVID-19</bdi></h1>") == true)
        #expect(article.contains("<bdi>COVID-19</bdi>"))
    }

    @Test("small glitches: no stray separator, no empty footer paragraph, the site title once on the home page, 404 not indexed")
    func glitches() throws {
        let fixture = try ArchiveFixture([
            "site.yml": "title: صحيفة الاختبار\nbase_url: https://example.org/\n",
            "a.md": "---\ntitle: خبر بلا تاريخ\nsource: واس\n---\n\nنص.\n",
            "b.md": ArchiveFixture.markdown(title: "خبر", date: "2023-09-22", tags: ["غزة"], extra: "source: واس\n"),
            "c.md": ArchiveFixture.markdown(title: "خبر آخر", date: "2023-09-21", tags: ["غزة"], extra: "source: واس\n"),
            "d.md": ArchiveFixture.markdown(title: "خبر ثالث", date: "2023-09-19", tags: ["غزة"], extra: "source: واس\n"),
        ])
        try fixture.build()
        let home = try #require(fixture.page("index.html"))
        #expect(home.components(separatedBy: "صحيفة الاختبار</a>").count - 1 == 1)
        #expect(home.contains("<h1 class=\"site-title\"><a href=\"/\" rel=\"home\">صحيفة الاختبار</a></h1>"))
        #expect(home.components(separatedBy: "<h1").count - 1 == 1)
        for page in fixture.outputFiles().filter({ $0.hasSuffix(".html") }).compactMap(fixture.page) {
            #expect(!page.contains("<p></p>") && !page.contains("<p>\n</p>"))
            for meta in page.components(separatedBy: "-meta\">").dropFirst() {
                #expect(!(meta.components(separatedBy: "</p>").first ?? "").contains("·"), "separators are the stylesheet's")
            }
        }
        // The undated article's card: its source, and nothing before it.
        #expect(home.contains("<p class=\"article-item-meta\"><span class=\"article-item-source\"><bdi>واس</bdi></span></p>"))
        #expect(fixture.page("404.html")?.contains("<meta name=\"robots\" content=\"noindex\">") == true)
        #expect(fixture.page("index.html")?.contains("noindex") == false)
        #expect(fixture.page("tags/index.html")?.contains("<p class=\"list-count\">وسم واحد</p>") == true)
        #expect(fixture.page("tags/غزة/index.html")?.contains("<p class=\"list-count\">3 مقالات</p>") == true)
        // Dates in the similar list stand apart from the titles.
        let similar = try #require(fixture.page("2023/09/b/index.html"))
        let list = try #require(similar.components(separatedBy: "<nav class=\"similar\"").last)
        #expect(list.contains("<time class=\"similar-date\""))
        #expect(!list.contains("<time datetime"))
    }
}
