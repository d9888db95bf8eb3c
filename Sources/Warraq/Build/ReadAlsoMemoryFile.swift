import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `ReadAlsoMemory` is kept between builds: `.warraq-cache/readalso` in the archive, beside the
/// article cache (or, without a file, in this instance only: for tests).
///
/// A flat file written whole (a new file, written as the shortlists are made, renamed over the old) and
/// never read whole: its shortlists come first, then an index of them by article, which is all a build
/// loads; each article's shortlist is read when it is asked for (`Recall`). At a million articles the file
/// is 750 MB, and decoded whole it took twice that beside the shortlists the build was making. Each build
/// reads every shortlist and writes them all, so a database's indexes and transactions would only add cost.
/// The file holds its format, the build's key (this Warraq, `site.yml`, the archive; as the article cache)
/// and a checksum of everything, checked before anything is believed; a file that does not read back whole
/// under the same key is ignored and every article is scored, which is a clean build's read-also.
public final class ReadAlsoMemoryFile: @unchecked Sendable {
    static let header = "warraq read-also memory 4\n"

    let file: URL?
    private let lock = NSLock()
    private var kept: (key: String, memory: ReadAlsoMemory)?

    public static func file(in archive: URL) -> URL {
        archive.appendingPathComponent(".warraq-cache/readalso")
    }

    /// `file`: nil keeps the memory in this instance only.
    public init(file: URL?) {
        self.file = file
    }

    /// What the last build under `key` remembered, or nil.
    func load(key: String) -> (any ReadAlsoRecall)? {
        lock.withLock {
            if let kept, kept.key == key { return kept.memory }
            guard let file else { return nil }
            return Recall(path: file.path, key: key)
        }
    }

    /// Where this build's shortlists are written as they are made (`Draft`), when they are kept in a file.
    func draft(key: String) -> Draft? {
        file.flatMap { Draft(file: $0, key: key) }
    }

    func save(_ memory: ReadAlsoMemory, key: String) {
        lock.withLock {
            if let draft = memory.sink as? Draft {
                // Already written: only its index is left. Nothing is kept in this process, which then
                // reads the file as the next build would.
                kept = nil
                _ = draft.finish(memory, key: key)
                return
            }
            if let kept, kept.key == key, kept.memory == memory { return }
            kept = (key, memory)
            // A memory held in pieces is written as a build's draft is, piece after piece.
            guard let draft = draft(key: key) else { return }
            let starts = memory.pieces.map(draft.keep)
            _ = draft.finish(ReadAlsoMemory(keptBy: draft, entries: memory.entries.map { $0.moved(by: starts[Int($0.piece)]) }), key: key)
        }
    }

    /// A saved memory, asked one article at a time: the index is in memory, each shortlist is read from
    /// the file when asked for (the file was checked whole when it was opened).
    final class Recall: ReadAlsoRecall, @unchecked Sendable {
        private let descriptor: Int32
        private let records: Int64
        private let entries: [ReadAlsoMemory.Entry]

        init?(path: String, key: String) {
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return nil }
            var status = stat()
            let descriptor = descriptor
            guard fstat(descriptor, &status) == 0,
                  let layout = ReadAlsoMemoryFile.layout(size: Int(status.st_size), key: key, read: { POSIX.readAll(descriptor, at: Int64($0), count: $1) })
            else {
                close(descriptor)
                return nil
            }
            (records, entries) = (Int64(layout.records), layout.entries)
        }

        deinit { close(descriptor) }

