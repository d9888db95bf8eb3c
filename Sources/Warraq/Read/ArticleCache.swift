import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What reading each article file gave the last time (its articles and its warnings), so that a rebuild
/// parses and renders the Markdown of changed files only. Kept as `.warraq-cache/articles` in the archive.
///
/// A file is known by its path, size, modification and change times and inode (taken before it is read),
/// and by a hash of its bytes and its sidecar's: a file whose times changed but whose bytes did not is not
/// parsed again either. A file modified in the moments before it was read could change again within the
/// same clock tick, so its times are not trusted next time: its bytes are hashed and compared.
///
/// The file is a header (format and key) then records appended one per file read, the last for a path
/// winning; it is written again whole when the records of deleted or changed files outnumber the live
/// ones. Each record carries its length and a checksum. Nothing wrong can come out of it: a header of
/// another format or key (another Warraq, another `site.yml`, another archive name) discards it all, a
/// garbled record is skipped (its file is read again), a torn tail ends the file. The key does not hold
/// the theme: reading an article does not depend on it.
public final class ArticleCache: @unchecked Sendable {
    static let header = "warraq article cache 2\n"

    /// A file as the file system knows it, without reading it.
    struct Stamp: Equatable {
        var size: Int
        var modified: Int64
        var changed: Int64
        var inode: UInt64

        init?(_ path: String) {
            var status = stat()
            guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            size = Int(status.st_size)
            modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
            changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
            inode = UInt64(status.st_ino)
        }

        init(size: Int, modified: Int64, changed: Int64, inode: UInt64) {
            (self.size, self.modified, self.changed, self.inode) = (size, modified, changed, inode)
        }
    }

    /// One file's record.
    struct Entry {
        var stamp: Stamp
        /// The sidecar's (`NAME.yml` beside `NAME.txt`), nil when there is none.
        var sidecar: Stamp?
        /// Whether the stamps may be believed next time (the file was not modified just before it was read).
        var trusted: Bool
        var contentHash: UInt64
        var articles: [Article]
        var diagnostics: [Diagnostic]
    }

    /// Where the cache is kept; nil: in memory only.
    let file: URL?
    private let lock = NSLock()
    private var key = ""
    private var seed: UInt64 = 0
    private var entries: [String: Entry] = [:]
    /// Records the file holds, live or not: when to write it again whole.
    private var recordsInFile = 0
    /// Records of this build, encoded while reading (in parallel), appended when the build saves; their
    /// bodies are shelved on the file once it holds them.
    private var pending: [(path: String, record: Record)] = []
    private var pendingBytes = 0
    /// Whether records may be written while reading, once `flushBytes` of them wait: a first build would
    /// otherwise hold every body twice, parsed and encoded. Not for a build that writes no file (`check`).
    private var writesEarly = false
    let flushBytes: Int
    /// The new file a whole rewrite goes into, renamed over the old when the build saves.
    private var draft: Draft?
    /// Bodies shelved on the file that could not be read back.
    let unreadable = UnreadableBodies()
    private var mustRewrite = true
    private(set) var hits = 0
    private(set) var misses = 0

    /// A cache kept in `file` (read when `use(key:)` is first called), or in memory only.
    /// Where an archive keeps its cache: beside the image cache, out of the output folder.
    public static func file(in archive: URL) -> URL {
        archive.appendingPathComponent(".warraq-cache/articles")
    }

    /// `flushBytes`: how many bytes of records may wait while reading before they are written.
    public init(file: URL?, flushBytes: Int = 32 << 20) {
        self.file = file
        self.flushBytes = flushBytes
    }

    /// Makes the cache answer for builds with this key: the file is read if not yet, and everything is
    /// dropped if it was made under another key.
    /// `writes`: whether this build saves the cache (`save(keeping:)`).
    func use(key: String, writes: Bool = true) {
        lock.withLock {
            // Counted per build: the preview's cache serves build after build.
            hits = 0
            misses = 0
            writesEarly = writes
            draft?.discard()
            draft = nil
            guard key != self.key else { return }
            self.key = key
            seed = StableHash(Array(key.utf8)).value
            entries = [:]
            pending = []
            pendingBytes = 0
            recordsInFile = 0
            mustRewrite = true
            if let file, let shelf = CacheShelf(path: file.path, unreadable: unreadable) {
                _ = shelf.mapped { load($0, key: key, shelf: shelf) }
            }
        }
    }

