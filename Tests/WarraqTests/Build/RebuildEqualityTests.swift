import Foundation
import Templates
import Testing
@testable import Warraq

/// The guarantee every shortcut of a rebuild rests on: whatever was skipped, the output is byte for byte
/// what a clean build of the same archive writes. A seeded sequence of an editor's changes is applied to
/// a generated archive; after each one the site is rebuilt in place and compared with a clean build into
/// a new folder, every file and folder.
@Suite("A rebuild gives exactly the site a clean build gives")
struct RebuildEqualityTests {
    @Test("forty random edits (body, title, tags, date, added and deleted articles, site.yml, templates), each rebuilt and compared")
    func randomEdits() throws {
        var editor = ArchiveEditor(seed: 19)
        let fixture = try ArchiveFixture(editor.initialFiles(count: 24))
        var compared = 0
        try fixture.build()
        for step in 1...40 {
            let change = try editor.applyRandomChange(to: fixture)
            // Past the moments in which an edit is not trusted to the build state, so that every step
            // checks the state against the change.
            Thread.sleep(forTimeInterval: 0.12)
            let incremental = try fixture.build()
            #expect(!incremental.steps.contains { $0.name.hasPrefix("nothing changed") }, "step \(step) (\(change)) was seen")
            // The article cache was at work: an edit to one article parses at most that file again.
            if !change.hasPrefix("site.yml") {
                let parsed = incremental.steps.first { $0.name.hasPrefix("read (") }.map { Int($0.name.dropFirst(6).prefix { $0.isNumber }) ?? -1 }
                #expect(parsed.map { $0 <= 1 } == true, "step \(step) (\(change)): \(incremental.steps.map(\.name))")
            }
            #expect(incremental.errorCount == 0, "step \(step) (\(change)): \(incremental.diagnostics.filter { $0.severity == .error })")
            let clean = fixture.root.appendingPathComponent("clean-\(step)")
            // Clean: every file read again, no article cache.
            var cleanOptions = BuildOptions(archive: fixture.archive, archiveDisplay: "archive", output: clean)
            cleanOptions.readsCache = false
            _ = try SiteBuild(cleanOptions).run()
            let differences = OutputComparison(fixture.output, clean).differences
            #expect(differences.isEmpty, "step \(step) (\(change)): \(differences.prefix(8))")
            compared += OutputComparison.entries(fixture.output).count
            try FileManager.default.removeItem(at: clean)
            if step % 8 == 0 {
                let again = try fixture.build()
                #expect(again.steps.contains { $0.name.hasPrefix("nothing changed") } && again.written.isEmpty)
            }
        }
        #expect(editor.kindsApplied == Set(ArchiveEditor.Change.allCases), "every kind of change was tried: \(editor.kindsApplied)")
        #expect(compared > 40 * 50)
    }

    @Test("the comparison sees a changed byte, a missing file and a left-over folder")
    func comparisonCanFail() throws {
        let fixture = try ArchiveFixture.threeTaggedArticles()
        try fixture.build()
        let copy = fixture.root.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: fixture.output, to: copy)
        #expect(OutputComparison(fixture.output, copy).differences.isEmpty)
        let page = copy.appendingPathComponent("2023/09/a/index.html")
        var bytes = try Data(contentsOf: page)
        bytes[bytes.count / 2] ^= 1
        try bytes.write(to: page)
        try FileManager.default.removeItem(at: copy.appendingPathComponent("tags/غزة/index.xml"))
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("2022/01"), withIntermediateDirectories: true)
        let differences = OutputComparison(fixture.output, copy).differences
        #expect(differences.contains("2023/09/a/index.html: bytes differ"))
        #expect(differences.contains("tags/غزة/index.xml: only in the first"))
        #expect(differences.contains("2022/: only in the second"))
    }
}

/// Two output folders compared entry by entry. Warraq's own state files are listed here and nowhere
/// else: the manifest is compared without its modification times (they are the only thing two equal
/// builds may differ in); a journal or a staging folder must not be left at all.
struct OutputComparison {
    let first: URL
    let second: URL

