import Foundation
import Testing
@testable import Warraq

@Suite("Hostile input: base_url, impossible dates, broken templates")
struct HostileInputTests {
    @Test("what is refused", arguments: ["javascript://%0aalert(1)//", "javascript://example.org/", "file:///etc/", "ftp://example.org/",
                                          "https://exa\nmple.org/", "https://example.org/%0a/", "https://%0d%0aevil/", "https://exa<mple.org/"])
    func refused(_ text: String) {
        #expect(BaseURL(text) == nil, "\(text)")
    }

    @Test("what is accepted")
    func accepted() throws {
        let url = try #require(BaseURL("HTTPS://example.org/archive"))
        #expect(url.origin == "https://example.org" && url.path == "/archive/")
        #expect(BaseURL("http://127.0.0.1:1313/") != nil)
    }

    @Test("a refused base_url in site.yml is an error with its line")
    func inSiteConfig() throws {
        let fixture = try ArchiveFixture([
            "site.yml": "title: أرشيف\nbase_url: \"javascript://%0aalert(1)//\"\n",
            "a.md": ArchiveFixture.markdown(title: "خبر", date: "2023-09-20"),
        ])
        #expect {
            try fixture.build()
        } throws: { error in
            guard case SiteError.config(_, let line, let reason) = error else { return false }
            return line == 2 && reason.contains("http")
        }
    }

    @Test("an impossible calendar date is an error at its path and line")
    func impossibleDate() throws {
        let fixture = try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\n",
            "a.md": ArchiveFixture.markdown(title: "خبر", date: "2023-02-30"),
            "b.md": ArchiveFixture.markdown(title: "خبر ب", date: "0000-01-01"),
        ])
        let report = try fixture.build()
        #expect(report.diagnostics.contains { $0.severity == .error && $0.path == "archive/a.md" && $0.line == 3 })
        #expect(report.diagnostics.contains { $0.severity == .error && $0.path == "archive/b.md" && $0.line == 3 })
    }

    @Test("an override inheriting a missing parent fails the build, named as the archive is, before anything is written")
    func missingParent() throws {
        let fixture = try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\n",
            "a.md": ArchiveFixture.markdown(title: "خبر", date: "2023-09-20"),
            "templates/article.mustache": "{{<nobase}}\n{{$content}}x{{/content}}\n{{/nobase}}\n",
        ])
        #expect {
            try fixture.build()
        } throws: { error in
            guard case SiteError.template(let path, let line, let reason) = error else { return false }
            return path == "archive/templates/article.mustache" && line == 1 && reason.contains("'nobase'")
        }
        #expect(!fixture.exists("2023/09/a/index.html"))
    }
}

@Suite("Output paths two pages would share are configuration errors naming both")
struct OutputCollisionTests {
    @Test("static/index.html against the front page")
    func staticFrontPage() throws {
        let fixture = try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\n",
            "a.md": ArchiveFixture.markdown(title: "خبر", date: "2023-09-20"),
            "static/index.html": "<p>mine</p>\n",
        ])
        #expect {
            try fixture.build()
        } throws: { error in
            guard case SiteError.config(let path, _, let reason) = error else { return false }
            return path == "static/index.html" && reason.contains("front page") && reason.contains("/index.html")
        }
    }

    @Test("two taxonomies on one segment, and a segment that is a year", arguments: [
        "taxonomies:\n  - field: tags\n    segment: topics\n  - field: source\n    segment: topics\n",
        "taxonomies:\n  - field: tags\n    segment: \"2023\"\n",
    ])
    func segments(_ yaml: String) throws {
        let fixture = try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\n" + yaml,
            "a.md": ArchiveFixture.markdown(title: "خبر", date: "2023-09-20", tags: ["غزة"], extra: "source: واس\n"),
        ])
        #expect {
            try fixture.build()
        } throws: { error in
            guard case SiteError.config(_, _, let reason) = error else { return false }
            return reason.contains("taxonomy 'tags'") && (reason.contains("taxonomy 'source'") || reason.contains("date archive of 2023"))
        }
    }
}