        func shortlist(of identity: UInt64) -> ReadAlsoMemory.Shortlist? {
            guard let entry = ReadAlsoMemory.entry(of: identity, in: entries),
                  let bytes = POSIX.readAll(descriptor, at: records + Int64(entry.offset), count: Int(entry.length)) else { return nil }
            return bytes.withUnsafeBytes(ReadAlsoMemory.read)
        }
    }

    // MARK: the bytes

    /// `header | key | shortlists | count × (article, offset, length) | length of the shortlists | count |
    /// checksum of all before`: the shortlists (`ReadAlsoMemory.write`) in the order the build made them,
    /// the index in the order of the articles' identities. The counts come last so that the shortlists can
    /// be written as they are made (`Draft`).
    static func encode(_ memory: ReadAlsoMemory, key: String) -> [UInt8] {
        var bytes: [UInt8] = []
        _ = encode(memory, key: key) { bytes.append(contentsOf: $0); return true }
        return bytes
    }

    /// The same bytes handed to `sink` a megabyte at a time, so that a build never holds the file twice
    /// (750 MB at a million articles, at the moment its memory is highest); false once `sink` is.
    static func encode(_ memory: ReadAlsoMemory, key: String, chunk: Int = 1 << 20, to sink: ([UInt8]) -> Bool) -> Bool {
        withoutActuallyEscaping(sink) { sink in
            var stream = Stream(chunk: chunk, sink: sink)
            stream.open(key: key)
            var offsets: [Int] = []
            var offset = 0
            for piece in memory.pieces {
                offsets.append(offset)
                offset += piece.count
                stream.append(piece)
            }
            stream.close(entries: memory.entries.map { $0.moved(by: offsets.isEmpty ? 0 : offsets[Int($0.piece)]) }, length: offset)
            return stream.finish()
        }
    }

    /// The file's bytes as they are made, handed on a chunk at a time with the checksum of all of them
    /// running: each chunk but the last a whole number of the checksum's words.
    struct Stream {
        private var writer: CacheBytesWriter
        private var sum = FingerprintHash()
        private var total = 0
        private var failed = false
        private let chunk: Int
        private let sink: ([UInt8]) -> Bool

        init(chunk: Int, sink: @escaping ([UInt8]) -> Bool) {
            self.chunk = chunk
            self.sink = sink
            writer = CacheBytesWriter(capacity: chunk + 4096)
        }

        mutating func open(key: String) {
            writer.string(ReadAlsoMemoryFile.header)
            writer.string(key)
        }

        /// Shortlists' bytes, as they are.
        mutating func append(_ bytes: [UInt8]) {
            for start in stride(from: 0, to: bytes.count, by: chunk) {
                writer.byteArray(Array(bytes[start..<min(bytes.count, start + chunk)]))
                if writer.bytes.count >= chunk { flush(last: false) }
            }
        }

        /// The index (`entries` sorted by identity, offsets from the first shortlist) and the counts.
        mutating func close(entries: [ReadAlsoMemory.Entry], length: Int) {
            for entry in entries {
                writer.uint64(entry.identity)
                writer.uint64(UInt64(entry.offset))
                writer.uint32(entry.length)
                if writer.bytes.count >= chunk { flush(last: false) }
            }
            writer.int(length)
            writer.int(entries.count)
        }

        /// The last bytes and the checksum; false if any chunk could not be handed on.
        mutating func finish() -> Bool {
            flush(last: true)
            return !failed
        }

        private mutating func flush(last: Bool) {
            // Once the sink has failed, what comes after is let go, not held until the end.
            guard !failed else { _ = writer.take(); return }
            var bytes = writer.take()
            let words = bytes.withUnsafeBytes { sum.add(words: $0) }
            total += last ? bytes.count : words
            if last {
                bytes.withUnsafeBytes { sum.add(tail: UnsafeRawBufferPointer(rebasing: $0[words...]), length: total) }
                withUnsafeBytes(of: sum.value.littleEndian) { bytes.append(contentsOf: $0) }
            } else {
                writer.byteArray(Array(bytes[words...]))
                bytes.removeLast(bytes.count - words)
            }
            if !sink(bytes) { failed = true }
        }
    }

    /// The file of this build's memory while read-also makes it: each part of the archive's shortlists is
    /// written as soon as it is scored (`ShortlistSink`), not held until the plan is done (at a million
    /// articles 0.75 GB, when a build's memory is at its highest). Written beside the file and named over
    /// it by `save`; a build that ends before removes it.
    final class Draft: ShortlistSink, @unchecked Sendable {
        private let lock = NSLock()
        private let descriptor: Int32
        private let temporary: String
        private let target: String
        private let key: String
        private var stream: Stream
        private var length = 0
        private var done = false

        init?(file: URL, key: String) {
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            target = file.path
            temporary = file.path + ".new-" + String(getpid())
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return nil }
            self.descriptor = descriptor
            self.key = key
            stream = Stream(chunk: 1 << 20) { POSIX.writeAll($0, to: descriptor) }
            stream.open(key: key)
        }

        deinit {
            if !done {
                close(descriptor)
                unlink(temporary)
            }
        }

        func keep(_ piece: [UInt8]) -> Int {
            lock.withLock {
                let start = length
                stream.append(piece)
                length += piece.count
                return start
            }
        }

        /// Writes the index of `memory` (whose shortlists are all this file's) and names the file; false
        /// if any of it could not be written, and then the file is gone.
        func finish(_ memory: ReadAlsoMemory, key: String) -> Bool {
            lock.withLock {
                guard !done else { return false }
                done = true
                guard key == self.key, memory.sink === self else {
                    close(descriptor)
                    unlink(temporary)
                    return false
                }
                stream.close(entries: memory.entries, length: length)
                let written = stream.finish()
                if close(descriptor) != 0 || !written || rename(temporary, target) != 0 {
                    unlink(temporary)
                    return false
                }
                return true
            }
        }
    }

    /// A whole file's bytes as a memory in this process, or nil: what `encode` wrote, read back.
    static func decode(_ bytes: [UInt8], key: String) -> ReadAlsoMemory? {
        guard let layout = layout(size: bytes.count, key: key, read: { offset, count in
            offset >= 0 && count >= 0 && offset + count <= bytes.count ? Array(bytes[offset..<(offset + count)]) : nil
        }) else { return nil }
        let records = Array(bytes[layout.records..<(layout.records + layout.length)])
        return ReadAlsoMemory(pieces: [records], entries: layout.entries)
    }

    /// A file's checksum checked over every byte, its header and key, and its index read: where its
    /// shortlists start and how long they are, and the index (entries of one piece, offsets from that
    /// start). `read(offset, count)` gives the file's bytes; nil when the file is not whole, not this
    /// format or not this key.
    static func layout(size: Int, key: String, read: (Int, Int) -> [UInt8]?) -> (records: Int, length: Int, entries: [ReadAlsoMemory.Entry])? {
        guard size >= 8, let stored = read(size - 8, 8) else { return nil }
        // The checksum a megabyte at a time: the file is never in memory whole.
        var sum = FingerprintHash()
        let piece = 1 << 20
        var offset = 0
        while offset < size - 8 {
            let count = min(piece, size - 8 - offset)
            guard let bytes = read(offset, count) else { return nil }
            let words = bytes.withUnsafeBytes { sum.add(words: $0) }
            if count < piece { bytes.withUnsafeBytes { sum.add(tail: UnsafeRawBufferPointer(rebasing: $0[words...]), length: size - 8) } }
            offset += count
        }
        if (size - 8) % piece == 0 { sum.add(tail: UnsafeRawBufferPointer(start: nil, count: 0), length: size - 8) }
        guard stored.withUnsafeBytes({ UInt64(littleEndian: $0.loadUnaligned(as: UInt64.self)) }) == sum.value else { return nil }

        let headerLength = 4 + header.utf8.count + 4 + key.utf8.count
        guard size >= headerLength + 24, let start = read(0, headerLength), let end = read(size - 24, 16) else { return nil }
        let opened = start.withUnsafeBytes { raw -> Bool in
            var reader = CacheBytesReader(raw)
            return (try? reader.string()) == header && (try? reader.string()) == key && reader.atEnd
        }
        let counts = end.withUnsafeBytes { raw -> (length: Int, count: Int)? in
            var reader = CacheBytesReader(raw)
            guard let length = try? reader.int(), let count = try? reader.int() else { return nil }
            return (length, count)
        }
        // Bounded before they are multiplied: a file whose checksum holds may still not be ours.
        guard opened, let (length, count) = counts, count >= 0, count <= size / 20, length >= 0, length <= size,
              headerLength + length + count * 20 + 24 == size,
              let index = read(headerLength + length, count * 20) else { return nil }
        var entries: [ReadAlsoMemory.Entry] = []
        entries.reserveCapacity(count)
        let valid = index.withUnsafeBytes { raw -> Bool in
            var reader = CacheBytesReader(raw)
            for _ in 0..<count {
                guard let identity = try? reader.uint64(), let offset = try? reader.uint64(), let entryLength = try? reader.uint32(),
                      offset <= UInt64(length), UInt64(entryLength) <= UInt64(length) - offset,
                      entries.last.map({ $0.identity < identity }) != false else { return false }
                entries.append(.init(identity: identity, piece: 0, length: entryLength, offset: Int(offset)))
            }
            return reader.atEnd
        }
        return valid ? (headerLength, length, entries) : nil
    }
}
