#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

extension ArticleCache {
    /// A whole new cache file being written beside the old (`articles.new-PID`) and renamed over it when
    /// complete. Each record's bodies are shelved on it as soon as it holds them: a first build lets a
    /// parsed body go while the archive is still being read.
    struct Draft {
        let target: String
        let path: String
        private let descriptor: Int32
        private let shelf: CacheShelf?
        private var offset = 0
        /// Whether every write so far succeeded.
        private(set) var whole: Bool
        private(set) var records = 0
        /// The paths whose records it holds.
        private(set) var holds: Set<String> = []

        init(_ file: URL, header: [UInt8], unreadable: UnreadableBodies) {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            target = file.path
            path = file.path + ".new-" + String(getpid())
            descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
            shelf = descriptor >= 0 ? CacheShelf(descriptor: descriptor, unreadable: unreadable) : nil
            whole = shelf != nil && POSIX.writeAll(header, to: descriptor)
            offset = header.count
        }

        mutating func write(_ batch: [(path: String, record: Record)]) {
            guard whole, let shelf else { return }
            let kept = batch.filter { !$0.record.bytes.isEmpty }
            let (bytes, bodies) = Record.joined(kept.map(\.record))
            for (path, _) in kept { holds.insert(path) }
            records += kept.count
            whole = POSIX.writeAll(bytes, to: descriptor)
            guard whole else { return }
            for span in bodies { span.moved(by: offset).shelve(on: shelf) }
            offset += bytes.count
        }

        /// Puts it in place of the old file; false (and nothing replaced) if any write failed.
        func commit() -> Bool {
            whole && rename(path, target) == 0
        }

        /// Removes it; bodies shelved on it stay readable through the shelf's descriptor.
        func discard() {
            unlink(path)
        }
    }
}
