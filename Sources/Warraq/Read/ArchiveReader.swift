import Foundation

/// Finds the articles of an archive folder and reads them, in parallel. Markdown files (`.md`) and scraped
/// pages (`.txt`, with an optional `.yml` sidecar) are articles; hidden files and folders, files starting
/// with `_`, and the site's own `site.yml`, `templates/` and `static/` are not.
public struct ArchiveReader: Sendable {
    public let folder: URL
    /// How paths are shown in diagnostics: the archive as the user named it, then the file inside it.
    public let displayPrefix: String
    public let config: SiteConfig
    /// The folder's path with a slash, for a file's path: Foundation's `appendingPathComponent` and `path`
    /// were most of the reader's own time for a file the cache already knows.
    private let root: String

    public init(folder: URL, displayPrefix: String, config: SiteConfig) {
        self.folder = folder
        self.displayPrefix = displayPrefix
        self.config = config
        let path = folder.path
        root = path.hasSuffix("/") ? path : path + "/"
    }

    public func read() -> Archive {
        let (files, _, skipped) = walked()
        return read(files, skipped: skipped)
    }

    /// Reads the given files (from `walked()`), with the warnings of the walk; `fileDone` is called, from
    /// any thread, after each file. With a cache, a file it knows unchanged is not read again, and what
    /// was read is recorded in it (saved by the caller).
    func read(_ files: [String], skipped: [Diagnostic] = [], cache: ArticleCache? = nil, fileDone: (@Sendable () -> Void)? = nil) -> Archive {
        let markdown = Markdown(unsafeHTML: config.unsafeHTML, smartQuotes: config.smartQuotes)
        let started = ArticleCache.now
        let outcomes = Parallel.map(files, minimumChunk: 8) { relative -> (articles: [Article], diagnostics: [Diagnostic]) in
            defer { fileDone?() }
            guard let cache else { return readFile(relative, markdown: markdown) }
            return readFile(relative, markdown: markdown, cache: cache, started: started)
        }
        var archive = Archive(articles: [], diagnostics: skipped)
        for outcome in outcomes {
            archive.articles += outcome.articles
            archive.diagnostics += outcome.diagnostics
        }
        return archive
    }

    func displayPath(_ relative: String) -> String {
        displayPrefix.isEmpty ? relative : (displayPrefix.hasSuffix("/") ? displayPrefix : displayPrefix + "/") + relative
    }

    private func readFile(_ relative: String, markdown: Markdown, data: Data? = nil) -> (articles: [Article], diagnostics: [Diagnostic]) {
        let path = displayPath(relative)
        do throws(ArticleError) {
            let bytes: Data
            if let data { bytes = data } else { bytes = try contents(relative, path: path) }
            let text = try UTF8Text.decode(bytes, path: path)
            if relative.hasSuffix(".txt") {
                let sidecarRelative = String(relative.dropLast(4)) + ".yml"
                let sidecar = (try? String(contentsOfFile: root + sidecarRelative, encoding: .utf8))
                    .map { (text: $0, path: displayPath(sidecarRelative)) }
                let read = try ScrapedArticleReader(config: config, markdown: markdown).read(text, path: path, sidecar: sidecar)
                return (read.articles, read.warnings)
            }
            return ([try MarkdownArticleReader(config: config, markdown: markdown).read(text, path: path)], [])
        } catch {
            return ([], [error.diagnostic])
        }
    }

    /// A file through the cache: its record when its stamps (or else its bytes) are as recorded; otherwise
    /// read and recorded. A file that cannot be read is not recorded.
    private func readFile(_ relative: String, markdown: Markdown, cache: ArticleCache, started: Int64) -> (articles: [Article], diagnostics: [Diagnostic]) {
        let full = root + relative
        let sidecarPath = relative.hasSuffix(".txt") ? root + relative.dropLast(4) + ".yml" : nil
        guard let stamp = ArticleCache.Stamp(full) else { return readFile(relative, markdown: markdown) }
        let sidecar = sidecarPath.flatMap { ArticleCache.Stamp($0) }
        if let known = cache.entry(relative, stamp: stamp, sidecar: sidecar) { return (known.articles, known.diagnostics) }
        guard let data = FileManager.default.contents(atPath: full) else { return readFile(relative, markdown: markdown) }
        var hash = StableHash(data)
        hash.combine([0xFF])
        if let sidecarPath, let sidecarData = FileManager.default.contents(atPath: sidecarPath) {
            hash.combine([1])
            hash.combine(sidecarData)
        }
        let trusted = ArticleCache.trusted(stamp, sidecar, started: started)
        if let known = cache.entry(relative, contentHash: hash.value, stamp: stamp, sidecar: sidecar, trusted: trusted) {
            return (known.articles, known.diagnostics)
        }
        cache.countMiss()
        let read = readFile(relative, markdown: markdown, data: data)
        cache.store(relative, .init(stamp: stamp, sidecar: sidecar, trusted: trusted, contentHash: hash.value,
                                    articles: read.articles, diagnostics: read.diagnostics))
        return read
    }

