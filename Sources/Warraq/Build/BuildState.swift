import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the last build was made from and what it reported, kept in the output as `.warraq-state`: when
/// Warraq, the options, `site.yml`, the theme and every input file's identity are as recorded, and the output
/// still holds what the manifest says, a rebuild has nothing to do. It then replays the last report (its
/// warnings included) and touches no file, this one included.
///
/// Trust is earned, never assumed: the file carries its format version and a checksum of its body, and
/// anything that does not read back exactly (truncated, garbled, another version, another Warraq, another
/// configuration) is ignored, so the build runs in full. Input files are known by size, modification and
/// change times and inode, like git's index; a file touched in the moments before the build started could
/// change again within the same clock tick, so such a build records no state.
struct BuildState: Equatable {
    static let fileName = ".warraq-state"
    static let header = "# warraq state 1"

    /// Hash of everything a build depends on besides its input files (see `key(...)`).
    var key: String
    /// Every input in the order the build lists them; a `nil` identity for a file that was looked for
    /// and is absent (a sidecar).
    var inputs: [Input]

    struct Input: Equatable {
        var path: String
        var identity: FileIdentity?

        /// Paths compared byte for byte: what the file system compares, and without Unicode normalization,
        /// which made comparing an Arabic archive's names a fifth of a rebuild with no change.
        static func == (a: Input, b: Input) -> Bool {
            a.identity == b.identity && a.path.utf8.elementsEqual(b.path.utf8)
        }
    }
    var manifest: FileIdentity
    var articles: Int
    var files: Int
    var diagnostics: [Diagnostic]

    /// A file as the file system knows it, without reading it.
    struct FileIdentity: Equatable {
        var size: Int
        var modified: Int64
        var changed: Int64
        var inode: UInt64

        init?(_ path: String, followLinks: Bool = true) {
            var status = stat()
            guard (followLinks ? stat(path, &status) : lstat(path, &status)) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            size = Int(status.st_size)
            modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
            changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
            inode = UInt64(status.st_ino)
        }

        init(size: Int, modified: Int64, changed: Int64, inode: UInt64) {
            self.size = size
            self.modified = modified
            self.changed = changed
            self.inode = inode
        }

        var text: String { "\(size)\t\(modified)\t\(changed)\t\(inode)" }

        init?(fields: [Substring]) {
            guard fields.count == 4, let size = Int(fields[0]), let modified = Int64(fields[1]), let changed = Int64(fields[2]),
                  let inode = UInt64(fields[3]) else { return nil }
            self.init(size: size, modified: modified, changed: changed, inode: inode)
        }
    }

    /// Everything but the input files that decides the output: this Warraq, the options, the bytes of
    /// `site.yml` and of every template and asset of the theme.
    /// `indexer` names the search indexer the build found (or "-"): installing or removing it changes the site.
    static func key(options: BuildOptions, siteFile: Data?, themeFiles: [String: Data], indexer: String = "-") -> String {
        var hash = StableHash()
        hash.combine(header)
        if let executable = Bundle.main.executableURL {
            hash.combine(executable.path + "|" + (FileIdentity(executable.path).map { "\($0.size)|\($0.modified)|\($0.inode)" } ?? ""))
        }
        for part in [options.archive.standardizedFileURL.path, options.archiveDisplay, options.output.standardizedFileURL.path,
                     options.baseURL ?? "\u{0}", options.includeDrafts ? "drafts" : "", options.search ? "search" : "", indexer] {
            hash.combine(part)
            hash.combine([0])
        }
        hash.combine(siteFile ?? Data([0xFF]))
        for name in themeFiles.keys.sorted() {
            hash.combine(name)
            hash.combine([0])
            hash.combine(themeFiles[name]!)
        }
        return hash.hex
    }

    /// The identity of each input: article files, the sidecar each scraped page may have, `site.yml` and
    /// the files of `static/`. Taken before anything is read, so an edit made during the build is seen next time.
    static func identities(archive: URL, articleFiles: [String], staticFiles: [String], otherFiles: [String] = []) -> [Input] {
        let root = archive.standardizedFileURL.path + "/"
        var paths = articleFiles + ["site.yml"] + staticFiles.map { "static/" + $0 } + otherFiles
        paths += articleFiles.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) + ".yml" }
        return Parallel.map(paths, minimumChunk: 512) { Input(path: $0, identity: FileIdentity(root + $0)) }
    }

    // MARK: the file

    var text: String {
        var body = "k\t\(key)\nm\t\(manifest.text)\nr\t\(articles)\t\(files)\n"
        for input in inputs {
            body += "i\t" + (input.identity.map(\.text) ?? "-\t-\t-\t-") + "\t" + Self.escaped(input.path) + "\n"
        }
        for diagnostic in diagnostics {
            body += "d\t\(diagnostic.severity.rawValue)\t\(diagnostic.line.map(String.init) ?? "")\t\(Self.escaped(diagnostic.path))\t\(Self.escaped(diagnostic.message))\n"
        }
        return Self.header + "\t" + StableHash(Data(body.utf8)).hex + "\n" + body
    }

    /// The state a file holds, or nil unless every byte of it is as this version writes it.
    static func parse(_ data: Data) -> BuildState? {
        guard let newline = data.firstIndex(of: 0x0A) else { return nil }
        let first = String(decoding: data[data.startIndex..<newline], as: UTF8.self).split(separator: "\t", omittingEmptySubsequences: false)
        let body = data[(newline + 1)...]
        guard first.count == 2, first[0] == header, first[1] == StableHash(body).hex else { return nil }
        var state = BuildState(key: "", inputs: [], manifest: FileIdentity(size: 0, modified: 0, changed: 0, inode: 0), articles: 0, files: 0, diagnostics: [])
        var sawKey = false, sawManifest = false, sawReport = false
        // Split on bytes: a line per input file, and splitting Arabic names into characters (grapheme
        // breaking) was most of a rebuild's check that nothing changed.
        for bytes in [UInt8](body).split(separator: 0x0A) {
            let fields = bytes.split(separator: 0x09, omittingEmptySubsequences: false).map { Substring(decoding: $0, as: UTF8.self) }
            switch fields.first {
            case "k" where fields.count == 2:
                state.key = String(fields[1])
                sawKey = true
            case "m":
                guard let identity = FileIdentity(fields: Array(fields.dropFirst())) else { return nil }
                state.manifest = identity
                sawManifest = true
            case "r" where fields.count == 3:
                guard let articles = Int(fields[1]), let files = Int(fields[2]) else { return nil }
                (state.articles, state.files) = (articles, files)
                sawReport = true
            case "i" where fields.count == 6:
                let path = unescaped(fields[5])
                if fields[1] == "-" {
                    state.inputs.append(Input(path: path, identity: nil))
                } else {
                    guard let identity = FileIdentity(fields: Array(fields[1...4])) else { return nil }
                    state.inputs.append(Input(path: path, identity: identity))
                }
            case "d" where fields.count == 5:
                guard let severity = Diagnostic.Severity(rawValue: String(fields[1])) else { return nil }
                let line = fields[2].isEmpty ? nil : Int(fields[2])
                state.diagnostics.append(Diagnostic(severity, path: unescaped(fields[3]), line: line, unescaped(fields[4])))
            default:
                return nil
            }
        }
        return sawKey && sawManifest && sawReport ? state : nil
    }

    /// Tabs, newlines and backslashes in names and messages, written so that a line stays one line.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    static func unescaped(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return String(text) }
        var result = "", escaping = false
        for character in text {
            if escaping {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