    /// Drops everything read, so that the next build reads the file again (and checks it) whatever its key.
    func forget() {
        lock.withLock {
            key = ""
            entries = [:]
            pending = []
            pendingBytes = 0
            draft?.discard()
            draft = nil
        }
    }

    /// The record of a file whose stamps are as recorded and trusted.
    func entry(_ path: String, stamp: Stamp, sidecar: Stamp?) -> Entry? {
        let found = lock.withLock { entries[path] }
        guard let found, found.trusted, found.stamp == stamp, found.sidecar == sidecar else { return nil }
        lock.withLock { hits += 1 }
        return found
    }

    /// The record of a file whose bytes are as recorded, re-stamped (its times changed, not its bytes).
    func entry(_ path: String, contentHash: UInt64, stamp: Stamp, sidecar: Stamp?, trusted: Bool) -> Entry? {
        guard var found = lock.withLock({ entries[path] }), found.contentHash == contentHash else { return nil }
        found.stamp = stamp
        found.sidecar = sidecar
        found.trusted = trusted
        store(path, found)
        lock.withLock { hits += 1 }
        return found
    }

    /// Records what reading a file gave. Articles whose front matter holds a value the cache cannot keep
    /// exactly are not recorded: their file is read again next time.
    func store(_ path: String, _ entry: Entry) {
        // A body that could not be read back from the file must not be written into it as empty.
        let failures = unreadable.value
        guard let record = Self.record(path, entry, seed: lock.withLock({ seed })), unreadable.value == failures else {
            lock.withLock { _ = entries.removeValue(forKey: path) }
            return
        }
        lock.withLock {
            entries[path] = entry
            pending.append((path, record))
            pendingBytes += record.bytes.count
            if writesEarly, pendingBytes >= flushBytes, let file { flush(file) }
        }
    }

    func countMiss() {
        lock.withLock { misses += 1 }
    }

    /// Forgets the files that are no longer in the archive and writes what changed: appended records, or
    /// the whole file again (into a new file renamed over the old) when most of it is dead.
    func save(keeping paths: [String]) {
        lock.withLock {
            let live = Set(paths)
            entries = entries.filter { live.contains($0.key) }
            guard let file else { pending = []; pendingBytes = 0; return }
            let pendingCount = pending.count
            if !mustRewrite && pendingCount == 0 { return }
            if mustRewrite || draft != nil || recordsInFile + pendingCount > 2 * entries.count + 64 {
                rewrite(file)
            } else {
                append(file)
            }
            pending = []
            pendingBytes = 0
        }
    }

    /// Whether stamps taken after `started` (nanoseconds since 1970) may be believed next time: neither file
    /// was modified in the tenth of a second before, in which a second edit could keep the same stamp.
    static func trusted(_ stamp: Stamp, _ sidecar: Stamp?, started: Int64) -> Bool {
        let window: Int64 = 100_000_000
        return [stamp, sidecar].allSatisfy { stamp in stamp.map { max($0.modified, $0.changed) < started - window } ?? true }
    }

    static var now: Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    // MARK: the file

    /// Writes the records waiting: into the draft of a whole new file when one is due, else after the
    /// file's records (a record written early is a true record of its file whatever happens next).
    private func flush(_ file: URL) {
        if mustRewrite {
            if draft == nil { draft = Draft(file, header: Self.header(key), unreadable: unreadable) }
            draft?.write(pending)
        } else {
            append(file)
        }
        pending = []
        pendingBytes = 0
    }

    /// Records encoded while reading are written as they are; the others are encoded a slice at a time
    /// and written as they come, so the whole file is never held twice in memory. Records already in the
    /// draft are not written again.
    private func rewrite(_ file: URL) {
        var draft = self.draft ?? Draft(file, header: Self.header(key), unreadable: unreadable)
        self.draft = nil
        let sorted = entries.keys.filter { !draft.holds.contains($0) }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var encoded: [String: Record] = [:]
        for record in pending { encoded[record.path] = record.record }
        pending = []
        let (seed, failures) = (self.seed, unreadable.value)
        var start = 0
        while draft.whole && start < sorted.count {
            let slice = Array(sorted[start..<min(start + 2048, sorted.count)])
            start += slice.count
            draft.write(Parallel.map(slice, minimumChunk: 64) { [encoded] path in
                (path, encoded[path] ?? entries[path].flatMap { Self.record(path, $0, seed: seed) } ?? Record(bytes: [], bodies: []))
            })
        }
        // A body that could not be read back from the old file must not be written into the new one as empty.
        guard unreadable.value == failures, draft.commit() else {
            draft.discard()
            recordsInFile = 0
            mustRewrite = true
            return
        }
        recordsInFile = draft.records
        mustRewrite = false
    }

