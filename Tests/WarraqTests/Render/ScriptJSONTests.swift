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

    /// The same value as Foundation objects, for JSONSerialization.
    func foundationObject(_ value: ScriptJSON) -> Any {
        switch value {
        case .text(let text): return text
        case .list(let items): return items.map(foundationObject)
        case .object(let object): return object.mapValues(foundationObject)
        case .flag(let flag): return flag
        case .integer(let number): return number
        case .null: return NSNull()
        }
    }

    @Test("a NewsArticle with quotes, backslashes, slashes, controls, markup and Arabic")
    func sameBytes() throws {
        let object: ScriptJSON = [
            "@context": "https://schema.org", "@type": "NewsArticle",
            "headline": "قمة \"الرياض\" \\ </script><b> & 'اليوم' \u{1}\u{8}\u{c}\n\r\t\u{1f}",
            "author": [["@type": "Person", "name": "سارة أحمد"], ["@type": "Person", "name": "علي/حسن"]],
            "keywords": ["غزة", "الشرق الأوسط", "🇸🇦", "\u{2028}"],
            "publisher": ["@type": "Organization", "name": "عكاظ"],
            "datePublished": "2023-09-20T10:00:00+03:00",
        ]
        #expect(object.encoded == (try foundation(foundationObject(object))))
        #expect(!object.encoded.contains("</script>"))
    }
}
