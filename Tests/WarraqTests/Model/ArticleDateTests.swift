import Foundation
import Testing
@testable import Warraq

@Suite("Dates as archives write them, and as Arabic readers see them")
struct ArticleDateTests {
    let riyadh = TimeZone(identifier: "Asia/Riyadh")!

    @Test("the formats front matter and exports use", arguments: [
        ("2023-09-22", "2023-09-21T21:00:00Z"),
        ("2023-09-22 10:30", "2023-09-22T07:30:00Z"),
        ("2023-09-22T10:30:00", "2023-09-22T07:30:00Z"),
        ("2023-09-22T10:30:00Z", "2023-09-22T10:30:00Z"),
        ("2023-09-22T10:30:00.250+01:00", "2023-09-22T09:30:00Z"),
        ("2023-09-22 10:30:00 +0000", "2023-09-22T10:30:00Z"),
    ])
    func parses(_ text: String, _ utc: String) throws {
        let date = try #require(ArticleDate.parse(text, zone: riyadh))
        #expect(ArticleDate.iso8601(date, zone: TimeZone(identifier: "UTC")!) == utc)
    }

    @Test("what is not a date", arguments: ["22/09/2023", "2023-13-01", "2023-09-22T25:00", "yesterday", "2023-09-22x",
                                            "2023-02-30", "2023-02-29", "2023-04-31", "1900-02-29", "0000-01-01"])
    func rejects(_ text: String) {
        #expect(ArticleDate.parse(text, zone: riyadh) == nil)
    }

    @Test("leap days are dates", arguments: ["2024-02-29", "2000-02-29", "2023-12-31"])
    func leapDays(_ text: String) {
        #expect(ArticleDate.parse(text, zone: riyadh) != nil)
    }

    @Test("Arabic display with either digits")
    func arabicDisplay() throws {
        var config = SiteConfig()
        config.timeZone = riyadh
        let date = try #require(ArticleDate.parse("2023-09-22", zone: riyadh))
        #expect(ArabicDateFormat(config).day(date) == "22 سبتمبر 2023")
        config.arabicIndicDigits = true
        #expect(ArabicDateFormat(config).day(date) == "٢٢ سبتمبر ٢٠٢٣")
        config.monthNames = .levantine
        #expect(ArabicDateFormat(config).day(date) == "٢٢ أيلول ٢٠٢٣")
    }

    @Test("RSS dates are RFC 822 with the right weekday")
    func rfc822() throws {
        let date = try #require(ArticleDate.parse("2023-09-22T10:30:00+03:00", zone: riyadh))
        #expect(ArticleDate.rfc822(date, zone: riyadh) == "Fri, 22 Sep 2023 10:30:00 +0300")
    }
}