    init(_ first: URL, _ second: URL) {
        self.first = first
        self.second = second
    }

    /// State files of Warraq's own, compared by what they mean rather than by their bytes.
    static let stateFiles: Set<String> = [Manifest.fileName]
    /// Left out of the comparison: the build state records inodes and times, which two equal builds never
    /// share, and a build that saw its inputs change under it records none (`BuildState.racy`).
    static let ignored: Set<String> = [BuildState.fileName]

    /// Every file (path) and folder (path + "/") below `root`, relative to it.
    static func entries(_ root: URL) -> [String] {
        let base = root.standardizedFileURL.path
        var entries: [String] = []
        let walker = FileManager.default.enumerator(atPath: base)
        while let relative = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder)
            entries.append(isFolder.boolValue ? relative + "/" : relative)
        }
        return entries.sorted()
    }

    var differences: [String] {
        let a = Set(Self.entries(first)).subtracting(Self.ignored), b = Set(Self.entries(second)).subtracting(Self.ignored)
        var found = a.subtracting(b).sorted().map { "\($0): only in the first" } + b.subtracting(a).sorted().map { "\($0): only in the second" }
        for path in a.intersection(b).sorted() where !path.hasSuffix("/") {
            if path.hasPrefix(Manifest.journalName) || path.hasPrefix(Manifest.stagingPrefix) {
                found.append("\(path): left by a build")
            } else if Self.stateFiles.contains(path) {
                if manifest(first, path) != manifest(second, path) { found.append("\(path): records differ") }
            } else if FileManager.default.contents(atPath: first.appendingPathComponent(path).path)
                        != FileManager.default.contents(atPath: second.appendingPathComponent(path).path) {
                found.append("\(path): bytes differ")
            }
        }
        return found
    }

    private func manifest(_ root: URL, _ name: String) -> [String: Manifest.Entry] {
        let data = FileManager.default.contents(atPath: root.appendingPathComponent(name).path) ?? Data()
        return Manifest.parse(data).entries.mapValues { entry in
            var entry = entry
            entry.modified = ""
            return entry
        }
    }
}

/// An editor at work on a generated archive, driven by a seeded generator so a failure can be replayed.
struct ArchiveEditor {
    enum Change: String, CaseIterable {
        case body, title, tags, date, add, delete, siteConfig, templateOverride
    }

    private var random: SeededRandom
    private var names: [String] = []
    private var serial = 0
    private(set) var kindsApplied: Set<Change> = []

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    static let words = ["الحكومة", "الرياض", "الاقتصاد", "النفط", "الأسواق", "المدارس", "الطلاب", "الصحة", "المستشفى", "الأمطار",
                        "السيول", "الدفاع", "المدني", "الهلال", "النصر", "المباراة", "الدوري", "جدة", "مكة", "الحج", "الطاقة",
                        "الشمسية", "المشروع", "الوزارة", "القرار", "المجلس", "الشورى", "الميزانية", "الأسعار", "الذهب"]
    static let tags = ["السياسة", "الاقتصاد", "الرياضة", "الصحة", "التعليم", "الطقس", "الحج", "الطاقة"]
    static let sources = ["okaz", "sabq", "aawsat"]

    mutating func initialFiles(count: Int) -> [String: String] {
        var files = ["site.yml": siteConfig(variant: 0)]
        for _ in 0..<count {
            let (name, text) = newArticle()
            files[name] = text
        }
        return files
    }

    private mutating func siteConfig(variant: Int) -> String {
        let titles = ["أرشيف الاختبار", "أرشيف الأخبار"]
        return "title: \(titles[variant % 2])\nbase_url: https://example.org/\npage_size: \(3 + variant % 3)\n"
            + "date_digits: \(variant % 2 == 0 ? "latn" : "arab")\nsource_names: {okaz: عكاظ}\n"
            + (variant % 3 == 1 ? "feeds: {items: 4}\n" : "")
    }

    private mutating func sentence() -> String {
        (0..<random.next(8...16)).map { _ in Self.words[random.next(0..<Self.words.count)] }.joined(separator: " ") + "."
    }

