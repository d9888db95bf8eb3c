import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices changes to the files of an archive (and of the theme, during development) by polling their
/// sizes and modification times: portable, and cheap enough for archives of many thousand files.
struct ArchiveWatcher: Sendable {
    let folders: [URL]
    /// How long files must stay unchanged before a rebuild: editors save in bursts.
    var debounce: Duration = .milliseconds(300)
    var interval: Duration = .milliseconds(400)

    typealias Snapshot = [String: [Double]]

    /// Every file under the folders (hidden ones and their contents left out) by its modification time and
    /// size. Walked with `readdir` and `stat`, not `FileManager`: at 18,000 files Foundation's resource
    /// values took seconds a walk and kept a core busy between saves. A linked file is known by its
    /// target's times (an edit shows through the link); linked folders are not walked into.
    func snapshot() -> Snapshot {
        var result: Snapshot = [:]
        for folder in folders { Self.walk(folder.path, into: &result) }
        return result
    }

    private static func walk(_ folder: String, into result: inout Snapshot) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            let path = folder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            if status.st_mode & S_IFMT == S_IFDIR {
                walk(path, into: &result)
                continue
            }
            if status.st_mode & S_IFMT == S_IFLNK {
                guard stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFDIR else { continue }
            }
            result[path] = [Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9, Double(status.st_size)]
        }
    }

    /// Calls `changed` after every settled change with the paths that changed (added, removed or
    /// rewritten), until the task is cancelled.
    func watch(_ changed: @Sendable ([String]) async -> Void) async {
        var last = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var current = snapshot()
            guard current != last else { continue }
            // Wait for the burst of saves to end.
            while !Task.isCancelled {
                try? await Task.sleep(for: debounce)
                let settled = snapshot()
                if settled == current { break }
                current = settled
            }
            let paths = Set(last.keys).union(current.keys).filter { last[$0] != current[$0] }.sorted()
            last = current
            await changed(paths)
        }
    }
}
