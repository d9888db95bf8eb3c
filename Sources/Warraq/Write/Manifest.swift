import Foundation

/// What Warraq wrote into the output folder last time, file by file with a content hash and size. It is
/// how a rebuild knows what it may skip, what it may remove, and which files are someone else's.
public struct Manifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var hash: String
        public var size: Int
        /// A hash of what the page was rendered from, when known: equal inputs need no rendering.
        public var input: String = ""
    }

    public static let fileName = ".warraq-manifest"

    public var entries: [String: Entry] = [:]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// The manifest in `folder`, or an empty one (a first build, or output never written by Warraq).
    public static func read(in folder: URL) -> Manifest {
        guard let text = try? String(contentsOf: folder.appendingPathComponent(fileName), encoding: .utf8) else { return Manifest() }
        var manifest = Manifest()
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, let size = Int(fields[1]) else { continue }
            manifest.entries[String(fields[3])] = Entry(hash: String(fields[0]), size: size, input: String(fields[2]))
        }
        return manifest
    }

    /// One line per file (content hash, size, input hash, path), sorted, so the manifest itself changes only when the site does.
    public var text: String {
        entries.keys.sorted().map { "\(entries[$0]!.hash)\t\(entries[$0]!.size)\t\(entries[$0]!.input)\t\($0)\n" }.joined()
    }
}
