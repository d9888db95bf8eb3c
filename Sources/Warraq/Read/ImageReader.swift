import CVips
import Foundation

/// Finds the archive's article images (front matter `image`), measures them and makes their variants (a
/// JPEG thumbnail for cards, a WebP for the article page) with libvips. Work is cached by the bytes of the
/// file: an image whose content the cache has seen is read and hashed, never decoded. A missing or
/// unreadable image is a warning at the article's `image:` line; the article is published without it.
public struct ImageReader: Sendable {
    let archive: URL
    let displayPrefix: String
    /// `<cache>/<hash>/` holds one image's variants and its sizes.
    let cache: URL
    let followSymlinks: Bool

    public init(archive: URL, displayPrefix: String, cache: URL, followSymlinks: Bool) {
        self.archive = archive
        self.displayPrefix = displayPrefix
        self.cache = cache
        self.followSymlinks = followSymlinks
    }

    public struct Outcome: Sendable {
        public init() {}
        /// By archive-relative path.
        public var files: [String: ImageFile] = [:]
        /// The archive the paths are relative to.
        public var archive: URL?
        /// The file each article's image names, by `ImageReader.key(article)`.
        public var resolved: [String: String] = [:]
        /// Images decoded in this build; the others came from the cache.
        public var processed = 0
        public var cached = 0
        public var diagnostics: [Diagnostic] = []
    }

    /// libvips starts once per process.
    private static let started: Bool = warraq_vips_start() == 0

    public func read(_ articles: [Article], staticFiles: Set<String>) -> Outcome {
        var outcome = Outcome()
        outcome.archive = archive
        var wanted: [String: (file: String, line: Int, source: String)] = [:]
        for article in articles {
            guard let image = article.image, !image.source.isEmpty, !image.isRemote else { continue }
            switch resolve(image.source, article: article.file, staticFiles: staticFiles) {
            case .success(let path):
                outcome.resolved[Self.key(article)] = path
                if wanted[path] == nil { wanted[path] = (article.file, image.line, image.source) }
            case .failure(let failure):
                outcome.diagnostics.append(.warning(article.file, line: image.line, "image '\(image.source)' \(failure.reason): the article is published without it"))
            }
        }
        guard !wanted.isEmpty else { return outcome }
        guard Self.started else {
            outcome.diagnostics.append(.warning(displayPrefix, "libvips could not start: articles are published without their images"))
            return outcome
        }
        let paths = wanted.keys.sorted()
        let known = StatIndex.read(cache.appendingPathComponent(StatIndex.fileName))
        let results = Parallel.map(paths, minimumChunk: 1) { path -> (Result<(ImageFile, processed: Bool), ImageFailure>, StatIndex.Entry?) in
            measured(path, known: known[path])
        }
        var index: [String: StatIndex.Entry] = [:]
        for (path, (result, entry)) in zip(paths, results) {
            if let entry { index[path] = entry }
            switch result {
            case .success(let (file, processed)):
                outcome.files[path] = file
                if processed { outcome.processed += 1 } else { outcome.cached += 1 }
            case .failure(let failure):
                let owner = wanted[path]!
                outcome.diagnostics.append(.warning(owner.file, line: owner.line, "image '\(owner.source)' \(failure.reason): the article is published without it"))
            }
        }
        if index != known { StatIndex.write(index, to: cache.appendingPathComponent(StatIndex.fileName)) }
        return outcome
    }

    struct ImageFailure: Error { let reason: String }

    /// An article's identity while the archive is read: its file and line.
    public static func key(_ article: Article) -> String { "\(article.file)\u{0}\(article.line)" }

