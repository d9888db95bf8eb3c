import Foundation

/// Notices changes to the files of an archive (and of the theme, during development) by polling their
/// sizes and modification times: portable, and cheap enough for archives of many thousand files.
struct ArchiveWatcher: Sendable {
    let folders: [URL]
    /// How long files must stay unchanged before a rebuild: editors save in bursts.
    var debounce: Duration = .milliseconds(300)
    var interval: Duration = .milliseconds(400)

    typealias Snapshot = [String: [Double]]

    func snapshot() -> Snapshot {
        var result: Snapshot = [:]
        for folder in folders {
            guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey],
                                                              options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                result[url.path] = [values?.contentModificationDate?.timeIntervalSince1970 ?? 0, Double(values?.fileSize ?? 0)]
            }
        }
        return result
    }

    /// Calls `changed` after every settled change, until the task is cancelled.
    func watch(_ changed: @Sendable () async -> Void) async {
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
            last = current
            await changed()
        }
    }
}
