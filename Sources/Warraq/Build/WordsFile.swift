import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where every article's `ArticleWords` are kept between builds: `.warraq-cache/words` in the archive,
/// beside the article cache, by the hash of the title and text they were read from.
///
/// Records are appended and never rewritten in place; after them come the section this build made (every
/// live record's place and the letters of every word key) and a footer that finds it. A build reads the
/// section whole and each record it needs on its own (`pread`, checked against its checksum and the identity
/// it holds: a build running beside another on the same archive may find the other's records), so the file
/// is never held in memory. A rebuild that read new words appends them and a new section; the file is written
/// again whole (live records copied into a new file renamed over the old) when dead bytes outnumber live ones.
/// A file under another key, without a whole footer, or with a garbled section is not used: every article's
/// words are read again. A garbled record is read again too. A build killed while appending leaves a file
/// without a whole footer, which the next build replaces.
public final class WordsFile: WordsStore, @unchecked Sendable {
    static let header = "warraq words 2\n"
    static let magic: UInt64 = 0x3153_4452_4F57_5157  // "WQWORDS1"
    static let footerSize = 32

    let path: String
    private let writes: Bool
    private let lock = NSLock()
    private var seed: UInt64 = 0
    private var headerBytes: [UInt8] = []
    /// The file as it was found: open for reading, its records and their places, the letters it knows.
    private var descriptor: Int32 = -1
    private var size: Int64 = 0
    private var places: [UInt64: (offset: Int64, length: Int)] = [:]
    private var spellings: [UInt64: [Unicode.Scalar]] = [:]
    /// Whether the file's header, footer and section read back whole under this build's key.
    private var whole = false
    /// Where this build's new records go: the same file when it was whole, else a new one.
    private var output: Int32 = -1
    private var outputPath = ""
    private var outputEnd: Int64 = 0
    private var added: [UInt64: (offset: Int64, length: Int)] = [:]
    /// How many articles' words this build read (rather than took from the file).
    public private(set) var read = 0

    public static func file(in archive: URL) -> URL {
        archive.appendingPathComponent(".warraq-cache/words")
    }

    /// `writes`: false for a build that writes no file (`warraq check`), which still reads what is there.
    public init(file: URL, writes: Bool = true) {
        path = file.path
        self.writes = writes
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
        // A build that never finished: a new file is dropped, an appended one lacks its footer.
        if output >= 0 {
            close(output)
            if outputPath != path { unlink(outputPath) }
        }
    }

    /// Reads the file's section if it was made under `key`.
    func use(key: String) {
        lock.withLock {
            seed = StableHash(Array(key.utf8)).value
            headerBytes = Array(Self.header.utf8) + Array(key.utf8) + [0x0A]
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { return }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else { return }
            size = Int64(status.st_size)
            whole = loadSection()
            if !whole {
                places = [:]
                spellings = [:]
            }
        }
    }

