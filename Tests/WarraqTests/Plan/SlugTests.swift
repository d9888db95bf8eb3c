import Testing
@testable import Warraq

@Suite("Slugs: Arabic kept, nothing that can leave the output folder")
struct SlugTests {
    @Test("Arabic letters kept, spaces as dashes, punctuation gone", arguments: [
        ("وزارة الدفاع الروسية: حررنا بلدة", "وزارة-الدفاع-الروسية-حررنا-بلدة"),
        ("الأرمن في ناغورني كاراباخ", "الأرمن-في-ناغورني-كاراباخ"),
        ("Hello World", "hello-world"),
        ("مُحَمَّد", "محمد"),
        ("000_c303f4979fb2cf0a", "000_c303f4979fb2cf0a"),
        ("كوفيد-19", "كوفيد-19"),
    ])
    func slugs(_ text: String, _ slug: String) {
        #expect(Slug.make(text) == slug)
    }

    @Test("traversal attempts cannot produce a path outside the output", arguments: [
        "../../etc/passwd", "..", ".", "/absolute", "a\\b", "nul\u{0}byte", ".hidden", "..\\..\\windows", "%2e%2e/x",
    ])
    func traversal(_ text: String) throws {
        let slug = Slug.make(text, key: text, fallbackPrefix: "tag")
        #expect(!slug.isEmpty)
        #expect(!slug.contains("/") && !slug.contains("\\") && !slug.contains("\0") && !slug.hasPrefix(".") && slug != "..")
        #expect(OutputPath.isSafeComponent(slug))
        _ = try OutputPath.folder(["tags", slug])
    }

    @Test("a tag that cleans to nothing gets a stable fallback, never the index's own path")
    func fallback() {
        let slug = Slug.make("؟!…", key: "؟!…", fallbackPrefix: "tag")
        #expect(slug.hasPrefix("tag-"))
        #expect(slug == Slug.make("؟!…", key: "؟!…", fallbackPrefix: "tag"))
        #expect(slug != "")
    }

    @Test("two keys with one slug are told apart the same way every time")
    func collisions() {
        let slugs = Slug.unique([(key: "b", slug: "غزة"), (key: "a", slug: "غزة"), (key: "c", slug: "غزة-2")])
        #expect(slugs == ["a": "غزة", "b": "غزة-2", "c": "غزة-2-2"])
    }

    @Test("long headlines give slugs a file system accepts, cut at a word")
    func longSlugs() {
        let headline = String(repeating: "خادم الحرمين الشريفين ", count: 20)
        let slug = Slug.make(headline)
        #expect(slug.count <= Slug.maximumLength && slug.utf8.count < 255)
        #expect(slug.hasSuffix("الشريفين") || slug.hasSuffix("الحرمين") || slug.hasSuffix("خادم"))
    }

    @Test("unsafe components are refused", arguments: ["..", ".", "", "a/b", "a\\b", ".git", "x\u{0}"])
    func unsafeComponents(_ component: String) {
        #expect(throws: SiteError.self) { try OutputPath(["tags", component]) }
    }

    @Test("links are percent-encoded, folders end with a slash")
    func links() throws {
        let path = try OutputPath.folder(["tags", "غزة"])
        #expect(path.file == "tags/غزة/index.html")
        #expect(path.link == "tags/%D8%BA%D8%B2%D8%A9/")
    }
}