    private func contents(_ relative: String, path: String) throws(ArticleError) -> Data {
        let full = root + relative
        guard let data = FileManager.default.contents(atPath: full) else {
            throw .unreadable(path: path, reason: access(full, R_OK) != 0 ? "permission denied" : "read error")
        }
        return data
    }

    static let articleExtensions: Set<String> = ["md", "markdown", "txt"]
    static let siteFolders: Set<String> = ["templates", "static"]

    /// Archive-relative paths of every article file, sorted so every build sees them in one order.
    func articleFiles() -> [String] {
        walked().files
    }

    /// The article files, and a warning for each link skipped.
    /// `others`: every other file a page may be made from (pictures beside their articles above all), which
    /// a rebuild must notice changing; sidecars (`.yml`) are known by their articles. Taken in the same walk:
    /// a second one through Foundation was two thirds of a rebuild with no change.
    func walked() -> (files: [String], others: [String], skipped: [Diagnostic]) {
        var walk = Walk(root: folder.standardizedFileURL.path, followSymlinks: config.followSymlinks)
        walk.walk(walk.root, relative: "")
        return (walk.files.sorted(), walk.others.sorted(), walk.skipped.map { .warning(displayPath($0), Self.linkOutside) })
    }

    static let linkOutside = "a symbolic link to a file outside the archive: skipped (follow_symlinks: true in site.yml publishes it)"

    /// Whether `full`, a link, leads outside `root` (the archive, links resolved).
    static func leadsOutside(_ full: String, root: String) -> Bool {
        guard let target = realpath(full, nil) else { return true }
        defer { free(target) }
        guard let base = realpath(root, nil) else { return true }
        defer { free(base) }
        let targetPath = String(cString: target), basePath = String(cString: base)
        return !(targetPath == basePath || targetPath.hasPrefix(basePath + "/"))
    }

    private struct Walk {
        let root: String
        let followSymlinks: Bool
        var files: [String] = []
        var others: [String] = []
        var skipped: [String] = []

        /// readdir's entry types answer "file or folder?" without a stat per file, which Foundation's
        /// enumerator made for each of an archive's hundred thousand files.
        mutating func walk(_ path: String, relative: String) {
            guard let directory = opendir(path) else { return }
            defer { closedir(directory) }
            var entries: [(name: String, type: Int32)] = []
            while let entry = readdir(directory) {
                entries.append((withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) },
                                Int32(entry.pointee.d_type)))
            }
            // A folder holding Warraq's manifest is a site Warraq wrote (an output inside the archive): its
            // pages are not articles.
            if !relative.isEmpty, entries.contains(where: { $0.name == Manifest.fileName }) { return }
            for (name, type) in entries {
                if name == "." || name == ".." || name.hasPrefix(".") || name.hasPrefix("_") { continue }
                let full = path + "/" + name
                let inside = relative.isEmpty ? name : relative + "/" + name
                var kind: mode_t = type == Int32(DT_DIR) ? S_IFDIR : type == Int32(DT_REG) ? S_IFREG : 0
                var status = stat()
                if kind == 0 {
                    // A symbolic link, or a file system that does not say: ask.
                    guard lstat(full, &status) == 0 else { continue }
                    kind = status.st_mode & S_IFMT
                }
                if kind == S_IFLNK {
                    // Linked folders are not followed; a linked file is read only if it stays inside.
                    guard stat(full, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
                    kind = S_IFREG
                    if !followSymlinks, ArchiveReader.isArticle(name), ArchiveReader.leadsOutside(full, root: root) {
                        skipped.append(inside)
                        continue
                    }
                }
                if kind == S_IFDIR {
                    if relative.isEmpty && ArchiveReader.siteFolders.contains(name) { continue }
                    walk(full, relative: inside)
                } else if kind == S_IFREG, ArchiveReader.isArticle(name) {
                    files.append(inside)
                } else if kind == S_IFREG, !name.hasSuffix(".yml") {
                    others.append(inside)
                }
            }
        }
    }

    static func isArticle(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return articleExtensions.contains(name[name.index(after: dot)...].lowercased())
    }
}