    /// The archive-relative file an image names: beside the article (`photo.jpg`, `../shared/photo.jpg`),
    /// or in `static/` (`/images/photo.jpg`, or a relative name found there and not beside the article).
    func resolve(_ source: String, article: String, staticFiles: Set<String>) -> Result<String, ImageFailure> {
        let decoded = source.removingPercentEncoding ?? source
        guard !decoded.contains("\0"), !decoded.hasPrefix("//"), !decoded.contains(":") || decoded.hasPrefix("/") else {
            return .failure(ImageFailure(reason: "is neither a file of the archive nor an http(s) URL"))
        }
        let relativeArticle = article.hasPrefix(prefix) ? String(article.dropFirst(prefix.count)) : article
        if decoded.hasPrefix("/") {
            let inStatic = Self.normalised(decoded.split(separator: "/").map(String.init))
            guard let inStatic, staticFiles.contains(inStatic) else {
                return .failure(ImageFailure(reason: "is not in static/ (looked for static\(decoded))"))
            }
            return .success("static/" + inStatic)
        }
        let folder = relativeArticle.split(separator: "/").dropLast().map(String.init)
        if let beside = Self.normalised(folder + decoded.split(separator: "/").map(String.init)), isFile(beside) {
            return .success(beside)
        }
        if let inStatic = Self.normalised(decoded.split(separator: "/").map(String.init)), staticFiles.contains(inStatic) {
            return .success("static/" + inStatic)
        }
        return .failure(ImageFailure(reason: "is not beside the article nor in static/"))
    }

    private var prefix: String { displayPrefix.isEmpty ? "" : (displayPrefix.hasSuffix("/") ? displayPrefix : displayPrefix + "/") }

