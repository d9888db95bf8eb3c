import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `ReadAlsoMemory` is kept between builds: `.warraq-cache/readalso` in the archive, beside the
/// article cache, and in memory for the preview server, which passes one instance to every rebuild.
///
/// A flat file written whole (a new file renamed over the old) and never read whole: its shortlists come
/// first, then an index of them by article, which is all a build loads; each article's shortlist is read
/// when it is asked for (`Recall`). At a million articles the file is 750 MB, and decoded whole it took
/// twice that beside the shortlists the build was making. Each build reads every shortlist and writes
/// them all, so a database's indexes and transactions would only add cost. The file holds its format, the
/// build's key (this Warraq, `site.yml`, the archive; as the article cache) and a checksum of everything,
/// checked before anything is believed; a file that does not read back whole under the same key is
/// ignored and every article is scored, which is a clean build's read-also.
public final class ReadAlsoMemoryFile: @unchecked Sendable {
    static let header = "warraq read-also memory 3\n"

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

    func save(_ memory: ReadAlsoMemory, key: String) {
        lock.withLock {
            if let kept, kept.key == key, kept.memory == memory { return }
            kept = (key, memory)
            guard let file else { return }
            try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            let temporary = file.path + ".new-" + String(getpid())
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return }
            let written = Self.encode(memory, key: key) { POSIX.writeAll($0, to: descriptor) }
            if close(descriptor) != 0 || !written || rename(temporary, file.path) != 0 { unlink(temporary) }
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

    /// `header | key | count | length of the shortlists | shortlists | count × (article, offset, length) |
    /// checksum of all before`: the shortlists (`ReadAlsoMemory.write`) in the order the build made them,
    /// the index in the order of the articles' identities.
    static func encode(_ memory: ReadAlsoMemory, key: String) -> [UInt8] {
        var bytes: [UInt8] = []
        _ = encode(memory, key: key) { bytes.append(contentsOf: $0); return true }
        return bytes
    }

    /// The same bytes handed to `sink` a megabyte at a time, so that a build never holds the file twice
    /// (750 MB at a million articles, at the moment its memory is highest); false once `sink` is.
    static func encode(_ memory: ReadAlsoMemory, key: String, chunk: Int = 1 << 20, to sink: ([UInt8]) -> Bool) -> Bool {
        var writer = CacheBytesWriter(capacity: chunk + 4096)
        var sum = FingerprintHash(), total = 0
        // Each piece but the last is a whole number of words, so that the checksum is the one `checksum`
        // finds over the whole file.
        func flush(last: Bool) -> Bool {
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
            return sink(bytes)
        }
        writer.string(header)
        writer.string(key)
        writer.int(memory.entries.count)
        writer.int(memory.pieces.reduce(0) { $0 + $1.count })
        var offsets: [Int] = []
        var offset = 0
        for piece in memory.pieces {
            offsets.append(offset)
            offset += piece.count
            for start in stride(from: 0, to: piece.count, by: chunk) {
                writer.byteArray(Array(piece[start..<min(piece.count, start + chunk)]))
                if writer.bytes.count >= chunk, !flush(last: false) { return false }
            }
        }
        for entry in memory.entries {
            writer.uint64(entry.identity)
            writer.uint64(UInt64(offsets[Int(entry.piece)] + entry.offset))
            writer.uint32(entry.length)
            if writer.bytes.count >= chunk, !flush(last: false) { return false }
        }
        return flush(last: true)
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

        let headerLength = 4 + header.utf8.count + 4 + key.utf8.count + 16
        guard let start = read(0, min(headerLength, size - 8)) else { return nil }
        let opening = start.withUnsafeBytes { raw -> (count: Int, length: Int)? in
            var reader = CacheBytesReader(raw)
            guard (try? reader.string()) == header, (try? reader.string()) == key,
                  let count = try? reader.int(), let length = try? reader.int(), reader.atEnd else { return nil }
            return (count, length)
        }
        // Bounded before they are multiplied: a file whose checksum holds may still not be ours.
        guard let (count, length) = opening, count >= 0, count <= size / 20, length >= 0, length <= size,
              headerLength + length + count * 20 + 8 == size,
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
