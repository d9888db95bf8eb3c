import Foundation

/// What one build is asked to do.
public struct BuildOptions: Sendable {
    public var archive: URL
    /// The archive as the user named it, for the paths in diagnostics (`seeds/x.md:3`).
    public var archiveDisplay: String
    public var output: URL
    public var includeDrafts = false
    /// Overrides `base_url` of `site.yml` (the preview server uses its own address).
    public var baseURL: String?
    /// Told how far each step has got (the command line draws it on a terminal).
    public var progress: (any BuildProgress)?
    /// Hash every output file instead of trusting sizes and modification times, rewrite any that differ
    /// from the manifest, then check the whole output against it (`warraq build --verify`).
    public var verify = false
    /// Index the articles for search with Pagefind when `site.yml` does not say `search: false` and the
    /// indexer is installed. Off unless asked: the command line asks unless `--no-search`.
    public var search = false
    /// Where Pagefind is looked for (`PATH`, `PAGEFIND_BINARY_PATH`): the process environment unless given.
    public var searchEnvironment: [String: String]?
    /// Where image variants are cached by content hash; nil: `.warraq-cache/images/` in the archive.
    public var imageCache: URL?
    /// What reading each article file gave last time (`ArticleCache`); nil: `.warraq-cache/articles` in the
    /// archive. The preview server passes one it keeps in memory between saves.
    public var articleCache: ArticleCache?
    /// Read-also's shortlists of the last build (`ReadAlsoMemory`); nil: `.warraq-cache/readalso` in the
    /// archive. The preview server passes one it keeps in memory between saves.
    public var readAlsoMemory: ReadAlsoMemoryFile?
    /// Read every article file again, trusting no cache (`warraq build --no-cache`): what a clean build is.
    public var readsCache = true
    /// Told, after each build that wrote the site, how to proof an edited article's page from that build's
    /// plan (`PageProof`): the preview shows the proof while it rebuilds.
    public var proofs: (@Sendable (PageProof) -> Void)?

    public init(archive: URL, archiveDisplay: String? = nil, output: URL, includeDrafts: Bool = false, baseURL: String? = nil,
                progress: (any BuildProgress)? = nil, verify: Bool = false) {
        self.archive = archive
        self.archiveDisplay = archiveDisplay ?? archive.path
        self.output = output
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.progress = progress
        self.verify = verify
    }
}
