import Foundation
import Testing
@testable import Warraq

/// A rebuild scores read-also again only for the articles a change can reach (`ReadAlsoMemory`), and its
/// site is still byte for byte a clean build's.
@Suite("Read also remembered between builds")
struct ReadAlsoMemoryTests {
    /// Eight subjects that share no word, twenty articles each over half a year: an edit in one subject
    /// can reach only that subject's articles.
    static let subjects: [(tag: String, words: [String])] = [
        ("اقتصاد", ["نفط", "برميل", "أسعار", "أوبك", "إنتاج", "تصدير", "خام", "مصافي", "شحنات", "عقود"]),
        ("كرة", ["مباراة", "هدف", "حارس", "ملعب", "مدرب", "دوري", "بطولة", "تسديدة", "مرمى", "جمهور"]),
        ("طقس", ["أمطار", "سيول", "رياح", "غبار", "حرارة", "رطوبة", "عاصفة", "غيوم", "برق", "ثلوج"]),
        ("صحة", ["مستشفى", "أطباء", "مرضى", "علاج", "دواء", "لقاح", "عيادة", "جراحة", "تمريض", "وباء"]),
        ("تعليم", ["مدارس", "طلاب", "معلمين", "مناهج", "امتحانات", "جامعة", "فصول", "دراسة", "منح", "شهادات"]),
        ("حج", ["حجاج", "مشاعر", "طواف", "عرفات", "مزدلفة", "إحرام", "تلبية", "حرم", "زمزم", "مناسك"]),
        ("طاقة", ["شمسية", "ألواح", "كهرباء", "محطات", "توربينات", "شبكة", "بطاريات", "هيدروجين", "مولدات", "وقود"]),
        ("تقنية", ["تطبيق", "هواتف", "برمجيات", "إنترنت", "بيانات", "خوارزمية", "شرائح", "حواسيب", "تشفير", "منصات"]),
    ]

    static func article(_ number: Int, subject: Int, random: inout SeededRandom) -> String {
        let words = subjects[subject].words
        func pick(_ count: Int) -> String { (0..<count).map { _ in words[random.next(0..<words.count)] }.joined(separator: " ") }
        let month = 1 + number % 6, day = 1 + number % 28
        return ArchiveFixture.markdown(title: "\(pick(3)) \(number)", date: String(format: "2023-%02d-%02dT10:00:00Z", month, day),
                                       tags: [subjects[subject].tag], body: "\(pick(12)).\n\n\(pick(10)).")
    }

    func archive() throws -> ArchiveFixture {
        var random = SeededRandom(seed: 14)
        var files = ["site.yml": "title: أرشيف\nbase_url: https://example.org/\n"]
        for number in 0..<160 { files["a\(number).md"] = Self.article(number, subject: number % 8, random: &random) }
        return try ArchiveFixture(files)
    }

    /// How many articles the build's read-also scored (the rest it remembered).
    func scored(_ report: BuildReport) -> Int? {
        report.steps.first { $0.name.contains("(read-also: ") }.flatMap { Int($0.name.split(separator: "(read-also: ")[1].prefix { $0.isNumber }) }
    }

    /// How many articles' lists the build chose again (the rest it remembered).
    func chosen(_ report: BuildReport) -> Int? {
        report.steps.first { $0.name.contains("(read-also: ") }
            .flatMap { $0.name.split(separator: ";").first?.split(separator: ",").last?.split(separator: " ").first.flatMap { Int($0) } }
    }

    /// The fixture's site against a clean build of the same archive (no cache of any kind).
    func differencesFromClean(_ fixture: ArchiveFixture) throws -> [String] {
        let clean = fixture.root.appendingPathComponent("clean")
        try? FileManager.default.removeItem(at: clean)
        var options = BuildOptions(archive: fixture.archive, archiveDisplay: "archive", output: clean)
        options.readsCache = false
        _ = try SiteBuild(options).run()
        return OutputComparison(fixture.output, clean).differences
    }

    @Test("an edited article is scored again with the articles of its subject, not the whole archive")
    func editScoresItsSubject() throws {
        let fixture = try archive()
        #expect(try scored(fixture.build()) == 160)
        var random = SeededRandom(seed: 99)
        Thread.sleep(forTimeInterval: 0.12)
        try fixture.write("a17.md", Self.article(17, subject: 1, random: &random))
        let report = try fixture.build()
        let count = try #require(scored(report))
        // Subject 1 is every eighth article: 20 of them; and only their lists are chosen again.
        #expect(count >= 1 && count <= 20, "\(report.steps.map(\.name))")
        let lists = try #require(chosen(report))
        #expect(lists >= 1 && lists <= 20, "\(report.steps.map(\.name))")
        // Only the edited article's words are read again.
        #expect(report.steps.contains { $0.name.hasSuffix("words: 1 read, 159 remembered)") }, "\(report.steps.map(\.name))")
        #expect(try differencesFromClean(fixture).isEmpty)
    }

