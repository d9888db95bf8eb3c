import Foundation
import Templates

/// The page of an edited article, set at once from the last build's plan, for the preview to show while the
/// whole site is rebuilt. What an editor looks at after a save is the text they changed; the rebuild that
/// also brings every list, feed and read-also up to date takes seconds on a large archive.
///
/// A proof, not the page: its read-also and its terms are the last build's. So it is made only where what
/// the page shows of the plan cannot have changed (the same address, date, terms, links and picture),
/// and the rebuild's page replaces it.
public struct PageProof: Sendable {
    let plan: SitePlan
    let theme: Theme
    let archive: URL
    let archiveDisplay: String
    let includeDrafts: Bool

    /// One proofed page: where it is in the output folder (`2015/07/x/index.html`) and its bytes.
    public struct ProofedPage: Sendable, Equatable {
        public let path: String
        public let data: Data
    }

    /// The pages of the articles of `files` (relative to the archive) as they are now, or nil when any of
    /// them cannot be proofed: a file the last build did not read articles from, a file that no longer
    /// reads, an article that moved, was dated again or changed its terms, links or picture.
    public func pages(for files: [String]) -> [ProofedPage]? {
        guard !files.isEmpty else { return nil }
        let reader = ArchiveReader(folder: archive, displayPrefix: archiveDisplay, config: plan.config)
        let read = reader.read(files)
        guard !read.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        let published = read.articles.filter { includeDrafts || !$0.draft }
        var indexOf: [String: [Int: Int]] = [:]
        for (index, article) in plan.articles.enumerated() { indexOf[article.file, default: [:]][article.line] = index }
        var edited = plan
        var indexes: [Int] = []
        for file in files {
            let shown = reader.displayPath(file)
            guard let known = indexOf[shown], known.count == published.count(where: { $0.file == shown }) else { return nil }
            for article in published where article.file == shown {
                guard let index = known[article.line], Self.sameInPlan(plan.articles[index], article) else { return nil }
                edited.articles[index] = article
                indexes.append(index)
            }
        }
        let renderer = PageRenderer(plan: edited, theme: theme, archiveFolder: archive)
        var pages: [ProofedPage] = []
        for index in indexes {
            let path = plan.articlePaths[index]
            guard let data = try? renderer.render(Page(path: path, kind: .article(index))) else { return nil }
            pages.append(ProofedPage(path: path.file, data: data))
        }
        return pages
    }

    /// Whether the plan holds of `new` what it held of `old`: its address (slug and date), its place in
    /// every list (date, draft), its terms, its explicit links and its picture.
    static func sameInPlan(_ old: Article, _ new: Article) -> Bool {
        old.slug == new.slug && old.date == new.date && old.draft == new.draft && old.tags == new.tags
            && old.autoTags == new.autoTags && old.source == new.source && old.authors == new.authors && old.place == new.place
            && old.readAlso == new.readAlso && old.similarTitles == new.similarTitles && old.image == new.image
    }
}
