import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The first build into an empty output folder: every file is written in place inside one new folder
/// beside the output (`.Public.warraq-fresh-PID`), which is renamed over the empty output in one step.
/// Renaming the files one by one was a fifth of a first build of 100,000 articles.
///
/// Until that rename the output is still empty, so a killed first build leaves the previous site (none)
/// whole; the next build removes the folder it left. After it, the site and its manifest are there
/// together. Used only where the rename is sure to be atomic and to land where the user looks: the output
/// is a real, empty folder (not a link, not a mount point) whose parent can take the new folder.
final class FreshOutput: @unchecked Sendable {
    static let marker = ".warraq-fresh-"

    /// The new folder's path, and its name in the parent.
    let path: String
    private let name: String
    private let outputName: String
    private let parent: Int32
    private let mode: mode_t

    /// A fresh folder beside `output` when `output` is an empty real folder on the same file system as its
    /// parent; nil otherwise (the writer then stages and renames file by file). Removes the folders of
    /// first builds that were killed.
    init?(output: URL) {
        let outputPath = output.standardizedFileURL.path
        let parentPath = output.standardizedFileURL.deletingLastPathComponent().path
        outputName = output.standardizedFileURL.lastPathComponent
        var outputStatus = stat(), parentStatus = stat()
        guard !outputName.isEmpty, outputName != "/", lstat(outputPath, &outputStatus) == 0, outputStatus.st_mode & S_IFMT == S_IFDIR,
              stat(parentPath, &parentStatus) == 0, outputStatus.st_dev == parentStatus.st_dev, outputStatus.st_ino != parentStatus.st_ino else { return nil }
        parent = open(parentPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard parent >= 0 else { return nil }
        mode = outputStatus.st_mode & 0o7777
        name = "." + outputName + Self.marker + String(getpid())
        path = parentPath + "/" + name
        Self.removeStale(prefix: "." + outputName + Self.marker, in: parent)
        guard Self.isEmpty(outputPath), mkdirat(parent, name, 0o700) == 0 else {
            close(parent)
            return nil
        }
    }

    deinit {
        close(parent)
    }

    /// Writes one file at its place in the new tree, making its folders. Thread-safe: the tree is this
    /// build's own (mode 0700 until the swap), so paths inside it are opened by name.
    func write(_ relative: String, _ data: Data) throws(SiteError) -> String {
        let file = path + "/" + relative
        var descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            try makeFolders(above: relative)
            descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw .output(path: relative, line: nil, reason: "cannot write: \(OutputFolder.lastError)") }
        defer { close(descriptor) }
        guard OutputWriter.writeAll(data, to: descriptor) else { throw .output(path: relative, line: nil, reason: "cannot write: \(OutputFolder.lastError)") }
        var status = stat()
        fstat(descriptor, &status)
        return OutputFolder.stamp(status)
    }

    private func makeFolders(above relative: String) throws(SiteError) {
        var folder = path
        for part in relative.split(separator: "/").dropLast() {
            folder += "/" + part
            if mkdir(folder, 0o755) != 0, errno != EEXIST {
                throw .output(path: relative, line: nil, reason: "cannot create the folder: \(OutputFolder.lastError)")
            }
        }
    }

    /// Puts the new tree where the empty output was: one rename. The output keeps its mode (a private
    /// preview folder stays private).
    func swap() throws(SiteError) {
        chmod(path, mode)
        guard renameat(parent, name, parent, outputName) == 0 else {
            let reason = errno == ENOTEMPTY || errno == EEXIST ? "was filled by something else during the build: nothing of this build was put there, build again"
                : "cannot be replaced by the new site: \(OutputFolder.lastError)"
            discard()
            throw .output(path: outputName, line: nil, reason: reason)
        }
        fsync(parent)
    }

    /// Removes the new tree: rendering failed, or the swap could not be made.
    func discard() {
        Self.removeTree(name, in: parent)
    }

    private static func isEmpty(_ path: String) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return false }
        return names.isEmpty
    }

    /// Removes `prefix`PID folders of builds whose process is gone.
    private static func removeStale(prefix: String, in parent: Int32) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd/\(parent)") else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            if pid != getpid(), kill(pid, 0) == 0 || errno != ESRCH { continue }
            removeTree(name, in: parent)
        }
    }

    /// Removes a folder and everything below it without following any link (a link is removed, not entered).
    static func removeTree(_ name: String, in parent: Int32) {
        let descriptor = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        guard let listing = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        var entries: [String] = []
        while let entry = readdir(listing) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            if entryName != "." && entryName != ".." { entries.append(entryName) }
        }
        for entry in entries {
            var status = stat()
            guard fstatat(descriptor, entry, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR { removeTree(entry, in: descriptor) } else { unlinkat(descriptor, entry, 0) }
        }
        closedir(listing)
        unlinkat(parent, name, AT_REMOVEDIR)
    }
}
