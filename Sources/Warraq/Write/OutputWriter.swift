import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site into its output folder so that it is never left half-built and nothing else is lost.
///
/// Changed files are first written to a staging folder inside the output; only when every page has
/// rendered are they renamed into place (each rename atomic). Unchanged files are not touched, so their
/// modification times stay and `rsync` or `aws s3 sync` upload only what changed. Files Warraq wrote
/// before and no longer produces are removed; files it did not write are never removed or overwritten.
public final class OutputWriter: @unchecked Sendable {
    public let root: URL
    /// `root` as a path, for the per-file system calls.
    private let rootPath: String
    let previous: Manifest
    let staging: URL
    private let lock = NSLock()
    private var counter = 0

    public struct Outcome: Sendable {
        public var written: [String] = []
        public var unchanged = 0
        public var removed: [String] = []
        /// Paths where a file Warraq did not write stands: kept, and Warraq's version not written.
        public var kept: [String] = []
    }

    /// What happened to one rendered file before the commit.
    public enum Staged: Sendable {
        case unchanged(path: String, entry: Manifest.Entry)
        case changed(path: String, entry: Manifest.Entry, stagedFile: String)
        case foreign(path: String)
    }

    public init(root: URL) throws(SiteError) {
        self.root = root.standardizedFileURL
        rootPath = self.root.path
        do {
            try FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
        } catch {
            throw .output(path: root.path, reason: "cannot create the output folder: \(error.localizedDescription)")
        }
        previous = Manifest.read(in: self.root)
        staging = self.root.appendingPathComponent(".warraq-staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: staging)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw .output(path: staging.path, reason: "cannot create a staging folder: \(error.localizedDescription)")
        }
    }

    /// The page as it stands, when it was rendered from the same input last time and is still there:
    /// then it need not be rendered at all. Thread-safe.
    public func unchanged(_ path: OutputPath, input: String?) -> Staged? {
        guard let input, let old = previous.entries[path.file], old.input == input, existingSize(path.file) == old.size else { return nil }
        return .unchanged(path: path.file, entry: old)
    }

    /// Compares one rendered file with what the output holds, and stages it if it changed. Thread-safe.
    public func stage(_ path: OutputPath, _ data: Data, input: String? = nil) throws(SiteError) -> Staged {
        let entry = Manifest.Entry(hash: StableHash(data).hex, size: data.count, input: input ?? "")
        let size = existingSize(path.file)
        if let old = previous.entries[path.file] {
            if old.hash == entry.hash, old.size == entry.size, size == entry.size { return .unchanged(path: path.file, entry: entry) }
        } else if size != nil {
            // The same bytes are Warraq's own output from a build whose manifest was lost: adopt them.
            guard let existing = FileManager.default.contents(atPath: filePath(path.file)), existing == data else { return .foreign(path: path.file) }
            return .unchanged(path: path.file, entry: entry)
        }
        let name: String = lock.withLock {
            counter += 1
            return String(counter)
        }
        let stagedFile = staging.appendingPathComponent(name)
        try Self.write(data, to: stagedFile.path)
        return .changed(path: path.file, entry: entry, stagedFile: name)
    }

    /// Moves staged files into place, removes what Warraq wrote before and no longer produces, and
    /// records the new manifest. `fileWritten` is called after each changed file is in place.
    public func commit(_ staged: [Staged], fileWritten: (() -> Void)? = nil) throws(SiteError) -> Outcome {
        var outcome = Outcome()
        var manifest = Manifest()
        var createdFolders: Set<String> = []
        let files = FileManager.default
        for item in staged {
            switch item {
            case .unchanged(let path, let entry):
                manifest.entries[path] = entry
                outcome.unchanged += 1
            case .foreign(let path):
                outcome.kept.append(path)
            case .changed(let path, let entry, let stagedFile):
                let target = root.appendingPathComponent(path)
                let folder = target.deletingLastPathComponent()
                if !createdFolders.contains(folder.path) {
                    try? files.createDirectory(at: folder, withIntermediateDirectories: true)
                    createdFolders.insert(folder.path)
                }
                if rename(staging.appendingPathComponent(stagedFile).path, target.path) != 0 {
                    throw .output(path: target.path, reason: "cannot move into place: \(String(cString: strerror(errno)))")
                }
                manifest.entries[path] = entry
                outcome.written.append(path)
                fileWritten?()
            }
        }
        for (path, entry) in previous.entries where manifest.entries[path] == nil {
            let target = root.appendingPathComponent(path)
            // Someone replaced a file Warraq once wrote: it is theirs now.
            guard let data = try? Data(contentsOf: target), StableHash(data).hex == entry.hash else { continue }
            try? files.removeItem(at: target)
            removeEmptyFolders(from: target.deletingLastPathComponent())
            outcome.removed.append(path)
        }
        let manifestFile = root.appendingPathComponent(Manifest.fileName)
        do {
            try Data(manifest.text.utf8).write(to: manifestFile, options: .atomic)
        } catch {
            throw .output(path: manifestFile.path, reason: "cannot write the manifest: \(error.localizedDescription)")
        }
        discardStaging()
        return outcome
    }

    /// A plain write, without the fsync Foundation's `Data.write` does on Linux: that was a tenth of a
    /// build of tens of thousands of pages, and a staged file only matters once the build commits.
    private static func write(_ data: Data, to path: String) throws(SiteError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .output(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let failed: Bool = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return true
                }
                offset += count
            }
            return false
        }
        if failed { throw .output(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
    }

    /// Leaves the output as it was: called when rendering failed.
    public func discardStaging() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Where a file of the output is. `OutputPath` and `Manifest` only hold paths that stay inside it.
    private func filePath(_ relative: String) -> String {
        rootPath + "/" + relative
    }

    /// The size of a file of the output, or nil when there is none. A stat on a path string: Foundation's
    /// URL and attribute dictionary cost more than the check, made for every page of every build.
    private func existingSize(_ relative: String) -> Int? {
        var status = stat()
        return stat(filePath(relative), &status) == 0 ? Int(status.st_size) : nil
    }

    private func removeEmptyFolders(from folder: URL) {
        var current = folder.standardizedFileURL
        while current.path.hasPrefix(root.path + "/") {
            guard rmdir(current.path) == 0 else { return }
            current = current.deletingLastPathComponent()
        }
    }
}
