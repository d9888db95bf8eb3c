import Foundation
import Testing
@testable import Warraq

@Suite("Reading Markdown articles with YAML front matter")
struct MarkdownArticleReaderTests {
    let reader = MarkdownArticleReader(config: SiteConfig(), markdown: Markdown())

    @Test("front matter written with Windows line endings and a byte order mark")
    func windowsLineEndings() throws {
        let article = try reader.read("\u{FEFF}---\r\ntitle: مقال من ويندوز\r\ntags: [تقنية]\r\n---\r\n\r\nالنص الأول.\r\n", path: "w.md")
        #expect(article.title == "مقال من ويندوز")
        #expect(article.tags == ["تقنية"])
        #expect(article.bodyHTML.contains("النص الأول."))
    }

    @Test("every known key, and unknown ones kept for templates")
    func readsFrontMatter() throws {
        let article = try reader.read("""
            ---
            title: "قمة الرياض: اتفاق على خطة"
            date: 2023-09-22T10:30:00+03:00
            updated: 2023-09-23
            tags: [السياسة, الاقتصاد]
            source: وكالة الأنباء
            author: سارة أحمد
            slug: qimma
            summary: ملخص قصير
            draft: true
            read_also: [other-article]
            edition: المسائية
            ---

            الفقرة **الأولى**.

            الفقرة الثانية.
            """, path: "a/qimma.md")
        #expect(article.title == "قمة الرياض: اتفاق على خطة")
        #expect(article.tags == ["السياسة", "الاقتصاد"])
        #expect(article.source == "وكالة الأنباء")
        #expect(article.author == "سارة أحمد")
        #expect(article.slug == "qimma")
        #expect(article.summary == "ملخص قصير")
        #expect(article.draft)
        #expect(article.readAlso == [Article.Reference("other-article", line: 11)])
        #expect(article.params["edition"] == .text("المسائية"))
        #expect(article.bodyHTML.contains("<strong>الأولى</strong>"))
        #expect(article.lead == "الفقرة الأولى.")
        #expect(article.date.map { ArticleDate.iso8601($0, zone: TimeZone(identifier: "UTC")!) } == "2023-09-22T07:30:00Z")
    }

    @Test("a tags string is split on the Latin and the Arabic comma")
    func tagsString() throws {
        let article = try reader.read("---\ntitle: ع\ntags: غزة، الضفة الغربية, القدس\n---\nنص\n", path: "t.md")
        #expect(article.tags == ["غزة", "الضفة الغربية", "القدس"])
    }

    @Test("broken YAML names the file and the line")
    func brokenYAML() {
        #expect(throws: ArticleError.self) { try reader.read("---\ntitle: ok\ntags: [a, b\ndate: 2023-01-01\n---\nنص\n", path: "bad.md") }
        do {
            _ = try reader.read("---\ntitle: ok\nsource: \"unclosed\n---\nنص\n", path: "bad.md")
            Issue.record("expected an error")
        } catch {
            #expect(error.path == "bad.md")
            #expect(error.line != nil && error.line! >= 3)
            #expect(error.description.hasPrefix("bad.md:"))
        }
    }

    @Test("a bad date is an error on its own line")
    func badDate() {
        do {
            _ = try reader.read("---\ntitle: ok\ndate: 22/09/2023\n---\nنص\n", path: "d.md")
            Issue.record("expected an error")
        } catch {
            #expect(error == .invalidField(path: "d.md", line: 3, key: "date", reason: error.message.replacingOccurrences(of: "'date': ", with: "")))
            #expect(error.line == 3)
        }
    }

    @Test("front matter that is never closed")
    func unclosed() {
        #expect(throws: ArticleError.unclosedFrontMatter(path: "u.md", line: 1)) { try reader.read("---\ntitle: x\n\nنص", path: "u.md") }
    }

    @Test("raw HTML is omitted unless the site opts in; quotes stay straight")
    func rawHTML() throws {
        let text = "---\ntitle: x\n---\n<script>alert(1)</script>\n\nقال \"نعم\" <b>بوضوح</b>.\n"
        let safe = try reader.read(text, path: "h.md")
        #expect(!safe.bodyHTML.contains("<script>"))
        #expect(!safe.bodyHTML.contains("<b>"))
        #expect(safe.bodyHTML.contains("&quot;نعم&quot;"))
        let unsafe = try MarkdownArticleReader(config: SiteConfig(), markdown: Markdown(unsafeHTML: true)).read(text, path: "h.md")
        #expect(unsafe.bodyHTML.contains("<b>بوضوح</b>"))
    }

    @Test("without a title, the lead gives one")
    func derivedTitle() throws {
        let article = try reader.read("---\ndate: 2023-01-01\n---\nأعلنت الوزارة اليوم خطة جديدة، وقالت إنها ستبدأ غداً.\n", path: "n.md")
        #expect(article.title == "أعلنت الوزارة اليوم خطة جديدة")
    }
}
