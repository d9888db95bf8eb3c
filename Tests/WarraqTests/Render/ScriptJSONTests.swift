import Foundation
import Testing
@testable import Warraq

@Suite("JSON-LD written by hand, byte for byte as Foundation wrote it")
struct ScriptJSONTests {
    /// What the page carried before: Foundation's JSON with the three replacements that keep a script closed.
    func foundation(_ object: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: ">", with: "\\u003e").replacingOccurrences(of: "&", with: "\\u0026")
    }

    @Test("a NewsArticle with quotes, backslashes, slashes, controls, markup and Arabic")
    func sameBytes() throws {
        let object: [String: Any] = [
            "@context": "https://schema.org", "@type": "NewsArticle",
            "headline": "قمة \"الرياض\" \\ </script><b> & 'اليوم' \u{1}\u{8}\u{c}\n\r\t\u{1f}",
            "author": [["@type": "Person", "name": "سارة أحمد"], ["@type": "Person", "name": "علي/حسن"]],
            "keywords": ["غزة", "الشرق الأوسط", "🇸🇦", "\u{2028}"],
            "publisher": ["@type": "Organization", "name": "عكاظ"],
            "datePublished": "2023-09-20T10:00:00+03:00",
        ]
        #expect(ScriptJSON.encode(object) == (try foundation(object)))
        #expect(!ScriptJSON.encode(object).contains("</script>"))
    }
}
