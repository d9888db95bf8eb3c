import Foundation
import Testing
@testable import Warraq

/// The articles' words are read once and taken from `.warraq-cache/words` while their title and text stay
/// the same; a file that does not read back whole is not believed.
@Suite("Words remembered between builds")
final class WordsFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("warraq-words-\(UUID().uuidString)")
    var file: URL { folder.appendingPathComponent("words") }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static let oil = ArticleWords(title: [.init(key: 1, count: 1)], text: [.init(key: 1, count: 3), .init(key: 2, count: 1)], shingles: [7, 9])
    static let rain = ArticleWords(title: [.init(key: 3, count: 2)], text: [.init(key: 4, count: 5)], shingles: [])
    static let letters: [UInt64: [Unicode.Scalar]] = [1: Array("نفط".unicodeScalars), 2: Array("برميل".unicodeScalars),
                                                      3: Array("أمطار".unicodeScalars), 4: Array("سيول".unicodeScalars)]

    func opened(key: String = "k") -> WordsFile {
        let words = WordsFile(file: file)
        words.use(key: key)
        return words
    }

    @Test("what one build read, the next takes back, letters included; another key takes nothing")
    func roundTrip() throws {
        let first = opened()
        #expect(first.words(10) == nil)
        first.remember(Self.oil, as: 10)
        first.remember(Self.rain, as: 11)
        first.finish(live: [10, 11], spellings: Self.letters)
        let second = opened()
        #expect(second.words(10) == Self.oil)
        #expect(second.words(11) == Self.rain)
        #expect(second.spelling(2) == Array("برميل".unicodeScalars))
        #expect(opened(key: "other").words(10) == nil)
    }

    @Test("a rebuild appends what it read; what is no longer live is forgotten")
    func appendAndForget() throws {
        let first = opened()
        first.remember(Self.oil, as: 10)
        first.finish(live: [10], spellings: Self.letters)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        let second = opened()
        #expect(second.words(10) == Self.oil)
        second.remember(Self.rain, as: 11)
        second.finish(live: [11], spellings: Self.letters)
        let grown = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        #expect(grown > size)
        let third = opened()
        #expect(third.words(11) == Self.rain)
        #expect(third.words(10) == nil)
        // Nothing new read and nothing lost: the file is not touched.
        third.finish(live: [11], spellings: Self.letters)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int == grown)
    }

    @Test("an appended record is one record more: the live ones already in the file are not copied again")
    func appendsOnlyWhatItRead() throws {
        let first = opened()
        let many = (0..<40).map { UInt64(100 + $0) }
        for identity in many { first.remember(Self.oil, as: identity) }
        first.finish(live: many, spellings: Self.letters)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        let second = opened()
        second.remember(Self.rain, as: 11)
        second.finish(live: many + [11], spellings: Self.letters)
        let grown = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
        // The record and a new section (40 places more than a record's bytes), not 40 records again.
        #expect(grown - size < size / 2)
        let third = opened()
        #expect(third.words(11) == Self.rain)
        #expect(many.allSatisfy { third.words($0) == Self.oil })
    }

    @Test("after a build is finished, the words it read and the ones it took are asked again from the file")
    func askedAgainAfterFinish() throws {
        let first = opened()
        first.remember(Self.oil, as: 10)
        first.finish(live: [10], spellings: Self.letters)
        // Appended to the same file, then a new file (nothing live of the old): both are found afterwards.
        let second = opened()
        second.remember(Self.rain, as: 11)
        second.finish(live: [10, 11], spellings: Self.letters)
        #expect(second.words(10) == Self.oil && second.words(11) == Self.rain)
        let third = opened()
        third.remember(Self.oil, as: 12)
        third.finish(live: [12], spellings: Self.letters)
        #expect(third.words(12) == Self.oil)
        #expect(third.words(10) == nil)
    }

    @Test("a garbled record is read again; a garbled or torn end makes the whole file unknown")
    func garbled() throws {
        let first = opened()
        first.remember(Self.oil, as: 10)
        first.remember(Self.rain, as: 11)
        first.finish(live: [10, 11], spellings: Self.letters)
        var bytes = try Data(contentsOf: file)
        let header = WordsFile.header.utf8.count + 2
        bytes[header + 12] ^= 0x20
        try bytes.write(to: file)
        let second = opened()
        #expect(second.words(10) == nil)
        #expect(second.words(11) == Self.rain)
        try bytes.dropLast(5).write(to: file)
        #expect(opened().words(11) == nil)
    }

    @Test("two builds appending to one file at once never give one article another's words")
    func twoBuildsAtOnce() throws {
        let first = opened()
        first.remember(Self.oil, as: 10)
        first.finish(live: [10], spellings: Self.letters)
        let one = opened(), other = opened()
        one.remember(Self.rain, as: 20)
        other.remember(Self.oil, as: 21)
        one.finish(live: [10, 20], spellings: Self.letters)
        // `other` believes its record sits where `one`'s landed.
        other.finish(live: [10, 21], spellings: Self.letters)
        // Whatever survives, each article gets its own words or none (then they are read again).
        let next = opened()
        for (identity, words) in [(UInt64(10), Self.oil), (20, Self.rain), (21, Self.oil)] {
            let found = next.words(identity)
            #expect(found == nil || found == words)
        }
        // `other`'s footer does not find its section where it says: the file is not believed at all.
        #expect(next.words(10) == nil)
    }

    @Test("a build that writes nothing (warraq check) reads the file and leaves it as it was")
    func readOnly() throws {
        let first = opened()
        first.remember(Self.oil, as: 10)
        first.finish(live: [10], spellings: Self.letters)
        let before = try Data(contentsOf: file)
        let checking = WordsFile(file: file, writes: false)
        checking.use(key: "k")
        #expect(checking.words(10) == Self.oil)
        checking.remember(Self.rain, as: 11)
        checking.finish(live: [10, 11], spellings: Self.letters)
        #expect(try Data(contentsOf: file) == before)
        #expect(checking.read == 1)
    }
}
