import Foundation
import Testing
@testable import Warraq

@Suite("Reading scraped news pages")
struct ScrapedPageTests {
    let reader = ScrapedArticleReader(config: SiteConfig(), markdown: Markdown())

    func seed() throws -> ScrapedArticleReader.Result {
        let text = try String(contentsOf: seedsFolder.appendingPathComponent("000_c303f4979fb2cf0a.txt"), encoding: .utf8)
        return try reader.read(text, path: "seeds/000_c303f4979fb2cf0a.txt", sidecar: nil)
    }

    @Test("the seed: tags recovered from the tag line, as the body spells them")
    func seedTags() throws {
        let article = try seed().articles[0]
        #expect(article.tags == [
            "كاراباخ", "أذربيجان", "المقاتلين الأرمن", "أرمينيا", "الرئيس الأذربيجاني",
            "الأرمن في ناغورني كاراباخ", "حفظ السلام الروسية", "إطلاق النار",
        ])
        let warnings = try seed().warnings.map(\.message)
        #expect(warnings.contains { $0.contains("'إلى أن'") })
        // "المنطقة" is what is left of "إطلاق النار فی المنطقة" once "فی" is dropped: not a tag.
        #expect(warnings.contains { $0.contains("'فی المنطقة'") })
    }

    @Test("the seed: source, derived title, similar titles, no boilerplate or widget in the body")
    func seedArticle() throws {
        let article = try seed().articles[0]
        #expect(article.source == "بوابة الوفد")
        #expect(article.title == "أفاد مستشار رئاسي أن أذربيجان تعتزم إصدار عفو عن المقاتلين الأرمن في ناغورني كاراباخ")
        #expect(article.similarTitles.count == 10)
        #expect(article.similarTitles.first == "الدفاعات الروسية تسقط 50 مسيرة أوكرانية غربى البلاد")
        #expect(article.similarTitles.last == "الدفاع الروسية تعلن تدمير 9 مقاتلات أوكرانية بينها 7 من طراز \"سو-27\"")
        for absent in ["(شاهد)", "اضغط هنا", "المصدر:", "كلمات دلالية", "إقرأ أيضاً", "مقالات مشابهة", "حررنا بلدة"] {
            #expect(!article.bodyHTML.contains(absent), "body holds \(absent)")
        }
        #expect(article.bodyHTML.contains("عقب ذلك وصلت قوات حفظ سلام روسية"))
        #expect(article.readAlso.map(\.target) == ["وزارة الدفاع الروسية: حررنا بلدة جديدة في دونيتسك"])
    }

    @Test("the seed: the embedded read-also article is an article of its own")
    func seedFeatured() throws {
        let featured = try seed().articles[1]
        #expect(featured.title == "وزارة الدفاع الروسية: حررنا بلدة جديدة في دونيتسك")
        #expect(featured.lead.hasPrefix("قالت وزارة الدفاع الروسية في بيان لها، إنها حررت بلدة \"نوفي\""))
        #expect(!featured.bodyHTML.contains("الكرملين: الرئيس التركي"))
        #expect(featured.bodyHTML.contains("أسطول البحر الأسود يدمر 3 زوارق"))
        #expect(!featured.bodyHTML.contains("•"))
        #expect(featured.line > 50)
    }

    @Test("text is never read as Markdown")
    func notMarkdown() throws {
        let page = "1. ليست قائمة\n\n# ليس عنواناً\n\nنجمة * هنا و _هنا_ و <b>وسم</b>.\n"
        let article = try reader.read(page, path: "p.txt", sidecar: nil).articles[0]
        #expect(article.bodyHTML.contains("<p>1. ليست قائمة</p>"))
        #expect(article.bodyHTML.contains("<p># ليس عنواناً</p>"))
        #expect(article.bodyHTML.contains("&lt;b&gt;وسم&lt;/b&gt;"))
        #expect(!article.bodyHTML.contains("<ol>") && !article.bodyHTML.contains("<h1>") && !article.bodyHTML.contains("<em>"))
    }

    @Test("markers missing: all of it is body")
    func noMarkers() throws {
        let read = try reader.read("فقرة أولى من الخبر.\n\nفقرة ثانية.\n", path: "m.txt", sidecar: nil)
        #expect(read.articles.count == 1)
        #expect(read.articles[0].tags.isEmpty && read.articles[0].source == nil && read.articles[0].readAlso.isEmpty)
    }

    @Test("markers misspelled or repeated")
    func misspelledAndRepeated() throws {
        let page = """
            الخبر الأول هنا.

            المصدر: الأولى

            المصدر: الثانية

            اقرأ ايضا:

            عنوان الخبر الثاني

            نص الخبر الثاني.

            اقرأ أيضًا

            مقالات مشابهة
            • عنوان مشابه
            """
        let read = try reader.read(page, path: "r.txt", sidecar: nil)
        #expect(read.articles.count == 2)
        #expect(read.articles[0].source == "الأولى")
        #expect(read.articles[1].title == "عنوان الخبر الثاني")
        #expect(read.articles[0].similarTitles == ["عنوان مشابه"])
        #expect(read.warnings.count == 2)
        #expect(read.warnings.allSatisfy { $0.path == "r.txt" && $0.line != nil })
    }

    @Test("a sidecar wins over what is derived")
    func sidecar() throws {
        let read = try reader.read("نص الخبر، وتفاصيله.\n\nكلمات دلالية: الخبر\n", path: "s.txt",
                                   sidecar: (text: "title: عنوان من الملف\ndate: 2023-09-22\ntags: [وسم]\n", path: "s.yml"))
        #expect(read.articles[0].title == "عنوان من الملف")
        #expect(read.articles[0].tags == ["وسم"])
        #expect(read.articles[0].date != nil)
    }

    @Test("an empty file is an error naming it")
    func empty() {
        #expect(throws: ArticleError.empty(path: "e.txt")) { try reader.read(" \n\u{00A0}\n", path: "e.txt", sidecar: nil) }
    }

    @Test("a file that is not UTF-8 is an error with the byte offset")
    func notUTF8() {
        var data = Data("نص صحيح".utf8)
        let offset = data.count
        data.append(contentsOf: [0xC3, 0x28])
        #expect(throws: ArticleError.notUTF8(path: "x.txt", byteOffset: offset)) { try UTF8Text.decode(data, path: "x.txt") }
    }
}
