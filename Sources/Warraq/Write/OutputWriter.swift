import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a site into its output folder so that it is never left half-built and nothing else is lost.
///
/// Changed files are first written to a staging folder inside the output; only when every page has
/// rendered are they renamed into place (each rename atomic). Unchanged files are not touched, so their
/// modification times stay and `rsync` or `aws s3 sync` upload only what changed. Files Warraq wrote
/// before and no longer produces are removed; files it did not write are never removed or overwritten,
/// and no symbolic link below the output is ever followed (`OutputFolder`).
///
/// A commit is journaled: the files about to be moved are recorded in `.warraq-journal` before the first
/// rename, and the journal goes only after the new manifest is in place. A build that finds a journal (the
/// last one was killed) hashes those files and records each as what it holds, so nothing stale is
/// trusted; a file is also hashed whenever its size or modification time differ from the manifest's.
///
/// A first build into an empty output skips all of that: its files go in place into one new tree that is
/// renamed over the empty folder at the end (`FreshOutput`).
public final class OutputWriter: @unchecked Sendable {
    public let root: URL
    private let folder: OutputFolder
    let previous: Manifest
    /// The manifest's bytes as found: a commit that changes nothing leaves the file untouched.
    private var previousManifestText: Data?
    /// The staging folder's name inside the output, and its descriptor.
    let stagingName: String
    private let staging: Int32
    /// Set for a first build into an empty output: files are written in place in a new tree, swapped in whole.
    private let fresh: FreshOutput?
    /// Hash every file whose size matches instead of trusting its modification time (`--verify`).
    private let verify: Bool
    /// Set when the last build stopped midway through its commit.
    public let recovered: Bool
    private let lock = NSLock()
    private var counter = 0
    /// For the fault-injection run (`Benchmarks/crash.py`): the process kills itself after this many steps
    /// of the commit (renames, removals, the manifest), as a power cut or `kill -9` would.
    private let killAfterSteps = ProcessInfo.processInfo.environment["WARRAQ_KILL_AFTER_STEPS"].flatMap { Int($0) }
    private var steps = 0

    public struct Outcome: Sendable {
        public var written: [String] = []
        public var unchanged = 0
        public var removed: [String] = []
        /// Paths where a file Warraq did not write stands: kept, and Warraq's version not written.
        public var kept: [String] = []
        /// Paths that could not be written, with why (a symbolic link, a file where a folder is needed).
        public var blocked: [(path: String, reason: String)] = []
        /// Files whose bytes were not what the manifest says although size and input were: rewritten.
        public var repaired: [String] = []
    }

    /// What happened to one rendered file before the commit.
    public enum Staged: Sendable {
        case unchanged(path: String, entry: Manifest.Entry)
        case changed(path: String, entry: Manifest.Entry, stagedFile: String)
        case foreign(path: String)
    }

    public init(root: URL, verify: Bool = false, preloaded: ManifestPreload? = nil) throws(SiteError) {
        self.root = root.standardizedFileURL
        self.verify = verify
        do {
            try FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
        } catch {
            throw .output(path: root.path, line: nil, reason: "cannot create the output folder: \(error.localizedDescription)")
        }
        folder = try OutputFolder(root: self.root.path)
        Self.removeStaleStaging(in: folder)
        stagingName = Manifest.stagingPrefix + String(getpid())
        fresh = verify ? nil : FreshOutput(output: self.root)
        if fresh != nil {
            staging = -1
            previous = Manifest()
            recovered = false
            return
        }
        guard mkdirat(folder.root, stagingName, 0o700) == 0 else {
            throw .output(path: self.root.path + "/" + stagingName, line: nil, reason: "cannot create a staging folder: \(OutputFolder.lastError)")
        }
        staging = openat(folder.root, stagingName, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard staging >= 0 else { throw .output(path: self.root.path + "/" + stagingName, line: nil, reason: "cannot open the staging folder: \(OutputFolder.lastError)") }
        previousManifestText = folder.contents(Manifest.fileName)
        var manifest = previousManifestText.map { preloaded?.manifest(of: $0) ?? Manifest.parse($0) } ?? Manifest()
        let journal = folder.contents(Manifest.journalName).map(Manifest.parse)
        recovered = journal != nil
        if let journal {
            // Each journaled file holds the old bytes or the new: record it as what its hash says.
            for (path, entry) in journal.entries {
                let hash = folder.contents(path).map { StableHash($0).hex }
                if hash == entry.hash {
                    manifest.entries[path] = entry
                } else if let old = manifest.entries[path], hash == old.hash {
                    manifest.entries[path]?.modified = ""
                } else {
                    manifest.entries[path] = nil
                }
            }
        }
        previous = manifest
    }

    deinit {
        if staging >= 0 { close(staging) }
    }

    /// Removes `.warraq-staging-PID` folders left by builds that were killed (their process is gone).
    private static func removeStaleStaging(in folder: OutputFolder) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd/\(folder.root)") else { return }
        for name in names where name.hasPrefix(Manifest.stagingPrefix) {
            guard let pid = Int32(name.dropFirst(Manifest.stagingPrefix.count)) else { continue }
            if pid != getpid(), kill(pid, 0) == 0 || errno != ESRCH { continue }
            removeFlatFolder(name, in: folder.root)
        }
    }

