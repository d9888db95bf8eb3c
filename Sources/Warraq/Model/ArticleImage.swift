/// The picture an article leads with (front matter `image`, `image_alt`, `image_caption`, `image_credit`):
/// a file beside the article, a file of `static/`, or an http(s) URL.
public struct ArticleImage: Sendable, Equatable {
    /// As the writer gave it: `photo.jpg`, `/images/photo.jpg`, `https://...`.
    public var source: String
    public var alt: String = ""
    public var caption: String = ""
    public var credit: String = ""
    /// The line of `image:` in the article's file, for warnings.
    public var line: Int

    public init(source: String, line: Int) {
        self.source = source
        self.line = line
    }

    /// An image on another host: linked as it is, never fetched.
    public var isRemote: Bool {
        let lower = source.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }
}

/// One of the archive's image files as the build measured it, with the variants made from it (kept in the
/// image cache by content hash, so an unchanged image is never decoded again).
public struct ImageFile: Sendable, Equatable {
    /// The file, relative to the archive folder (`2023/09/photo.jpg`, `static/images/photo.jpg`).
    public let archivePath: String
    /// FNV-1a of the file's bytes: the cache key.
    public let hash: String
    public let width: Int
    public let height: Int
    /// A JPEG at most `ImageFile.thumbnailWidth` wide, for cards.
    public let thumbnail: Variant
    /// The picture as WebP, at most `ImageFile.webpWidth` wide, for browsers that take it.
    public let webp: Variant

    public struct Variant: Sendable, Equatable {
        public let width: Int
        public let height: Int
        /// Where the cache holds its bytes.
        public let cacheFile: String
    }

    public init(archivePath: String, hash: String, width: Int, height: Int, thumbnail: Variant, webp: Variant) {
        (self.archivePath, self.hash, self.width, self.height, self.thumbnail, self.webp) = (archivePath, hash, width, height, thumbnail, webp)
    }

    public static let thumbnailWidth = 480
    public static let webpWidth = 1600
}
