import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `ReadAlsoMemory` is kept between builds: `.warraq-cache/readalso` in the archive, beside the
/// article cache, and in memory for the preview server, which passes one instance to every rebuild.
///
/// A flat file, read whole and written whole (a new file renamed over the old): each build reads every
/// shortlist and writes them all, so a database's indexes and transactions would only add cost. It holds its
/// format, the build's key (this Warraq, `site.yml`, the archive; as the article cache) and a checksum of
/// everything; a file that does not read back whole under the same key is ignored and every article is
/// scored, which is a clean build's read-also.
public final class ReadAlsoMemoryFile: @unchecked Sendable {
    static let header = "warraq read-also memory 2\n"

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
    func load(key: String) -> ReadAlsoMemory? {
        lock.withLock {
            if let kept, kept.key == key { return kept.memory }
            guard let file, let data = FileManager.default.contents(atPath: file.path) else { return nil }
            let memory = Self.decode([UInt8](data), key: key)
            if let memory { kept = (key, memory) }
            return memory
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

    // MARK: the bytes

    /// `header | key | count | (article, fingerprint, n, n × (candidate, score), choice) … | checksum of all
    /// before`, shortlists in the order of their articles' identities, so that equal memories are equal files.
    /// A choice is `0`, or `1 | key | neighbours? | featured? | similar links | also-published`.
    static func encode(_ memory: ReadAlsoMemory, key: String) -> [UInt8] {
        var bytes: [UInt8] = []
        _ = encode(memory, key: key) { bytes.append(contentsOf: $0); return true }
        return bytes
    }

    /// The same bytes handed to `sink` a megabyte at a time, so that a build never holds the whole file (75
    /// MB at 100,000 articles, at the moment its memory is highest); false once `sink` is.
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
        writer.int(memory.shortlists.count)
        for article in memory.shortlists.keys.sorted() {
            let shortlist = memory.shortlists[article]!
            writer.uint64(article)
            writer.uint64(shortlist.fingerprint)
            writer.uint32(UInt32(shortlist.candidates.count))
            for (candidate, score) in zip(shortlist.candidates, shortlist.scores) {
                writer.uint64(candidate)
                writer.uint64(score.bitPattern)
            }
            writer.bool(shortlist.choice != nil)
            if let choice = shortlist.choice { write(choice, to: &writer) }
            if writer.bytes.count >= chunk, !flush(last: false) { return false }
        }
        return flush(last: true)
    }

    static func decode(_ bytes: [UInt8], key: String) -> ReadAlsoMemory? {
        guard bytes.count >= 8 else { return nil }
        return bytes.withUnsafeBytes { whole -> ReadAlsoMemory? in
            let raw = UnsafeRawBufferPointer(rebasing: whole[..<(whole.count - 8)])
            guard UInt64(littleEndian: whole.loadUnaligned(fromByteOffset: raw.count, as: UInt64.self)) == checksum(raw) else { return nil }
            var reader = CacheBytesReader(raw)
            do {
                guard try reader.string() == header, try reader.string() == key else { return nil }
                let count = try reader.count()
                var memory = ReadAlsoMemory()
                memory.shortlists.reserveCapacity(count)
                for _ in 0..<count {
                    let article = try reader.uint64()
                    let fingerprint = try reader.uint64()
                    let candidates = Int(try reader.uint32())
                    var shortlist = ReadAlsoMemory.Shortlist(fingerprint: fingerprint, candidates: [], scores: [])
                    for _ in 0..<candidates {
                        shortlist.candidates.append(try reader.uint64())
                        shortlist.scores.append(Double(bitPattern: try reader.uint64()))
                    }
                    if try reader.bool() { shortlist.choice = try readChoice(&reader) }
                    memory.shortlists[article] = shortlist
                }
                return reader.atEnd ? memory : nil
            } catch {
                return nil
            }
        }
    }

    private static func write(_ choice: ReadAlsoMemory.Choice, to writer: inout CacheBytesWriter) {
        writer.uint64(choice.key)
        writer.bool(choice.neighbours != nil)
        if let neighbours = choice.neighbours { writer.uint64(neighbours) }
        writer.bool(choice.featured != nil)
        if let featured = choice.featured { writer.uint64(featured) }
        writer.int(choice.similar.count)
        for link in choice.similar {
            switch link {
            case .article(let identity):
                writer.bool(true)
                writer.uint64(identity)
            case .headline(let headline):
                writer.bool(false)
                writer.string(headline)
            }
        }
        writer.int(choice.alsoPublished.count)
        for identity in choice.alsoPublished { writer.uint64(identity) }
    }

    private static func readChoice(_ reader: inout CacheBytesReader) throws(CacheBytesReader.Malformed) -> ReadAlsoMemory.Choice {
        let key = try reader.uint64()
        let neighbours = try reader.bool() ? try reader.uint64() : nil
        let featured = try reader.bool() ? try reader.uint64() : nil
        var similar: [ReadAlsoMemory.Choice.Link] = []
        for _ in 0..<(try reader.count()) {
            similar.append(try reader.bool() ? .article(try reader.uint64()) : .headline(try reader.string()))
        }
        var alsoPublished: [UInt64] = []
        for _ in 0..<(try reader.count()) { alsoPublished.append(try reader.uint64()) }
        return ReadAlsoMemory.Choice(key: key, neighbours: neighbours, featured: featured, similar: similar, alsoPublished: alsoPublished)
    }

    /// A word-at-a-time hash of the bytes (the file is tens of megabytes at 100,000 articles).
    static func checksum(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var hash = FingerprintHash()
        hash.add(bytes: raw)
        return hash.value
    }
}