    @Test("an added and a deleted article give a clean build's links")
    func addAndDelete() throws {
        let fixture = try archive()
        try fixture.build()
        var random = SeededRandom(seed: 5)
        try fixture.write("new.md", Self.article(200, subject: 3, random: &random))
        try FileManager.default.removeItem(at: fixture.archive.appendingPathComponent("a6.md"))
        Thread.sleep(forTimeInterval: 0.12)
        let report = try fixture.build()
        let count = try #require(scored(report))
        // The new article's subject and the deleted one's.
        #expect(count >= 1 && count <= 41, "\(report.steps.map(\.name))")
        #expect(try differencesFromClean(fixture).isEmpty)
    }

    @Test("a remembered list follows its explicit link: the link's article deleted, the warning comes back; restored, the link does")
    func explicitLinkFollowsTarget() throws {
        let fixture = try archive()
        let linking = ArchiveFixture.markdown(title: "مقال يحيل إلى غيره", date: "2023-03-03T10:00:00Z", extra: "read_also: [a42]\n",
                                              body: "نفط برميل أسعار أوبك إنتاج.")
        try fixture.write("linking.md", linking)
        let target = try String(contentsOf: fixture.archive.appendingPathComponent("a42.md"), encoding: .utf8)
        try fixture.build()
        try FileManager.default.removeItem(at: fixture.archive.appendingPathComponent("a42.md"))
        Thread.sleep(forTimeInterval: 0.12)
        let report = try fixture.build()
        #expect(report.diagnostics.contains { $0.path.hasSuffix("linking.md") && $0.message.contains("read also 'a42' matches no published article") })
        #expect(try differencesFromClean(fixture).isEmpty)
        try fixture.write("a42.md", target)
        Thread.sleep(forTimeInterval: 0.12)
        let restored = try fixture.build()
        #expect(!restored.diagnostics.contains { $0.message.contains("a42") })
        #expect(try #require(fixture.page("2023/03/linking/index.html")).contains("/a42/"))
        #expect(try differencesFromClean(fixture).isEmpty)
    }