    private mutating func date() -> String {
        String(format: "%04d-%02d-%02dT%02d:00:00+03:00", random.next(2021...2024), random.next(1...12), random.next(1...28), random.next(0...23))
    }

    private mutating func article(title: String? = nil, date: String? = nil, tags: [String]? = nil, body: String? = nil) -> String {
        let title = title ?? (0..<random.next(3...6)).map { _ in Self.words[random.next(0..<Self.words.count)] }.joined(separator: " ")
        let tags = tags ?? (0..<random.next(0...3)).map { _ in Self.tags[random.next(0..<Self.tags.count)] }
        let source = Self.sources[random.next(0..<Self.sources.count)]
        let body = body ?? (0..<random.next(2...5)).map { _ in sentence() }.joined(separator: "\n\n")
        return ArchiveFixture.markdown(title: title, date: date ?? self.date(), tags: Array(Set(tags)).sorted(), extra: "source: \(source)\n", body: body)
    }

    private mutating func newArticle() -> (String, String) {
        serial += 1
        let name = "\(random.next(2021...2024))/a\(serial).md"
        names.append(name)
        return (name, article())
    }

    /// Front matter and body of an archive file, taken apart again to change one thing.
    private func parts(_ text: String) -> (fields: [String: String], body: String) {
        let sections = text.components(separatedBy: "---\n")
        var fields: [String: String] = [:]
        for line in sections[1].split(separator: "\n") {
            let pair = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        return (fields, sections.dropFirst(2).joined(separator: "---\n"))
    }

    /// Applies one change of a random kind (each kind at least once over a long enough run) and says which.
    mutating func applyRandomChange(to fixture: ArchiveFixture) throws -> String {
        let untried = Change.allCases.filter { !kindsApplied.contains($0) }
        let kind = random.next(0...2) == 0 && !untried.isEmpty ? untried[0] : Change.allCases[random.next(0..<Change.allCases.count)]
        kindsApplied.insert(kind)
        let index = random.next(0..<names.count)
        let name = names[index]
        let url = fixture.archive.appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let (fields, body) = parts(text)
        let title = fields["title"].map { String($0.dropFirst().dropLast()) }
        let date = fields["date"]
        let tags = fields["tags"].map { $0.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) } } ?? []
        switch kind {
        case .body:
            try fixture.write(name, article(title: title, date: date, tags: tags, body: body.trimmingCharacters(in: .newlines) + "\n\n" + sentence()))
        case .title:
            try fixture.write(name, article(date: date, tags: tags, body: body))
        case .tags:
            try fixture.write(name, article(title: title, date: date, body: body))
        case .date:
            try fixture.write(name, article(title: title, tags: tags, body: body))
        case .add:
            let (added, text) = newArticle()
            try fixture.write(added, text)
            return "add \(added)"
        case .delete:
            guard names.count > 6 else { return try applyRandomChange(to: fixture) }
            try FileManager.default.removeItem(at: url)
            names.remove(at: index)
        case .siteConfig:
            try fixture.write("site.yml", siteConfig(variant: random.next(0...5)))
            return "site.yml"
        case .templateOverride:
            // A theme change that shows what the default article page leaves out: each tag's article count.
            let override = fixture.archive.appendingPathComponent("templates/article.mustache")
            if FileManager.default.fileExists(atPath: override.path), random.next(0...1) == 0 {
                try FileManager.default.removeItem(at: override)
                return "templates/article.mustache removed"
            }
            let original = try String(contentsOf: Theme.defaultFolder.appendingPathComponent("article.mustache"), encoding: .utf8)
            let extra = "<p class=\"counts\">{{#article.tags}}{{name}} ({{count}}) {{/article.tags}}\(serial)</p>\n"
            try fixture.write("templates/article.mustache", original.replacingOccurrences(of: "</header>\n", with: "</header>\n" + extra))
            serial += 1
            return "templates/article.mustache"
        }
        return "\(kind) \(name)"
    }
}

/// SplitMix64: the same numbers for the same seed on every machine.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next(_ range: Range<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func next(_ range: ClosedRange<Int>) -> Int {
        next(range.lowerBound..<(range.upperBound + 1))
    }
}
