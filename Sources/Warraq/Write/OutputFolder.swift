import COpenBeneath
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output folder opened by directory descriptors, so that no write, read or removal below it goes
/// through a symbolic link Warraq did not create: each folder is opened with `O_NOFOLLOW` relative to the
/// one above, and files are reached with `openat`, `renameat` and `unlinkat` relative to their folder.
/// A link planted anywhere below the root (`Public/tags -> /elsewhere`) stops the walk with its path.
///
/// Keeps the folders of the last path open: pages come in path order, so a run of pages in one folder
/// opens it once.
final class OutputFolder {
    let root: Int32
    private var chain: [(name: String, descriptor: Int32)] = []

    /// Why a path below the root cannot be reached.
    enum Blocked: Error {
        /// A symbolic link stands at this relative path.
        case link(String)
        /// A file stands at this relative path where a folder is needed.
        case notFolder(String)
        case failed(String, reason: String)

        var path: String {
            switch self {
            case .link(let path), .notFolder(let path), .failed(let path, _): return path
            }
        }

        var reason: String {
            switch self {
            case .link: return "is a symbolic link Warraq did not create: not followed, and nothing written through it"
            case .notFolder: return "is a file Warraq did not write where a folder is needed: kept, and the pages below it not written"
            case .failed(_, let reason): return reason
            }
        }
    }

    init(root path: String) throws(SiteError) {
        root = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard root >= 0 else { throw .output(path: path, line: nil, reason: "cannot open the output folder: \(Self.lastError)") }
    }

    deinit {
        for (_, descriptor) in chain { close(descriptor) }
        close(root)
    }

    static var lastError: String { String(cString: strerror(errno)) }

    /// The descriptor of the folder holding `relative` and the file's own name. With `create`, missing
    /// folders are made (mode 0755); without, a missing folder is `.failed`.
    func parent(of relative: String, create: Bool) throws(Blocked) -> (folder: Int32, name: String) {
        let parts = relative.split(separator: "/").map(String.init)
        guard let name = parts.last else { throw .failed(relative, reason: "empty path") }
        let folders = parts.dropLast()
        var common = 0
        while common < chain.count, common < folders.count, chain[common].name == folders[folders.startIndex + common] { common += 1 }
        while chain.count > common { close(chain.removeLast().descriptor) }
        for index in common..<folders.count {
            let folder = folders[folders.startIndex + index]
            let above = chain.last?.descriptor ?? root
            var descriptor = openat(above, folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if descriptor < 0, errno == ENOENT, create {
                if mkdirat(above, folder, 0o755) != 0, errno != EEXIST {
                    throw .failed(folders.prefix(index + 1).joined(separator: "/"), reason: "cannot create the folder: \(Self.lastError)")
                }
                descriptor = openat(above, folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            if descriptor < 0 {
                let path = folders.prefix(index + 1).joined(separator: "/")
                let code = errno
                switch kind(at: above, folder) {
                case .some(S_IFLNK): throw .link(path)
                case .some: throw .notFolder(path)
                case nil: throw .failed(path, reason: "cannot open the folder: \(String(cString: strerror(code)))")
                }
            }
            chain.append((folder, descriptor))
        }
        return (chain.last?.descriptor ?? root, name)
    }

    /// The file type (`S_IFREG`, `S_IFLNK`, ...) of `name` in `folder`, not following a link; nil when absent.
    func kind(at folder: Int32, _ name: String) -> mode_t? {
        var status = stat()
        guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return status.st_mode & S_IFMT
    }

    /// A descriptor of the folder holding `relative`, opened afresh without following any link, for the
    /// checks made from many threads at once (the cached chain is the commit's). The caller closes it.
    func openParent(of relative: String) -> (folder: Int32, name: String)? {
        let parts = relative.split(separator: "/").map(String.init)
        guard let name = parts.last, !parts.contains(where: { $0 == "." || $0 == ".." }) else { return nil }
        if parts.count > 1, Self.opensBeneath {
            // One call for the whole way down, where a folder at a time took two each: every page of a
            // rebuild is looked at, tens of thousands of them.
            let folder = warraq_open_beneath(root, parts.dropLast().joined(separator: "/"), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if folder >= 0 { return (folder, name) }
            guard errno == ENOSYS || errno == EPERM else { return nil }
        }
        var current = dup(root)
        for folder in parts.dropLast() {
            let next = openat(current, folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            close(current)
            guard next >= 0 else { return nil }
            current = next
        }
        return (current, name)
    }

    /// Whether this kernel has openat2 (Linux 5.6 and later, unless a sandbox filters it out).
    private static let opensBeneath: Bool = {
        let folder = warraq_open_beneath(AT_FDCWD, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 { close(folder) }
        return folder >= 0 || (errno != ENOSYS && errno != EPERM)
    }()

    /// Size and modification time of a regular file below the root; nil for anything else or nothing.
    /// Thread-safe.
    func regularFile(_ relative: String) -> (size: Int, modified: String)? {
        guard let (folder, name) = openParent(of: relative) else { return nil }
        defer { close(folder) }
        var status = stat()
        guard fstatat(folder, name, &status, AT_SYMLINK_NOFOLLOW) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return (Int(status.st_size), Self.stamp(status))
    }

    /// The bytes of a regular file below the root, never through a link. Thread-safe.
    func contents(_ relative: String) -> Data? {
        guard let (folder, name) = openParent(of: relative) else { return nil }
        defer { close(folder) }
        return Self.read(openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC))
    }

    /// Reads a regular file to its end and closes it.
    static func read(_ descriptor: Int32) -> Data? {
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var data = Data(count: Int(status.st_size))
        let complete: Bool = data.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let count = POSIX.read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
        return complete ? data : nil
    }

    /// Removes a regular file, then the folders above it that are left empty.
    func remove(_ relative: String) -> Bool {
        guard let (folder, name) = try? parent(of: relative, create: false), kind(at: folder, name) == S_IFREG,
              unlinkat(folder, name, 0) == 0 else { return false }
        // rmdir fails on a folder that still holds anything, which ends the climb.
        while let (emptied, descriptor) = chain.popLast() {
            close(descriptor)
            guard unlinkat(chain.last?.descriptor ?? root, emptied, AT_REMOVEDIR) == 0 else { break }
        }
        return true
    }

    /// A file's modification time to the nanosecond: with its size, what tells a file has been touched.
    static func stamp(_ status: stat) -> String {
        String(status.st_mtim.tv_sec) + "." + String(status.st_mtim.tv_nsec)
    }
}