    /// Removes a folder of plain files (a staging folder), never following a link.
    private static func removeFlatFolder(_ name: String, in parent: Int32) {
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0, let listing = fdopendir(descriptor) else { return }
        while let entry = readdir(listing) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if entryName != "." && entryName != ".." { unlinkat(descriptor, entryName, 0) }
        }
        closedir(listing)
        unlinkat(parent, name, AT_REMOVEDIR)
    }

    /// Whether the output file still holds what the manifest says: size and modification time as
    /// recorded, or else the same bytes by hash. Returns the entry as it stands now.
    private func holds(_ path: String, _ old: Manifest.Entry) -> Manifest.Entry? {
        guard let file = folder.regularFile(path), file.size == old.size else { return nil }
        if !verify, !old.modified.isEmpty, file.modified == old.modified { return old }
        guard let data = folder.contents(path), StableHash(data).hex == old.hash else {
            lock.withLock { _ = pendingRepairs.insert(path) }
            return nil
        }
        var checked = old
        checked.modified = file.modified
        return checked
    }

    /// Files found holding other bytes than the manifest says, however alike in size.
    private var pendingRepairs: Set<String> = []

    /// The page as it stands, when it was rendered from the same input last time and is still there:
    /// then it need not be rendered at all. Thread-safe.
    public func unchanged(_ path: OutputPath, input: String?) -> Staged? {
        guard let input, let old = previous.entries[path.file], old.input == input, let entry = holds(path.file, old) else { return nil }
        return .unchanged(path: path.file, entry: entry)
    }

    /// Compares one rendered file with what the output holds, and stages it if it changed. Thread-safe.
    public func stage(_ path: OutputPath, _ data: Data, input: String? = nil) throws(SiteError) -> Staged {
        var entry = Manifest.Entry(hash: StableHash(data).hex, size: data.count, input: input ?? "")
        if let fresh {
            entry.modified = try fresh.write(path.file, data)
            return .changed(path: path.file, entry: entry, stagedFile: "")
        }
        if let old = previous.entries[path.file] {
            if old.hash == entry.hash, old.size == entry.size, let checked = holds(path.file, old) {
                entry.modified = checked.modified
                return .unchanged(path: path.file, entry: entry)
            }
        } else if let file = folder.regularFile(path.file) {
            // The same bytes are Warraq's own output from a build whose manifest was lost: adopt them.
            guard let existing = folder.contents(path.file), existing == data else { return .foreign(path: path.file) }
            entry.modified = file.modified
            return .unchanged(path: path.file, entry: entry)
        } else if let (parent, name) = folder.openParent(of: path.file) {
            // A folder, link or device stands where the file goes: not Warraq's.
            defer { close(parent) }
            if folder.kind(at: parent, name) != nil { return .foreign(path: path.file) }
        }
        let name: String = lock.withLock {
            counter += 1
            return String(counter)
        }
        entry.modified = try write(data, name: name)
        return .changed(path: path.file, entry: entry, stagedFile: name)
    }

    /// Moves staged files into place, removes what Warraq wrote before and no longer produces, and
    /// records the new manifest. A file that cannot be moved is reported and the rest still committed,
    /// with a manifest that says what each file holds. `fileWritten` is called after each changed file.
    public func commit(_ staged: [Staged], fileWritten: (() -> Void)? = nil) throws(SiteError) -> Outcome {
        if let fresh { return try commit(staged, into: fresh, fileWritten: fileWritten) }
        var outcome = Outcome()
        var manifest = Manifest()
        var journal = Manifest()
        for case .changed(let path, let entry, _) in staged { journal.entries[path] = entry }
        step()
        if !journal.entries.isEmpty { try place(journal.data, as: Manifest.journalName, durable: true) }
        var blockedLinks: Set<String> = []
        for item in staged {
            switch item {
            case .unchanged(let path, let entry):
                manifest.entries[path] = entry
                outcome.unchanged += 1
            case .foreign(let path):
                outcome.kept.append(path)
            case .changed(let path, let entry, let stagedFile):
                do throws(OutputFolder.Blocked) {
                    let (parent, name) = try folder.parent(of: path, create: true)
                    switch folder.kind(at: parent, name) {
                    case nil, .some(S_IFREG): break
                    case .some(S_IFLNK): throw .link(path)
                    default: throw .failed(path, reason: "is a folder Warraq did not write where a file goes: kept, and the page not written")
                    }
                    step()
                    guard renameat(staging, stagedFile, parent, name) == 0 else {
                        throw .failed(path, reason: "cannot move into place: \(OutputFolder.lastError)")
                    }
                    manifest.entries[path] = entry
                    outcome.written.append(path)
                    fileWritten?()
                } catch {
                    // Still what it held before: the old entry stays true.
                    if let old = previous.entries[path], holds(path, old) != nil { manifest.entries[path] = old }
                    if blockedLinks.insert(error.path).inserted { outcome.blocked.append((error.path, error.reason)) }
                }
            }
        }
        for (path, entry) in previous.entries where manifest.entries[path] == nil && journal.entries[path] == nil {
            // Someone replaced a file Warraq once wrote: it is theirs now.
            guard let data = folder.contents(path), StableHash(data).hex == entry.hash else { continue }
            step()
            if folder.remove(path) { outcome.removed.append(path) }
        }
        outcome.removed.sort()
        step()
        let manifestText = manifest.data
        if recovered || manifestText != previousManifestText { try place(manifestText, as: Manifest.fileName, durable: false) }
        step()
        unlinkat(folder.root, Manifest.journalName, 0)
        discardStaging()
        outcome.repaired = lock.withLock { pendingRepairs }.filter { manifest.entries[$0] != nil }.sorted()
        return outcome
    }

    /// A first build: the files are already in place in the new tree; its manifest goes beside them, then
    /// the tree takes the empty output's place.
    private func commit(_ staged: [Staged], into fresh: FreshOutput, fileWritten: (() -> Void)?) throws(SiteError) -> Outcome {
        var outcome = Outcome()
        var manifest = Manifest()
        for case .changed(let path, let entry, _) in staged {
            manifest.entries[path] = entry
            outcome.written.append(path)
            fileWritten?()
        }
        step()
        _ = try fresh.write(Manifest.fileName, manifest.data)
        step()
        try fresh.swap()
        return outcome
    }

    /// One step of the commit; the fault-injection run ends the process at the step it was told.
    private func step() {
        steps += 1
        if let killAfterSteps, steps > killAfterSteps { kill(getpid(), SIGKILL) }
    }

    /// Writes a file of Warraq's own into the output's top folder atomically: staged, then renamed.
    private func place(_ data: Data, as name: String, durable: Bool) throws(SiteError) {
        let stagedName = "." + name
        _ = try write(data, name: stagedName, durable: durable)
        guard renameat(staging, stagedName, folder.root, name) == 0 else {
            throw .output(path: root.path + "/" + name, line: nil, reason: "cannot write: \(OutputFolder.lastError)")
        }
        if durable { fsync(folder.root) }
    }

    /// A plain write into the staging folder, without the fsync Foundation's `Data.write` does on Linux:
    /// that was a tenth of a build of tens of thousands of pages, and a staged file only matters once the
    /// build commits. Returns the file's modification time, which the rename keeps.
    private func write(_ data: Data, name: String, durable: Bool = false) throws(SiteError) -> String {
        let path = root.path + "/" + stagingName + "/" + name
        let descriptor = openat(staging, name, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .output(path: path, line: nil, reason: "cannot write: \(OutputFolder.lastError)") }
        defer { close(descriptor) }
        if !Self.writeAll(data, to: descriptor) || (durable && fsync(descriptor) != 0) { throw .output(path: path, line: nil, reason: "cannot write: \(OutputFolder.lastError)") }
        var status = stat()
        fstat(descriptor, &status)
        return OutputFolder.stamp(status)
    }

    /// Writes all of `data`, retrying after signals; false on an error (errno says which).
    static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = POSIX.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
    }

    /// Leaves the output as it was: called when rendering failed.
    public func discardStaging() {
        if let fresh { return fresh.discard() }
        Self.removeFlatFolder(stagingName, in: folder.root)
    }

    /// Checks every file the manifest lists against its hash (`warraq build --verify`): the paths that are
    /// missing or hold other bytes. An empty answer means the output is exactly what Warraq last wrote.
    public static func mismatches(in root: URL) throws(SiteError) -> [String] {
        let folder = try OutputFolder(root: root.standardizedFileURL.path)
        let manifest = folder.contents(Manifest.fileName).map(Manifest.parse) ?? Manifest()
        return manifest.entries.filter { path, entry in folder.contents(path).map { StableHash($0).hex } != entry.hash }.keys.sorted()
    }
}