    /// Bodies are shelved on the file once each record is found where it was written: with two builds
    /// appending at once, records of the other can land between this one's.
    private func append(_ file: URL) {
        let (bytes, bodies) = Record.joined(pending.map(\.record))
        let descriptor = open(file.path, O_RDWR | O_APPEND | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { mustRewrite = true; return }
        let shelf = CacheShelf(descriptor: descriptor, unreadable: unreadable)
        guard POSIX.writeAll(bytes, to: descriptor) else { mustRewrite = true; return }
        recordsInFile += pending.count
        let start = Int(lseek(descriptor, 0, SEEK_CUR)) - bytes.count
        var offset = start
        for record in pending {
            guard start >= 0, shelf.bytes(at: offset, count: 12) == Array(record.record.bytes.prefix(12)) else { return }
            offset += record.record.bytes.count
        }
        for span in bodies { span.moved(by: start).shelve(on: shelf) }
    }

    /// What the file starts with: its format, then the key it was made under.
    private static func header(_ key: String) -> [UInt8] {
        [UInt8](header.utf8) + [UInt8](key.utf8) + [0x0A]
    }

    /// A record's bytes and where its articles' bodies lie in them.
    struct Record {
        var bytes: [UInt8]
        var bodies: [CachedArticle.BodySpan]

        /// Records one after another, with where their bodies lie in the whole.
        static func joined(_ records: [Record]) -> (bytes: [UInt8], bodies: [CachedArticle.BodySpan]) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(records.reduce(0) { $0 + $1.bytes.count })
            var bodies: [CachedArticle.BodySpan] = []
            for record in records {
                bodies += record.bodies.map { $0.moved(by: bytes.count) }
                bytes += record.bytes
            }
            return (bytes, bodies)
        }
    }

    /// `length (4) | checksum (8) | path, stamps, hash, articles, diagnostics`.
    static func record(_ path: String, _ entry: Entry, seed: UInt64) -> Record? {
        var body = CacheBytesWriter(capacity: 8192)
        body.string(path)
        write(entry.stamp, to: &body)
        body.bool(entry.sidecar != nil)
        if let sidecar = entry.sidecar { write(sidecar, to: &body) }
        body.bool(entry.trusted)
        body.uint64(entry.contentHash)
        body.int(entry.articles.count)
        var bodies: [CachedArticle.BodySpan] = []
        do {
            for article in entry.articles { bodies.append(try CachedArticle.write(article, to: &body).moved(by: 12)) }
        } catch {
            return nil
        }
        body.int(entry.diagnostics.count)
        for diagnostic in entry.diagnostics { CachedArticle.write(diagnostic, to: &body) }
        var out = CacheBytesWriter(capacity: body.bytes.count + 12)
        out.uint32(UInt32(body.bytes.count))
        out.uint64(body.bytes.withUnsafeBytes { Checksum.of($0, seed: seed) })
        return Record(bytes: out.bytes + body.bytes, bodies: bodies)
    }

    private static func write(_ stamp: Stamp, to out: inout CacheBytesWriter) {
        out.int(stamp.size)
        out.uint64(UInt64(bitPattern: stamp.modified))
        out.uint64(UInt64(bitPattern: stamp.changed))
        out.uint64(stamp.inode)
    }

    private static func readStamp(_ input: inout CacheBytesReader) throws(CacheBytesReader.Malformed) -> Stamp {
        Stamp(size: try input.int(), modified: Int64(bitPattern: try input.uint64()), changed: Int64(bitPattern: try input.uint64()),
              inode: try input.uint64())
    }

