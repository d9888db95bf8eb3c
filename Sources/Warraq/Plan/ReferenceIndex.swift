import Foundation

/// Finds the article a "read also" reference means: by slug, by file path, or by normalised title.
struct ReferenceIndex {
    let bySlug: [String: Int]
    /// By file name, for references written as paths.
    let byFileName: [String: [Int]]
    /// Newest first, so a title used twice resolves to the newer article.
    let byTitle: [String: [Int]]

    let articles: [Article]

    init(articles: [Article], foldedTitles: [String]) {
        self.articles = articles
        var bySlug: [String: Int] = [:], byFileName: [String: [Int]] = [:], byTitle: [String: [Int]] = [:]
        for (index, article) in articles.enumerated() {
            if bySlug[article.slug] == nil { bySlug[article.slug] = index }
            // The file's name after its last slash (Foundation's `lastPathComponent` cost a third of this index).
            if article.line == 1 {
                let name = article.file.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(article.file[article.file.index(after: $0)...]) } ?? article.file
                byFileName[name, default: []].append(index)
            }
            byTitle[foldedTitles[index], default: []].append(index)
        }
        self.bySlug = bySlug
        self.byFileName = byFileName
        self.byTitle = byTitle
    }

    func resolve(_ reference: String, from index: Int) -> Int? {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        let path = trimmed.split(separator: "/").filter { !$0.isEmpty }
        if let last = path.last, let match = bySlug[Slug.make(String(last))], match != index { return match }
        if let match = byTitle[ArabicText.fold(trimmed)]?.first(where: { $0 != index }) { return match }
        let name = (trimmed as NSString).lastPathComponent
        return byFileName[name]?.first { candidate in
            candidate != index && (articles[candidate].file == trimmed || articles[candidate].file.hasSuffix("/" + trimmed))
        }
    }
}
