import Foundation

/// The search index's files in the output (`pagefind/`): written like pages, through staging and the
/// manifest, each recorded with the fingerprint of the records it was made from as its input.
extension OutputWriter {
    /// The folder of the output that holds the index.
    public static let searchFolder = Permalinks.searchBundle[0]

    /// The index written last time, when it was made from records with this fingerprint and every file
    /// of it is still as written: then the indexer need not run at all. Nil otherwise.
    public func unchangedSearchBundle(input: String) -> [Staged]? {
        let prefix = Self.searchFolder + "/"
        let entries = previous.entries.filter { $0.key.hasPrefix(prefix) }
        guard !entries.isEmpty, entries.values.allSatisfy({ $0.input == input }) else { return nil }
        var staged: [Staged] = []
        for path in entries.keys.sorted() {
            guard let outputPath = try? OutputPath(path.split(separator: "/").map(String.init)),
                  let kept = unchanged(outputPath, input: input) else { return nil }
            staged.append(kept)
        }
        return staged
    }

    /// Stages the files the indexer wrote (paths inside its bundle) under `pagefind/`.
    public func stageSearchBundle(_ files: [(path: String, data: Data)], input: String) throws(SiteError) -> [Staged] {
        var staged: [Staged] = []
        for file in files {
            let path = try OutputPath([Self.searchFolder] + file.path.split(separator: "/").map(String.init))
            staged.append(try stage(path, file.data, input: input))
        }
        return staged
    }
}
