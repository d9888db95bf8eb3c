import Foundation

/// An article as `warraq new article` starts it: front matter with the title, the date in the site's
/// time zone, the tags and `draft: true`, filed at `YYYY/MM/<slug>.md`, the month folder of its address.
public struct NewArticle: Sendable {
    public var title: String
    public var date: Date
    public var tags: [String]
    public var draft = true
    /// Markdown under the front matter.
    public var body = "اكتب نص المقال هنا. الفقرة الأولى تصير ملخّصه في القوائم والخلاصات.\n"

    public init(title: String, date: Date, tags: [String] = []) {
        self.title = title
        self.date = date
        self.tags = tags
    }

    /// Tags as typed on a command line: several options, each split on `,` and `،` like front matter.
    public static func tags(_ arguments: [String]) -> [String] {
        arguments.flatMap { $0.split(whereSeparator: { $0 == "," || $0 == "،" }) }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Where the article goes inside the archive: `2026/12/قمة-الرياض.md`.
    public func relativePath(zone: TimeZone) throws(ScaffoldError) -> String {
        let slug = Slug.make(title)
        guard !slug.isEmpty else { throw ScaffoldError(path: title, "the title has no letter or digit to name a file with") }
        let day = ArticleDate.components(date, zone: zone)
        return String(format: "%04d/%02d/", day.year, day.month) + slug + ".md"
    }

    public func text(zone: TimeZone) -> String {
        var yaml = "---\n"
        yaml += "title: \(MarkdownFile.quoted(title))\n"
        yaml += "date: \(ArticleDate.iso8601(date, zone: zone))\n"
        yaml += "tags: [\(tags.map(MarkdownFile.quoted).joined(separator: ", "))]\n"
        yaml += "draft: \(draft)\n"
        return yaml + "---\n\n" + body
    }

    /// Writes the article into `archive` and returns its path inside it; an existing file is never overwritten.
    @discardableResult
    public func write(into archive: URL, archiveDisplay: String, zone: TimeZone) throws(ScaffoldError) -> String {
        let relative = try relativePath(zone: zone)
        let shown = (archiveDisplay.hasSuffix("/") ? archiveDisplay : archiveDisplay + "/") + relative
        let url = archive.appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: url.path) else { throw ScaffoldError(path: shown, "already exists; not overwritten") }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // withoutOverwriting: also when another process wrote the file since the check above.
            try Data(text(zone: zone).utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            throw ScaffoldError(path: shown, "cannot be written: \(error.localizedDescription)")
        }
        return relative
    }
}