    /// Reads the records of a file made under `key`; finds their bounds first, then decodes them in parallel.
    /// Bodies are shelved on `shelf`, the file `raw` maps, not copied out of it.
    private func load(_ raw: UnsafeRawBufferPointer, key: String, shelf: CacheShelf) {
        let seed = self.seed
        let expected = Self.header(key)
        guard raw.count >= expected.count, raw.prefix(expected.count).elementsEqual(expected) else { return }
        var whole = true
        let decoded: [(path: String, entry: Entry)?] = {
            var bounds: [Range<Int>] = []
            var offset = expected.count, given = 0
            while raw.count - offset >= 12 {
                let length = Int(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self).littleEndian)
                guard length <= raw.count - offset - 12 else { break }
                bounds.append(offset..<(offset + 12 + length))
                offset += 12 + length
                // The walk reads a few bytes a record, but the kernel maps the pages around each: the
                // whole file counted in the build's memory before a record was decoded (0.9 GB at 100,000
                // articles, the peak of a rebuild), unless given back as the walk goes.
                if offset - given >= Self.walkedPages {
                    Self.letGo(UnsafeRawBufferPointer(rebasing: raw[given..<offset]))
                    given = offset
                }
            }
            // A torn tail: what a later build appends must not land behind it, out of reach.
            whole = offset == raw.count
            // Read only while the mapped file is held, and each chunk reads records of its own.
            nonisolated(unsafe) let raw = raw
            // Each chunk gives its records' pages back a stretch at a time: one `madvise` per record was
            // more than decoding them, as each flushes the other cores' TLBs.
            return Parallel.mapChunks(bounds, minimumChunk: 64, state: { Walked(raw) }) { walked, range in
                let record = UnsafeRawBufferPointer(rebasing: raw[range])
                let body = UnsafeRawBufferPointer(rebasing: record[12...])
                defer { walked.passed(range) }
                guard record.loadUnaligned(fromByteOffset: 4, as: UInt64.self).littleEndian == Checksum.of(body, seed: seed) else { return nil }
                var input = CacheBytesReader(body)
                return try? Self.decode(&input, shelf: (shelf, range.lowerBound + 12))
            } keep: { walked in
                walked.finish()
            }.results
        }()
        for case let (path, entry)? in decoded { entries[path] = entry }
        recordsInFile = decoded.count
        mustRewrite = !whole || decoded.contains { $0 == nil }
    }

    /// How much of the file the walk for records' bounds, or a chunk of the decoding, reads before it
    /// gives those pages back.
    private static let walkedPages = 16 << 20

    /// The stretch of the mapped file one chunk of the decoding has read and not yet given back.
    private struct Walked: @unchecked Sendable {
        let raw: UnsafeRawBufferPointer
        var start: Int?
        var end = 0

        init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

        mutating func passed(_ record: Range<Int>) {
            if start == nil { start = record.lowerBound }
            end = record.upperBound
            if end - start! >= ArticleCache.walkedPages { finish() }
        }

        mutating func finish() {
            guard let from = start else { return }
            ArticleCache.letGo(UnsafeRawBufferPointer(rebasing: raw[from..<end]))
            start = nil
        }
    }

    /// Gives the pages of records back once they are read: checking them touched every byte (their bodies too),
    /// and the mapped file (8.8 GB at a million articles) would otherwise count whole in the build's memory.
    /// The mapping is private and never written, so a page given back reads the file again if touched.
    private static func letGo(_ record: UnsafeRawBufferPointer) {
        guard let base = record.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        // From the page the record starts on: the record before it on that page is read by then, or (at a
        // chunk's edge) reads it again from the file.
        let start = Int(bitPattern: base) / page * page
        let end = (Int(bitPattern: base) + record.count) / page * page
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        madvise(pointer, end - start, Int32(MADV_DONTNEED))
    }

    private static func decode(_ input: inout CacheBytesReader, shelf: (shelf: any BodyShelf, offset: Int)) throws(CacheBytesReader.Malformed) -> (path: String, entry: Entry) {
        let path = try input.string()
        let stamp = try readStamp(&input)
        let sidecar = try input.bool() ? try readStamp(&input) : nil
        let trusted = try input.bool()
        let hash = try input.uint64()
        var articles: [Article] = []
        for _ in 0..<(try input.count()) { articles.append(try CachedArticle.read(from: &input, shelf: shelf)) }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try input.count()) { diagnostics.append(try CachedArticle.readDiagnostic(from: &input)) }
        guard input.atEnd else { throw CacheBytesReader.Malformed() }
        return (path, Entry(stamp: stamp, sidecar: sidecar, trusted: trusted, contentHash: hash, articles: articles, diagnostics: diagnostics))
    }
}
