import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading, checking and writing `.warraq-state` in the output folder.
extension BuildState {
    /// The state the last build recorded in `output`, if it reads back whole.
    static func recorded(in output: URL) -> BuildState? {
        guard let folder = try? OutputFolder(root: output.standardizedFileURL.path),
              let data = folder.contents(fileName) else { return nil }
        return parse(data)
    }

    /// Whether the output is exactly as the last build left it: no commit under way or staging left, the
    /// manifest the one recorded, and every file it lists a regular file of the recorded size and
    /// modification time, reached through real folders only.
    func outputHolds(_ output: URL) -> Bool {
        let root = output.standardizedFileURL.path
        guard let top = try? FileManager.default.contentsOfDirectory(atPath: root),
              !top.contains(where: { $0 == Manifest.journalName || $0.hasPrefix(Manifest.stagingPrefix) }),
              FileIdentity(root + "/" + Manifest.fileName, followLinks: false) == manifest,
              let folder = try? OutputFolder(root: root), let data = folder.contents(Manifest.fileName) else { return false }
        let entries = Manifest.lines(data)
        guard entries.count == files else { return false }
        // Folders by their bytes: hashing names as Strings normalizes Arabic, which cost more than the lstat.
        var folders = Set<[UInt8]>()
        for (path, _) in entries {
            var bytes = Array(path.utf8)
            while let slash = bytes.lastIndex(of: UInt8(ascii: "/")) {
                bytes.removeSubrange(slash...)
                guard folders.insert(bytes).inserted else { break }
            }
        }
        let realFolders = Parallel.map(Array(folders), minimumChunk: 256) { folder -> Bool in
            var status = stat()
            return lstat(root + "/" + String(decoding: folder, as: UTF8.self), &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
        }
        guard !realFolders.contains(false) else { return false }
        let holding = Parallel.map(entries, minimumChunk: 512) { path, entry -> Bool in
            var status = stat()
            return lstat(root + "/" + path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
                && Int(status.st_size) == entry.size && OutputFolder.stamp(status) == entry.modified
        }
        return !holding.contains(false)
    }

    /// Writes the state into the output atomically (a new file renamed over the old), never through a link.
    func record(in output: URL) {
        guard let folder = try? OutputFolder(root: output.standardizedFileURL.path) else { return }
        let temporary = Self.fileName + ".new-" + String(getpid())
        let descriptor = openat(folder.root, temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        let written = OutputWriter.writeAll(Data(text.utf8), to: descriptor)
        close(descriptor)
        if !written || renameat(folder.root, temporary, folder.root, Self.fileName) != 0 { unlinkat(folder.root, temporary, 0) }
    }

    /// Forgets the last state: this build could not record a trustworthy one.
    static func remove(from output: URL) {
        guard let folder = try? OutputFolder(root: output.standardizedFileURL.path) else { return }
        unlinkat(folder.root, fileName, 0)
    }

    /// Whether any input was modified so shortly before `start` (nanoseconds since 1970) that a second
    /// edit within the same clock tick could leave its identity unchanged.
    static func racy(_ inputs: [Input], start: Int64) -> Bool {
        let window: Int64 = 100_000_000
        return inputs.contains { input in input.identity.map { max($0.modified, $0.changed) >= start - window } ?? false }
    }

    static var now: Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }
}
