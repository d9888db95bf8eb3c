import Foundation

/// The last build's manifest, read and parsed on another thread while the archive is read and planned:
/// a rebuild of tens of thousands of pages spent half a second on it with one core idle. The writer
/// takes the parse only for the very bytes it reads itself, so a manifest changed in between is parsed again.
public final class ManifestPreload: @unchecked Sendable {
    private let done = DispatchGroup()
    private var loaded: (text: Data, manifest: Manifest)?

    public init(root: URL) {
        let path = root.standardizedFileURL.path
        done.enter()
        DispatchQueue.global().async { [self] in
            if let folder = try? OutputFolder(root: path), let text = folder.contents(Manifest.fileName) {
                loaded = (text, Manifest.parse(text))
            }
            done.leave()
        }
    }

    /// The parse of `text`, when it is what was preloaded.
    func manifest(of text: Data) -> Manifest? {
        done.wait()
        guard let loaded, loaded.text == text else { return nil }
        return loaded.manifest
    }
}
