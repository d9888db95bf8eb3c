import Foundation
import Testing
import Warraq

@Suite("warraq new: a site and an article to start from")
struct NewCommandTests {
    @Test("new site writes an archive that builds without a warning")
    func newSiteBuilds() throws {
        let scratch = try Scratch()
        let created = try WarraqRun.run(["new", "site", "أرشيفي"], in: scratch.root)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("أرشيفي/site.yml") && created.stdout.contains("أرشيفي/_README.md"))
        #expect(scratch.exists("أرشيفي/templates") && scratch.exists("أرشيفي/static"))
        let readme = try #require(scratch.read("أرشيفي/_README.md"))
        #expect(readme.contains("`templates/`") && readme.contains("`static/`"))

        let built = try WarraqRun.run(["build", "أرشيفي", "--output", "Public"], in: scratch.root)
        #expect(built.status == 0)
        #expect(built.stderr.isEmpty, "no diagnostic: \(built.stderr)")
        #expect(built.stdout.contains("1 articles") && built.stdout.contains("0 errors, 0 warnings"))
        #expect(scratch.read("Public/index.html")?.contains("أهلاً بك في أرشيفك الجديد") == true)
    }

    @Test("the new site.yml names every key Warraq reads, each with a comment, and reads without a warning")
    func siteYAMLHasEveryKey() throws {
        let scratch = try Scratch()
        #expect(try WarraqRun.run(["new", "site", "site"], in: scratch.root).status == 0)
        let text = try #require(scratch.read("site/site.yml"))
        let keys = ["title", "description", "base_url", "language", "direction", "page_size", "time_zone", "date_digits",
                    "month_names", "markdown", "unsafe", "smart_quotes", "read_also", "similar", "time_weight", "half_life_days",
                    "tag_weight", "text_weight", "feeds", "items", "full_content", "taxonomies"]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for key in keys {
            let line = try #require(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(key):") }, "\(key) is in site.yml")
            #expect(lines[line - 1].trimmingCharacters(in: .whitespaces).hasPrefix("#") || lines[line].contains("#"),
                    "\(key) has a comment of its own")
        }
        let (config, warnings) = try SiteConfigReader(path: scratch.url("site/site.yml").path).read()
        #expect(warnings.isEmpty)
        #expect(config.taxonomies.count == 3)
    }

    @Test("new site refuses a folder that holds anything, and writes nothing into it")
    func newSiteRefusesNonEmptyFolder() throws {
        let scratch = try Scratch()
        try scratch.write("mine/.notes", "مسودات")
        let run = try WarraqRun.run(["new", "site", "mine"], in: scratch.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("mine: error: is not empty; nothing was written"))
        #expect(Set(scratch.snapshot("mine").keys) == [".notes"])
    }

    @Test("new article files a draft under its month in the site's time zone, with an Arabic file name")
    func newArticle() throws {
        let scratch = try Scratch()
        try scratch.write("archive/site.yml", "time_zone: Asia/Riyadh\n")
        // 22:30 UTC on 30 September is already 1 October in Riyadh.
        let run = try WarraqRun.run(["new", "article", "قمة الرياض: اتفاق على خطة", "--archive", "archive",
                                     "--date", "2023-09-30T22:30:00Z", "--tags", "السياسة، الاقتصاد", "--tags", "قمة"], in: scratch.root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "archive/2023/10/قمة-الرياض-اتفاق-على-خطة.md\n")
        let text = try #require(scratch.read("archive/2023/10/قمة-الرياض-اتفاق-على-خطة.md"))
        #expect(text.hasPrefix("""
            ---
            title: "قمة الرياض: اتفاق على خطة"
            date: 2023-10-01T01:30:00+03:00
            tags: ["السياسة", "الاقتصاد", "قمة"]
            draft: true
            ---

            """))

        // A draft: published only with --drafts, at the address its file name promises.
        #expect(try WarraqRun.run(["build", "archive", "-o", "Public"], in: scratch.root).stdout.hasPrefix("0 articles"))
        #expect(try WarraqRun.run(["build", "archive", "-o", "Public", "--drafts"], in: scratch.root).status == 0)
        #expect(scratch.exists("Public/2023/10/قمة-الرياض-اتفاق-على-خطة/index.html"))
    }

    @Test("new article never overwrites a file")
    func newArticleRefusesOverwrite() throws {
        let scratch = try Scratch()
        try scratch.write("archive/2023/09/خبر.md", "---\ntitle: خبر\n---\nنص كتبه محرر.\n")
        let run = try WarraqRun.run(["new", "article", "خبر", "--archive", "archive", "--date", "2023-09-22"], in: scratch.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("archive/2023/09/خبر.md: error: already exists; not overwritten"))
        #expect(scratch.read("archive/2023/09/خبر.md") == "---\ntitle: خبر\n---\nنص كتبه محرر.\n")
    }

    @Test("new article without a date is dated now; a date it cannot read is a usage error")
    func newArticleDates() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(at: scratch.url("archive"), withIntermediateDirectories: true)
        let now = try WarraqRun.run(["new", "article", "عاجل", "--archive", "archive"], in: scratch.root)
        #expect(now.status == 0)
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        #expect(now.stdout.hasPrefix("archive/\(c.year!)/") && now.stdout.hasSuffix("/عاجل.md\n"))
        let bad = try WarraqRun.run(["new", "article", "عاجل", "--archive", "archive", "--date", "أمس"], in: scratch.root)
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("'أمس' is not a date"))
    }
}