    @Test("a garbled memory is not believed: every article is scored and the site is a clean build's")
    func garbledMemory() throws {
        let fixture = try archive()
        try fixture.build()
        let file = ReadAlsoMemoryFile.file(in: fixture.archive)
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: file)
        var random = SeededRandom(seed: 7)
        try fixture.write("a3.md", Self.article(3, subject: 3, random: &random))
        Thread.sleep(forTimeInterval: 0.12)
        #expect(try scored(fixture.build()) == 160)
        #expect(try differencesFromClean(fixture).isEmpty)
    }

    @Test("the file reads back only whole and under its own key")
    func fileFormat() {
        let memory = ReadAlsoMemory(shortlists: [
            7: .init(fingerprint: 42, candidates: [9, 11], scores: [0.5, 0.25]),
            9: .init(fingerprint: 43, candidates: [], scores: []),
            11: .init(fingerprint: 44, candidates: [7], scores: [0.125],
                      choice: .init(key: 5, neighbours: 6, featured: 7, similar: [.article(9), .headline("عنوان لا مقال له")], alsoPublished: [13])),
            13: .init(fingerprint: 45, candidates: [], scores: [],
                      choice: .init(key: 8, neighbours: nil, featured: nil, similar: [], alsoPublished: [])),
        ])
        let bytes = ReadAlsoMemoryFile.encode(memory, key: "k")
        #expect(ReadAlsoMemoryFile.decode(bytes, key: "k") == memory)
        #expect(ReadAlsoMemoryFile.decode(bytes, key: "other") == nil)
        #expect(ReadAlsoMemoryFile.decode(Array(bytes.dropLast(3)), key: "k") == nil)
        var flipped = bytes
        flipped[20] ^= 1
        #expect(ReadAlsoMemoryFile.decode(flipped, key: "k") == nil)

        // Written a few bytes at a time, as a large memory is, the file is the same bytes.
        var chunks: [[UInt8]] = []
        #expect(ReadAlsoMemoryFile.encode(memory, key: "k", chunk: 20) { chunks.append($0); return true })
        #expect(chunks.count > 4)
        #expect(chunks.dropLast().allSatisfy { $0.count % 8 == 0 })
        #expect(Array(chunks.joined()) == bytes)
        #expect(!ReadAlsoMemoryFile.encode(memory, key: "k", chunk: 20) { _ in false })
    }

    @Test("a saved memory is read one article at a time from its file, pieces and all, and a garbled file is not opened")
    func recallFromFile() throws {
        // Two pieces, as two chunks of a parallel pass make them, entries in article (not identity) order.
        var first = CacheBytesWriter(), second = CacheBytesWriter()
        var entries: [ReadAlsoMemory.Entry] = []
        let lists: [(UInt64, ReadAlsoMemory.Shortlist)] = [
            (30, .init(fingerprint: 1, candidates: [10, 20], scores: [0.75, 0.5])),
            (10, .init(fingerprint: 2, candidates: [30], scores: [0.25],
                       choice: .init(key: 3, neighbours: nil, featured: 30, similar: [.headline("خبر")], alsoPublished: []))),
            (20, .init(fingerprint: 4, candidates: [], scores: [])),
        ]
        for (position, (identity, shortlist)) in lists.enumerated() {
            let piece = position == 0 ? 0 : 1
            let start = piece == 0 ? first.bytes.count : second.bytes.count
            if piece == 0 { ReadAlsoMemory.write(shortlist, to: &first) } else { ReadAlsoMemory.write(shortlist, to: &second) }
            let end = piece == 0 ? first.bytes.count : second.bytes.count
            entries.append(.init(identity: identity, piece: UInt32(piece), length: UInt32(end - start), offset: start))
        }
        let memory = ReadAlsoMemory(pieces: [first.take(), second.take()], entries: entries)
        #expect(memory.shortlists == Dictionary(uniqueKeysWithValues: lists))
        #expect(memory == ReadAlsoMemory(shortlists: Dictionary(uniqueKeysWithValues: lists)))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("warraq-recall-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = ReadAlsoMemoryFile(file: folder.appendingPathComponent("readalso"))
        file.save(memory, key: "k")
        // A new instance, as the next build is: it knows only the file.
        let recall = try #require(ReadAlsoMemoryFile(file: folder.appendingPathComponent("readalso")).load(key: "k"))
        for (identity, shortlist) in lists { #expect(recall.shortlist(of: identity) == shortlist) }
        #expect(recall.shortlist(of: 15) == nil)
        #expect(ReadAlsoMemoryFile(file: folder.appendingPathComponent("readalso")).load(key: "other") == nil)

        // A count that would overflow, under a checksum that holds: refused, not a crash.
        var forged = ReadAlsoMemoryFile.encode(memory, key: "k").dropLast(8).map { $0 }
        let countAt = forged.count - 8
        withUnsafeBytes(of: Int64.max.littleEndian) { forged.replaceSubrange(countAt..<(countAt + 8), with: $0) }
        var sum = FingerprintHash()
        forged.withUnsafeBytes { sum.add(bytes: $0) }
        withUnsafeBytes(of: sum.value.littleEndian) { forged.append(contentsOf: $0) }
        #expect(ReadAlsoMemoryFile.decode(forged, key: "k") == nil)

        // Written as the build makes it, a part at a time into a draft named over the file at the end:
        // the same bytes, and nothing left beside it.
        let draft = try #require(file.draft(key: "k"))
        let parts = [memory.pieces[0], memory.pieces[1]].map { draft.keep($0) }
        #expect(parts == [0, memory.pieces[0].count])
        let spilled = ReadAlsoMemory(keptBy: draft, entries: memory.entries.map { $0.moved(by: parts[Int($0.piece)]) })
        file.save(spilled, key: "k")
        #expect(Array(try Data(contentsOf: folder.appendingPathComponent("readalso"))) == ReadAlsoMemoryFile.encode(memory, key: "k"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["readalso"])
        // A draft given up (a build that failed after scoring) leaves the file as it was.
        do { _ = try #require(file.draft(key: "k")).keep(memory.pieces[0]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["readalso"])

        var bytes = try Data(contentsOf: folder.appendingPathComponent("readalso"))
        bytes[bytes.count - 20] ^= 0x01
        try bytes.write(to: folder.appendingPathComponent("readalso"))
        #expect(ReadAlsoMemoryFile(file: folder.appendingPathComponent("readalso")).load(key: "k") == nil)
    }
}