    /// Components with `.` and `..` applied; nil when `..` would climb out of the archive.
    static func normalised(_ components: [String]) -> String? {
        var parts: [String] = []
        for part in components {
            switch part {
            case "", ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        guard !parts.isEmpty, !parts.contains(where: { $0.hasPrefix(".") }) else { return nil }
        return parts.joined(separator: "/")
    }

    /// A regular file inside the archive (a link out of it only with `follow_symlinks`).
    private func isFile(_ relative: String) -> Bool {
        let full = archive.appendingPathComponent(relative).path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { return false }
        return followSymlinks || !ArchiveReader.leadsOutside(full, root: archive.path)
    }

    /// The image's sizes and variants: from the cache when its bytes are known, else made with libvips.
    private func measured(_ path: String, known: StatIndex.Entry?) -> (Result<(ImageFile, processed: Bool), ImageFailure>, StatIndex.Entry?) {
        let full = archive.appendingPathComponent(path).path
        var status = stat()
        guard stat(full, &status) == 0 else { return (.failure(ImageFailure(reason: "cannot be read")), nil) }
        let size = Int(status.st_size), modified = Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec)
        // Same size and modification time as when its bytes were last hashed: the hash is trusted, and an
        // unchanged picture is not even read.
        if let known, known.size == size, known.modified == modified, let file = cachedFile(path, hash: known.hash) {
            return (.success((file, false)), known)
        }
        guard let data = FileManager.default.contents(atPath: full) else { return (.failure(ImageFailure(reason: "cannot be read")), nil) }
        let hash = StableHash(data).hex
        let entry = StatIndex.Entry(size: size, modified: modified, hash: hash)
        if let file = cachedFile(path, hash: hash) { return (.success((file, false)), entry) }
        return (made(path, data: data, hash: hash), entry)
    }

    private func cachedFile(_ path: String, hash: String) -> ImageFile? {
        let folder = cache.appendingPathComponent(hash)
        guard let text = try? String(contentsOf: folder.appendingPathComponent("info"), encoding: .utf8) else { return nil }
        return Self.parse(info: text, path: path, hash: hash, folder: folder)
    }

    /// Decodes and scales the picture with libvips, and records the result in the cache.
    private func made(_ path: String, data: Data, hash: String) -> Result<(ImageFile, processed: Bool), ImageFailure> {
        let folder = cache.appendingPathComponent(hash)
        let info = folder.appendingPathComponent("info")
        var width: Int32 = 0, height: Int32 = 0
        let measured = data.withUnsafeBytes { warraq_vips_size($0.baseAddress, data.count, &width, &height) }
        guard measured == 0, width > 0, height > 0 else { return .failure(ImageFailure(reason: "is not an image libvips can read (\(Self.lastError()))")) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let thumbnail = try variant(data, width: ImageFile.thumbnailWidth, webp: false, to: folder.appendingPathComponent("thumbnail.jpg"))
            let webp = try variant(data, width: ImageFile.webpWidth, webp: true, to: folder.appendingPathComponent("image.webp"))
            let file = ImageFile(archivePath: path, hash: hash, width: Int(width), height: Int(height), thumbnail: thumbnail, webp: webp)
            // Written last: a cache entry with its sizes is whole.
            try Data("\(width) \(height) \(thumbnail.width) \(thumbnail.height) \(webp.width) \(webp.height)\n".utf8).write(to: info, options: .atomic)
            return .success((file, true))
        } catch let failure as ImageFailure {
            return .failure(failure)
        } catch {
            return .failure(ImageFailure(reason: "could not be cached in \(cache.path) (\(error.localizedDescription))"))
        }
    }

    private func variant(_ data: Data, width: Int, webp: Bool, to url: URL) throws -> ImageFile.Variant {
        var out: UnsafeMutableRawPointer?
        var length = 0
        var outWidth: Int32 = 0, outHeight: Int32 = 0
        let status = data.withUnsafeBytes {
            warraq_vips_variant($0.baseAddress, data.count, Int32(width), webp ? 1 : 0, webp ? 75 : 80, &out, &length, &outWidth, &outHeight)
        }
        defer { warraq_vips_free(out) }
        guard status == 0, let out, length > 0 else { throw ImageFailure(reason: "could not be scaled (\(Self.lastError()))") }
        try Data(bytes: out, count: length).write(to: url, options: .atomic)
        return ImageFile.Variant(width: Int(outWidth), height: Int(outHeight), cacheFile: url.path)
    }

    static func parse(info: String, path: String, hash: String, folder: URL) -> ImageFile? {
        let numbers = info.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard numbers.count == 6, numbers.allSatisfy({ $0 > 0 }) else { return nil }
        let thumbnail = folder.appendingPathComponent("thumbnail.jpg").path, webp = folder.appendingPathComponent("image.webp").path
        guard FileManager.default.fileExists(atPath: thumbnail), FileManager.default.fileExists(atPath: webp) else { return nil }
        return ImageFile(archivePath: path, hash: hash, width: numbers[0], height: numbers[1],
                         thumbnail: .init(width: numbers[2], height: numbers[3], cacheFile: thumbnail),
                         webp: .init(width: numbers[4], height: numbers[5], cacheFile: webp))
    }

    private static func lastError() -> String {
        guard let text = warraq_vips_error() else { return "unknown error" }
        defer { warraq_vips_free(text) }
        return String(cString: text).split(separator: "\n").first.map(String.init) ?? "unknown error"
    }
}

/// `<cache>/files`: each picture's size, modification time (ns) and the hash of its bytes when last read,
/// so a rebuild hashes only pictures that changed. A line that does not parse is forgotten.
struct StatIndex {
    struct Entry: Equatable, Sendable {
        let size: Int
        let modified: Int
        let hash: String
    }

    static let fileName = "files"

    static func read(_ url: URL) -> [String: Entry] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var entries: [String: Entry] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 4, let size = Int(fields[1]), let modified = Int(fields[2]) else { continue }
            entries[String(fields[0])] = Entry(size: size, modified: modified, hash: String(fields[3]))
        }
        return entries
    }

    static func write(_ entries: [String: Entry], to url: URL) {
        let text = entries.keys.sorted().filter { !$0.contains("\n") && !$0.contains("\t") }
            .map { "\($0)\t\(entries[$0]!.size)\t\(entries[$0]!.modified)\t\(entries[$0]!.hash)\n" }.joined()
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: url, options: .atomic)
    }
}
