import Foundation

/// What Warraq wrote into the output folder last time, file by file with a content hash and size. It is
/// how a rebuild knows what it may skip, what it may remove, and which files are someone else's.
public struct Manifest: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var hash: String
        public var size: Int
        /// A hash of what the page was rendered from, when known: equal inputs need no rendering.
        public var input: String = ""
        /// The file's modification time when Warraq wrote or last checked it: while it and the size are
        /// the same, the file is trusted to hold `hash`; otherwise its bytes are hashed again.
        public var modified: String = ""
    }

    public static let fileName = ".warraq-manifest"
    /// The files a commit is about to move into place, written before the first rename and removed after
    /// the manifest: a build that finds it knows the last one stopped midway, and checks those files.
    public static let journalName = ".warraq-journal"
    /// Staging folders are `.warraq-staging-PID`.
    public static let stagingPrefix = ".warraq-staging-"
    /// The first line of the manifest's current format, which has the modification time.
    static let header = "# warraq manifest 2"

    public var entries: [String: Entry] = [:]

    public init(entries: [String: Entry] = [:]) {
        self.entries = entries
    }

    /// A manifest or journal from its bytes (the writer reads them without following links); lines that do
    /// not parse are left out. Split on bytes: a site's manifest has a line per file, a hundred thousand and more.
    static func parse(_ data: Data) -> Manifest {
        let lines = lines(data)
        var manifest = Manifest()
        manifest.entries.reserveCapacity(lines.count)
        for (path, entry) in lines { manifest.entries[path] = entry }
        return manifest
    }

    /// The lines that parse, in the file's order, a path given twice given twice: what a check of every
    /// file needs, without the table by path (hashing a hundred thousand Arabic paths as Strings).
    static func lines(_ data: Data) -> [(path: String, entry: Entry)] {
        let current = data.starts(with: Data((header + "\n").utf8))
        let count = current ? 4 : 3
        var lines: [(path: String, entry: Entry)] = []
        lines.reserveCapacity(data.count / 100)
        [UInt8](data).withUnsafeBufferPointer { bytes in
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                var fields: [Range<Int>] = []
                var fieldStart = start
                for i in start..<end where bytes[i] == 0x09 && fields.count < count {
                    fields.append(fieldStart..<i)
                    fieldStart = i + 1
                }
                fields.append(fieldStart..<end)
                start = end + 1
                let text = { (range: Range<Int>) in String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
                guard fields.count == count + 1, let size = Int(text(fields[1])) else { continue }
                // The manifest is a file anyone can edit, and its paths are removed from: none may leave the output.
                let components = UnsafeBufferPointer(rebasing: bytes[fields[count]]).split(separator: 0x2F, omittingEmptySubsequences: false)
                guard components.allSatisfy({ !$0.isEmpty && !$0.elementsEqual([0x2E]) && !$0.elementsEqual([0x2E, 0x2E]) }) else { continue }
                let path = text(fields[count])
                lines.append((path, Entry(hash: text(fields[0]), size: size, input: text(fields[2]), modified: current ? text(fields[3]) : "")))
            }
        }
        return lines
    }

    /// A header, then one line per file (content hash, size, input hash, modification time, path), sorted
    /// by the path's bytes; made as bytes, since a rebuild writes a line for each of tens of thousands of files.
    public var data: Data {
        var out: [UInt8] = []
        out.reserveCapacity(64 + entries.count * 160)
        out += (Self.header + "\n").utf8
        for (path, entry) in entries.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            out += entry.hash.utf8
            out.append(0x09)
            out += String(entry.size).utf8
            out.append(0x09)
            out += entry.input.utf8
            out.append(0x09)
            out += entry.modified.utf8
            out.append(0x09)
            out += path.utf8
            out.append(0x0A)
        }
        return Data(out)
    }
}
