import Foundation
import Testing
import Mustache
@testable import Templates

@Suite("The template module: the default theme, overrides and errors")
struct ThemeTests {
    @Test("the default theme has every page template and its stylesheet")
    func defaultTheme() throws {
        let theme = try Theme.load()
        for name in Theme.requiredTemplates { #expect(theme.sources[name] != nil) }
        let css = try #require(theme.assets["warraq.css"].flatMap { String(data: $0, encoding: .utf8) })
        #expect(css.contains("Noto Naskh Arabic"))
        #expect(css.contains("prefers-color-scheme: dark"))
        #expect(css.contains("@media print"))
        // Logical properties only: the sheet must serve either direction.
        for physical in ["margin-left", "margin-right", "padding-left", "padding-right", "text-align: left", "text-align: right", "float: left", "float: right", "border-left", "border-right"] {
            #expect(!css.contains(physical), "\(physical)")
        }
    }

    @Test("everything is escaped but what the theme marks as HTML")
    func escaping() throws {
        let theme = try Theme.load()
        let html = theme.render("404", ["site": ["title": "<b>موقع</b>", "home": "/", "language": "ar", "direction": "rtl"],
                                        "page": ["title": "\"عنوان\" & <x>"]])
        #expect(html.contains("&lt;b&gt;موقع&lt;/b&gt;"))
        #expect(html.contains("&quot;عنوان&quot; &amp; &lt;x&gt;"))
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
    }

    @Test("the theme's fast escaping gives what swift-mustache's own gives", arguments: [
        "قمة \"الرياض\" & <الخليج> 'اليوم'",
        "مُحَمَّد ﷺ 🇸🇦 e\u{301} <a href='x'>&amp;</a>",
        "no escaping needed at all",
        "",
    ])
    func fastEscaping(text: String) throws {
        let plain = try MustacheTemplate(string: "{{value}}").render(["value": text])
        #expect(HTMLEscape.escape(text) == plain)
        let theme = try Theme.load()
        if !plain.isEmpty { #expect(theme.render("404", ["page": ["title": text]]).contains(plain)) }
    }

    @Test("a site's template replaces the default one of the same name")
    func override() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<p>صفحتي {{page.title}}</p>".write(to: folder.appendingPathComponent("404.mustache"), atomically: true, encoding: .utf8)
        let theme = try Theme.load(overrides: folder)
        #expect(theme.render("404", ["page": ["title": "x"]]) == "<p>صفحتي x</p>")
        #expect(theme.sources["article"]?.hasPrefix(Theme.defaultFolder.path) == true)
    }

    @Test("the names a template can read include its partials' and parent's, and none it never names")
    func namesRead() throws {
        let theme = try Theme.load()
        let article = try #require(theme.names(readBy: "article"))
        for name in ["article", "title", "read_also", "similar", "also_published", "tags", "url", "site", "stylesheet"] {
            #expect(article.contains(name), "\(name)")
        }
        #expect(!article.contains("count"), "article pages show a tag's name, not its count")
        let list = try #require(theme.names(readBy: "list"))
        #expect(list.contains("lead") && list.contains("pages"), "through article-item and pagination")
        #expect(try #require(theme.names(readBy: "terms")).contains("count"))
    }

    @Test("where a template's text cannot tell what it reads, every name counts",
          arguments: ["<p>{{#items}}{{.}}{{/items}}</p>", "{{=<% %>=}}<p><%title%></p>", "{{>*chosen}}"])
    func namesUnknown(text: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try text.write(to: folder.appendingPathComponent("404.mustache"), atomically: true, encoding: .utf8)
        guard let theme = try? Theme.load(overrides: folder) else { return }
        #expect(theme.names(readBy: "404") == nil)
        #expect(theme.names(readBy: "article") != nil)
    }

    @Test("a template that does not parse names its file and line")
    func parseError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<p>\n<p>\n{{#open}}\n".write(to: folder.appendingPathComponent("list.mustache"), atomically: true, encoding: .utf8)
        do {
            _ = try Theme.load(overrides: folder)
            Issue.record("expected an error")
        } catch {
            #expect(error.path.hasSuffix("list.mustache"))
            // The line the file itself has, whatever the theme adds before parsing.
            var expected: Int?
            do { _ = try MustacheTemplate(string: "<p>\n<p>\n{{#open}}\n") } catch let plain as MustacheTemplate.ParserError {
                expected = plain.context.lineNumber
            }
            #expect(error.line == expected)
        }
    }

    /// Loads the default theme with `files` as the site's overrides.
    func load(_ files: [String: String]) throws(ThemeError) -> Theme {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("theme-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try? text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return try Theme.load(overrides: folder)
    }

    @Test("a missing parent or partial is an error naming the template and line", arguments: [
        ("article.mustache", "<p>\n{{<nobase}}{{/nobase}}\n", "inherits from 'nobase'"),
        ("article-item.mustache", "<li>\n\n{{> no-such-part }}</li>\n", "includes the partial 'no-such-part'"),
    ])
    func missingReference(file: String, text: String, reason: String) {
        #expect {
            _ = try load([file: text])
        } throws: { error in
            guard let error = error as? ThemeError else { return false }
            return error.path.hasSuffix(file) && error.line == text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("{{") }! + 1
                && error.reason.contains(reason)
        }
    }

    @Test("a partial that includes itself, directly or through another, is an error, not a crash", arguments: [
        ["article-item.mustache": "<li>{{title}}{{> article-item}}</li>\n"],
        ["article-item.mustache": "<li>{{> pagination}}</li>\n", "pagination.mustache": "<nav>{{> article-item}}</nav>\n"],
    ])
    func recursion(files: [String: String]) {
        #expect {
            _ = try load(files)
        } throws: { error in
            (error as? ThemeError)?.reason.contains("includes itself") == true && (error as? ThemeError)?.line == 1
        }
    }

    @Test("a misspelt override is a warning with the closest theme template")
    func misspeltOverride() throws {
        let theme = try load(["artcle.mustache": "<p>{{title}}</p>\n"])
        let warning = try #require(theme.warnings.first)
        #expect(warning.path.hasSuffix("artcle.mustache"))
        #expect(warning.reason.contains("did you mean 'article.mustache'"))
        #expect(try load(["article.mustache": "<p>{{title}}</p>\n"]).warnings.isEmpty)
    }

    @Test("a syntax error says in words what is wrong")
    func syntaxInWords() {
        #expect {
            _ = try load(["list.mustache": "{{#items}}\n{{/itemz}}\n"])
        } throws: { error in
            guard let error = error as? ThemeError else { return false }
            return error.reason.contains("closed with another name") && !error.reason.contains("sectionCloseNameIncorrect")
        }
    }
}
