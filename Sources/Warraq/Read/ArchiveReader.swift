import Foundation

/// Finds the articles of an archive folder and reads them, in parallel. Markdown files (`.md`) and scraped
/// pages (`.txt`, with an optional `.yml` sidecar) are articles; hidden files and folders, files starting
/// with `_`, and the site's own `site.yml`, `templates/` and `static/` are not.
public struct ArchiveReader {
    public let folder: URL
    /// How paths are shown in diagnostics: the archive as the user named it, then the file inside it.
    public let displayPrefix: String
    public let config: SiteConfig

    public init(folder: URL, displayPrefix: String, config: SiteConfig) {
        self.folder = folder
        self.displayPrefix = displayPrefix
        self.config = config
    }

    public func read() -> Archive {
        let files = articleFiles()
        let markdown = Markdown(unsafeHTML: config.unsafeHTML, smartQuotes: config.smartQuotes)
        let outcomes = Parallel.map(files, minimumChunk: 8) { relative -> (articles: [Article], diagnostics: [Diagnostic]) in
            readFile(relative, markdown: markdown)
        }
        var archive = Archive(articles: [], diagnostics: [])
        for outcome in outcomes {
            archive.articles += outcome.articles
            archive.diagnostics += outcome.diagnostics
        }
        return archive
    }

    func displayPath(_ relative: String) -> String {
        displayPrefix.isEmpty ? relative : (displayPrefix.hasSuffix("/") ? displayPrefix : displayPrefix + "/") + relative
    }

    private func readFile(_ relative: String, markdown: Markdown) -> (articles: [Article], diagnostics: [Diagnostic]) {
        let path = displayPath(relative)
        do throws(ArticleError) {
            let text = try UTF8Text.decode(contents(relative), path: path)
            if relative.hasSuffix(".txt") {
                let sidecarRelative = String(relative.dropLast(4)) + ".yml"
                let sidecar = (try? String(contentsOf: folder.appendingPathComponent(sidecarRelative), encoding: .utf8))
                    .map { (text: $0, path: displayPath(sidecarRelative)) }
                let read = try ScrapedArticleReader(config: config, markdown: markdown).read(text, path: path, sidecar: sidecar)
                return (read.articles, read.warnings)
            }
            return ([try MarkdownArticleReader(config: config, markdown: markdown).read(text, path: path)], [])
        } catch {
            return ([], [error.diagnostic])
        }
    }

    private func contents(_ relative: String) -> Data {
        (try? Data(contentsOf: folder.appendingPathComponent(relative))) ?? Data()
    }

    static let articleExtensions: Set<String> = ["md", "markdown", "txt"]
    static let siteFolders: Set<String> = ["templates", "static"]

    /// Archive-relative paths of every article file, sorted so every build sees them in one order.
    func articleFiles() -> [String] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey], options: []) else { return [] }
        let root = folder.standardizedFileURL.path
        var files: [String] = []
        for case let url as URL in walker {
            let name = url.lastPathComponent
            let relative = String(url.standardizedFileURL.path.dropFirst(root.count + 1))
            let isDirectory = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
            if name.hasPrefix(".") || name.hasPrefix("_") || (isDirectory && !relative.contains("/") && Self.siteFolders.contains(name)) {
                if isDirectory { walker.skipDescendants() }
                continue
            }
            if !isDirectory, Self.articleExtensions.contains(url.pathExtension.lowercased()) { files.append(relative) }
        }
        return files.sorted()
    }
}
