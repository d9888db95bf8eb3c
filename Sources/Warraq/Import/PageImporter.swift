import Foundation

/// Writes what Warraq understood of scraped pages as Markdown with front matter, so an editor can take a
/// page over by hand: the page's article and the "read also" article embedded in it, each in its own file.
public struct PageImporter {
    public let config: SiteConfig

    public init(config: SiteConfig = SiteConfig()) {
        self.config = config
    }

    public func run(files: [URL], into folder: URL) throws(SiteError) -> (written: [String], diagnostics: [Diagnostic]) {
        var written: [String] = []
        var diagnostics: [Diagnostic] = []
        let reader = ScrapedArticleReader(config: config, markdown: Markdown())
        for file in files {
            let sidecarURL = file.deletingPathExtension().appendingPathExtension("yml")
            let sidecar = (try? String(contentsOf: sidecarURL, encoding: .utf8)).map { (text: $0, path: sidecarURL.path) }
            let result: ScrapedArticleReader.Result
            do throws(ArticleError) {
                let text = try UTF8Text.decode((try? Data(contentsOf: file)) ?? Data(), path: file.path)
                result = try reader.read(text, path: file.path, sidecar: sidecar)
            } catch {
                diagnostics.append(error.diagnostic)
                continue
            }
            diagnostics += result.warnings
            let stem = file.deletingPathExtension().lastPathComponent
            for (index, article) in result.articles.enumerated() {
                var markdown = MarkdownFile(title: article.title, paragraphs: result.paragraphs[index])
                markdown.date = article.date
                markdown.tags = article.tags
                markdown.source = article.source
                markdown.authors = article.authors
                markdown.place = article.place
                markdown.credit = article.credit
                markdown.summary = article.summary
                markdown.readAlso = article.readAlso.map(\.target)
                let name = index == 0 ? stem + ".md" : MarkdownFile.fileName(title: article.title, identity: "\(file.lastPathComponent)#\(index)")
                let target = folder.appendingPathComponent(name)
                do {
                    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                    try Data(markdown.text(zone: config.timeZone).utf8).write(to: target, options: .atomic)
                } catch {
                    throw .output(path: target.path, line: nil, reason: "cannot write: \(error.localizedDescription)")
                }
                written.append(target.path)
            }
        }
        return (written, diagnostics)
    }
}
