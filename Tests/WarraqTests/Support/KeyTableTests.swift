import Testing
@testable import Warraq

@Suite("KeyTable: word keys to counts, as a dictionary would keep them")
struct KeyTableTests {
    @Test("counts added, set and read back agree with a dictionary, through growth and the key zero")
    func agreesWithDictionary() {
        var table = KeyTable(capacity: 2)
        var model: [UInt64: Int32] = [:]
        var generator = SystemRandomNumberGenerator()
        // Keys from a small range repeat (counts add up); 0 and the largest key are edge cases.
        let keys: [UInt64] = [0, .max] + (0..<3_000).map { _ in UInt64.random(in: 1...5_000, using: &generator) &* 0x1000_0000_0001 }
        for (step, key) in keys.enumerated() {
            if step % 7 == 0 {
                table[key] = Int32(step)
                model[key] = Int32(step)
            } else {
                table.add(key, 2)
                model[key, default: 0] += 2
            }
        }
        #expect(table.count == model.count)
        for (key, value) in model { #expect(table[key] == value) }
        #expect(table[12345] == nil, "a key never added")
        var seen: [UInt64: Int32] = [:]
        table.forEach { seen[$0] = $1 }
        #expect(seen == model)
        #expect(Set(table.allKeys) == Set(model.keys))
    }

    @Test("a lexicon counts a word's occurrences across texts and merges")
    func lexiconCounts() {
        func word(_ text: String) -> [Unicode.Scalar] { Array(ArabicText.fold(text).unicodeScalars) }
        var lexicon = Lexicon(texts: ["الحكومة السعودية", "بالحكومة والحكومة الحكومة"])
        #expect(lexicon.count(word("الحكومة")) == 2, "the bare word twice; with a clitic it is another word")
        #expect(lexicon.count(word("والحكومة")) == 1)
        lexicon.merge(Lexicon(texts: ["الحكومة"]))
        #expect(lexicon.count(word("الحكومة")) == 3)
        #expect(lexicon.count(word("الرياض")) == 0)
        #expect(lexicon.base(ArabicText.fold("والحكومة")) == ArabicText.fold("حكومة"), "the conjunction and the article off: the archive uses the rest")
    }
}