    private func loadSection() -> Bool {
        guard size >= Int64(headerBytes.count + Self.footerSize),
              let head = read(at: 0, count: headerBytes.count), head == headerBytes,
              let footer = read(at: size - Int64(Self.footerSize), count: Self.footerSize) else { return false }
        let (offset, length, checksum, magic) = footer.withUnsafeBytes { raw in
            (Int64(raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self).littleEndian), Int(raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self).littleEndian, raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self).littleEndian)
        }
        guard magic == Self.magic, offset >= Int64(headerBytes.count), offset + Int64(length) == size - Int64(Self.footerSize),
              let section = read(at: offset, count: length),
              section.withUnsafeBytes({ Checksum.of($0, seed: seed) }) == checksum else { return false }
        return section.withUnsafeBytes { raw in
            var reader = CacheBytesReader(raw)
            do {
                let words = try reader.count()
                spellings.reserveCapacity(words)
                for _ in 0..<words {
                    let key = try reader.uint64()
                    let count = Int(try reader.uint32())
                    var letters: [Unicode.Scalar] = []
                    letters.reserveCapacity(count)
                    for _ in 0..<count {
                        guard let scalar = Unicode.Scalar(try reader.uint32()) else { throw CacheBytesReader.Malformed() }
                        letters.append(scalar)
                    }
                    spellings[key] = letters
                }
                let records = try reader.count()
                places.reserveCapacity(records)
                for _ in 0..<records {
                    let identity = try reader.uint64(), at = Int64(try reader.uint64()), length = Int(try reader.uint32())
                    guard at >= Int64(headerBytes.count), at + Int64(length) <= offset else { throw CacheBytesReader.Malformed() }
                    places[identity] = (at, length)
                }
                return reader.atEnd
            } catch {
                return false
            }
        }
    }

    // MARK: WordsStore

    public func words(_ identity: UInt64) -> ArticleWords? {
        record(identity, counts: true)
    }

    /// Read-also compares the shingles of a few candidates per article: their record's words are skipped.
    public func shingles(_ identity: UInt64) -> [UInt32]? {
        record(identity, counts: false)?.shingles
    }

    /// `identity`'s record, checked whole; with its word counts, or without them (left empty).
    private func record(_ identity: UInt64, counts wantsCounts: Bool) -> ArticleWords? {
        // `places` and `spellings` change only in `use` and `finish`, never while words are asked for.
        guard let place = places[identity], let record = read(at: place.offset, count: place.length) else { return nil }
        return record.withUnsafeBytes { raw -> ArticleWords? in
            guard raw.count >= 8, raw.loadUnaligned(as: UInt64.self).littleEndian == Checksum.of(UnsafeRawBufferPointer(rebasing: raw[8...]), seed: seed) else { return nil }
            var reader = CacheBytesReader(UnsafeRawBufferPointer(rebasing: raw[8...]))
            do {
                // A record is found by its place in the section; it must also say whose words it holds.
                guard try reader.uint64() == identity else { return nil }
                func counts() throws(CacheBytesReader.Malformed) -> [ArticleWords.Count] {
                    let count = try reader.count()
                    guard wantsCounts else {
                        try reader.skip(count * 12)
                        return []
                    }
                    var list: [ArticleWords.Count] = []
                    list.reserveCapacity(count)
                    for _ in 0..<count { list.append(.init(key: try reader.uint64(), count: Int32(bitPattern: try reader.uint32()))) }
                    return list
                }
                var words = ArticleWords(title: try counts(), text: try counts())
                let shingles = try reader.count()
                words.shingles.reserveCapacity(shingles)
                for _ in 0..<shingles { words.shingles.append(try reader.uint32()) }
                return reader.atEnd ? words : nil
            } catch {
                return nil
            }
        }
    }

    public func spelling(_ key: UInt64) -> [Unicode.Scalar]? {
        spellings[key]
    }

    public func remember(_ words: ArticleWords, as identity: UInt64) {
        lock.withLock { read += 1 }
        guard writes else { return }
        var body = CacheBytesWriter(capacity: 16 * (words.title.count + words.text.count) + 4 * words.shingles.count + 40)
        body.uint64(identity)
        for list in [words.title, words.text] {
            body.int(list.count)
            for word in list {
                body.uint64(word.key)
                body.uint32(UInt32(bitPattern: word.count))
            }
        }
        body.int(words.shingles.count)
        for shingle in words.shingles { body.uint32(shingle) }
        var record = CacheBytesWriter(capacity: body.bytes.count + 8)
        record.uint64(body.bytes.withUnsafeBytes { Checksum.of($0, seed: seed) })
        let bytes = record.bytes + body.bytes
        lock.withLock {
            guard openOutput(), POSIX.writeAll(bytes, to: output) else {
                abandonOutput()
                return
            }
            added[identity] = (outputEnd, bytes.count)
            outputEnd += Int64(bytes.count)
        }
    }

    public func finish(live: [UInt64], spellings used: [UInt64: [Unicode.Scalar]]) {
        guard writes else { return }
        lock.withLock {
            let appendsToOld = output >= 0 && outputPath == path
            if output < 0 && live.allSatisfy({ places[$0] != nil }) { return }
            // Dead bytes (records of changed or deleted articles, old sections) above live ones: a new file.
            let liveBytes = live.reduce(Int64(0)) { $0 + Int64((added[$1] ?? places[$1])?.length ?? 0) }
            let rewrite = output < 0 || (appendsToOld && outputEnd > 2 * liveBytes + Int64(headerBytes.count) + (1 << 20))
            if rewrite && appendsToOld {
                for (identity, place) in added { places[identity] = place }
                added = [:]
                close(output)
                output = -1
            }
            guard openOutput(fresh: rewrite) else { return abandonOutput() }
            // A new file takes the live records it does not have yet from the old one; records appended
            // to the old file join those it holds (copying them too doubled the file at every rebuild).
            if rewrite {
                for identity in live where added[identity] == nil {
                    guard let place = places[identity], let record = read(at: place.offset, count: place.length) else { continue }
                    guard POSIX.writeAll(record, to: output) else { return abandonOutput() }
                    added[identity] = (outputEnd, record.count)
                    outputEnd += Int64(record.count)
                }
            }
            var section = CacheBytesWriter(capacity: 64 + used.count * 40 + live.count * 20)
            section.int(used.count)
            for key in used.keys.sorted() {
                let letters = used[key]!
                section.uint64(key)
                section.uint32(UInt32(letters.count))
                for scalar in letters { section.uint32(scalar.value) }
            }
            let kept = Set(live).sorted().compactMap { identity in (rewrite ? added[identity] : added[identity] ?? places[identity]).map { (identity, $0) } }
            section.int(kept.count)
            for (identity, place) in kept {
                section.uint64(identity)
                section.uint64(UInt64(place.offset))
                section.uint32(UInt32(place.length))
            }
            var footer = CacheBytesWriter(capacity: Self.footerSize)
            footer.uint64(UInt64(outputEnd))
            footer.uint64(UInt64(section.bytes.count))
            footer.uint64(section.bytes.withUnsafeBytes { Checksum.of($0, seed: seed) })
            footer.uint64(Self.magic)
            guard POSIX.writeAll(section.bytes + footer.bytes, to: output) else { return abandonOutput() }
            close(output)
            output = -1
            if outputPath != path {
                guard rename(outputPath, path) == 0 else {
                    unlink(outputPath)
                    added = [:]
                    return
                }
                // The index asks for every article's words again after this (`ArticleTerms`): from the new file.
                close(descriptor)
                descriptor = open(path, O_RDONLY | O_CLOEXEC)
            }
            places = Dictionary(uniqueKeysWithValues: kept)
            added = [:]
        }
    }

    // MARK: the file

    /// Opens where records go: the file itself when its section was read whole (new records after its
    /// footer; a new footer follows them), else a new file beside it with only the header.
    private func openOutput(fresh: Bool = false) -> Bool {
        if output >= 0 { return true }
        if !fresh, whole {
            let appending = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard appending >= 0 else { return false }
            output = appending
            outputPath = path
            outputEnd = size
            return true
        }
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        outputPath = path + ".new-" + String(getpid())
        output = open(outputPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0, POSIX.writeAll(headerBytes, to: output) else { return false }
        outputEnd = Int64(headerBytes.count)
        return true
    }

    /// Gives up writing for this build: a new file is removed, and a file appended to is left without a
    /// whole footer, so the next build reads every article's words again.
    private func abandonOutput() {
        if output >= 0 { close(output) }
        if !outputPath.isEmpty && outputPath != path { unlink(outputPath) }
        output = -1
        added = [:]
    }

    private func read(at offset: Int64, count: Int) -> [UInt8]? {
        POSIX.readAll(descriptor, at: offset, count: count)
    }
}
