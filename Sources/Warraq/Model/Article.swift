import Foundation

/// One news article as the archive holds it, whichever format it was written in.
public struct Article: Sendable {
    /// The file it came from, relative to the archive folder; every diagnostic names it.
    public var file: String
    /// The line of `file` it starts at: 1, or further down for an article embedded in a scraped page.
    public var line: Int = 1
    public var title: String
    public var date: Date?
    public var updated: Date?
    /// Tags as the writer spelled them, in the writer's order.
    public var tags: [String] = []
    /// Tags suggested by `warraq import --auto-tags` (front matter `auto_tags`): shown like the others,
    /// weaker evidence for read-also.
    public var autoTags: [String] = []
    public var source: String?
    /// The people who wrote it, in byline order (never a place or an agency: see `Byline`).
    public var authors: [String] = []
    /// The first author, for what names one writer (feeds, JSON-LD's single author).
    public var author: String? {
        get { authors.first }
        set { authors = newValue.map { [$0] } ?? [] }
    }
    /// Where it was filed from: the dateline (الرياض, لندن).
    public var place: String?
    /// Who supplied it when not the paper's own writers: an agency (واس, رويترز) or the paper's desk.
    public var credit: String?
    /// The last part of the article's URL; from front matter, else from the file name or title.
    public var slug: String
    public var summary: String?
    public var draft = false
    /// The body as HTML and as words, kept out of memory once the article cache holds it.
    public var body = ArticleBody.empty
    /// The body as HTML, rendered once by libcmark when the article is read.
    public var bodyHTML: String {
        get { body.html }
        set { body = ArticleBody(html: newValue, lead: body.lead, text: body.text) }
    }
    /// The first paragraph as plain text: the lead shown under a featured "read also" link and in feeds.
    public var lead: String {
        get { body.lead }
        set { body = ArticleBody(html: body.html, lead: newValue, text: body.text) }
    }
    /// Words of the title and the body, for finding similar articles.
    public var text: String {
        get { body.text }
        set { body = ArticleBody(html: body.html, lead: body.lead, text: newValue) }
    }
    /// What the writer or the scraped page names as "read also" (إقرأ أيضاً), in order.
    public var readAlso: [Reference] = []
    /// The headlines a scraped page lists under "similar articles" (مقالات مشابهة).
    public var similarTitles: [String] = []
    /// The picture it leads with, if any.
    public var image: ArticleImage?
    /// Front matter keys Warraq has no meaning for; they reach the templates as `params`.
    public var params: [String: Param] = [:]

    public init(file: String, title: String, slug: String) {
        self.file = file
        self.title = title
        self.slug = slug
    }

    /// A link to another article by slug, path or title, with where it was written for warnings.
    public struct Reference: Sendable, Equatable {
        public var target: String
        public var line: Int
        public init(_ target: String, line: Int) {
            self.target = target
            self.line = line
        }
    }
}
