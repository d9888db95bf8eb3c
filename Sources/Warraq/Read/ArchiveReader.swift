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
        read(articleFiles())
    }

    /// Reads the given files (from `articleFiles()`); `fileDone` is called, from any thread, after each.
    func read(_ files: [String], fileDone: (() -> Void)? = nil) -> Archive {
        let markdown = Markdown(unsafeHTML: config.unsafeHTML, smartQuotes: config.smartQuotes)
        let outcomes = Parallel.map(files, minimumChunk: 8) { relative -> (articles: [Article], diagnostics: [Diagnostic]) in
            defer { fileDone?() }
            return readFile(relative, markdown: markdown)
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
        var files: [String] = []
        walk(folder.standardizedFileURL.path, relative: "", into: &files)
        return files.sorted()
    }

    /// readdir's entry types answer "file or folder?" without a stat per file, which Foundation's
    /// enumerator made for each of an archive's hundred thousand files.
    private func walk(_ path: String, relative: String, into files: inout [String]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." || name.hasPrefix(".") || name.hasPrefix("_") { continue }
            let full = path + "/" + name
            let inside = relative.isEmpty ? name : relative + "/" + name
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            var isFile = Int32(entry.pointee.d_type) == Int32(DT_REG)
            if !isFolder && !isFile {
                // A symbolic link or a file system that does not say: ask. Linked folders are not followed.
                var status = stat()
                guard stat(full, &status) == 0 else { continue }
                isFile = status.st_mode & S_IFMT == S_IFREG
                isFolder = status.st_mode & S_IFMT == S_IFDIR && Int32(entry.pointee.d_type) != Int32(DT_LNK)
            }
            if isFolder {
                if relative.isEmpty && Self.siteFolders.contains(name) { continue }
                walk(full, relative: inside, into: &files)
            } else if isFile, let dot = name.lastIndex(of: "."), Self.articleExtensions.contains(name[name.index(after: dot)...].lowercased()) {
                files.append(inside)
            }
        }
    }
}
