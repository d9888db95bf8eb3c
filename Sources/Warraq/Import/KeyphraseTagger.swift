import Foundation

/// Suggests tags for untagged articles: keyphrases of one to three words, scored by TF-IDF over the whole
/// archive with Arabic folding, the light prefix strip and a function-word list. A phrase never starts or
/// ends with a function word (the seed site's "إلى أن" and "في المنطقة" are what this avoids); phrases that
/// fold to one key are one tag, shown in the spelling the archive uses most.
public struct KeyphraseTagger {
    public struct Document {
        public var title: String
        public var body: String
        public init(title: String, body: String) {
            self.title = title
            self.body = body
        }
    }

    /// Candidate phrases of one document: key → (occurrences, in the title, written form → count).
    typealias Candidates = [String: (count: Int, inTitle: Bool, forms: [String: Int])]

    let candidates: [Candidates]
    let documentFrequency: [String: Int]
    let preferredForm: [String: String]

    /// How much of a body is read: keyphrases of news are in its first paragraphs.
    static let bodyLimit = 3000

    public init(_ documents: [Document]) {
        candidates = Parallel.map(documents, minimumChunk: 32) { document in
            var found: Candidates = [:]
            Self.collect(document.title, inTitle: true, into: &found)
            Self.collect(String(document.body.prefix(Self.bodyLimit)), inTitle: false, into: &found)
            return found
        }
        var frequency: [String: Int] = [:]
        var forms: [String: [String: Int]] = [:]
        for document in candidates {
            for (key, candidate) in document {
                frequency[key, default: 0] += 1
                for (form, count) in candidate.forms { forms[key, default: [:]][form, default: 0] += count }
            }
        }
        documentFrequency = frequency
        preferredForm = forms.mapValues(ArabicText.mostUsedSpelling)
    }

    /// Up to `count` tags for document `index`, best first.
    public func tags(for index: Int, count: Int) -> [String] {
        let total = Double(candidates.count)
        let minimumFrequency = total >= 1000 ? 5 : (total >= 100 ? 3 : 2)
        let scored: [(key: String, score: Double)] = candidates[index].compactMap { key, candidate in
            let frequency = documentFrequency[key] ?? 1
            // A phrase in one article links nothing; one in most articles says nothing.
            guard frequency >= minimumFrequency, total < 20 || Double(frequency) <= total * 0.1 else { return nil }
            guard candidate.count >= 2 || candidate.inTitle else { return nil }
            let words = key.split(separator: " ")
            if words.count > 1 {
                // A real phrase keeps its words together: most articles using its rarest word use the phrase.
                let rarest = words.compactMap { documentFrequency[String($0)] }.min() ?? frequency
                guard Double(frequency) >= Double(rarest) * 0.3 else { return nil }
            }
            let tf = Double(candidate.count) + (candidate.inTitle ? 2 : 0)
            return (key, (1 + log(tf)) * log(total / Double(frequency) + 1) * (1 + 0.25 * Double(words.count - 1)))
        }
        var chosen: [String] = []
        var chosenWords: [Set<Substring>] = []
        for (key, _) in scored.sorted(by: { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }) {
            let words = Set(key.split(separator: " "))
            // "وزارة الدفاع" and "الدفاع" are one topic: keep the first, more telling one.
            if chosenWords.contains(where: { $0.isSubset(of: words) || words.isSubset(of: $0) }) { continue }
            chosen.append(key)
            chosenWords.append(words)
            if chosen.count == count { break }
        }
        return chosen.map { preferredForm[$0] ?? $0 }
    }

    /// Phrases of one to three words inside one clause, none starting or ending with a function word.
    static func collect(_ text: String, inTitle: Bool, into found: inout Candidates) {
        let clauses = text.split(whereSeparator: { ".،,؛;:!?؟\n\"«»()[]".contains($0) })
        for clause in clauses {
            let written = ArabicText.writtenWords(String(clause))
            let folded = written.map { ArabicText.fold($0) }
            let usable = folded.map { word in
                word.unicodeScalars.count >= 2 && !word.unicodeScalars.allSatisfy { $0.properties.numericType != nil }
            }
            for start in written.indices where usable[start] && !ArabicText.isFunctionWord(folded[start]) {
                for length in 1...3 {
                    let end = start + length - 1
                    guard end < written.count, usable[end] else { break }
                    guard !ArabicText.isFunctionWord(folded[end]) else { continue }
                    let key = (start...end).map { ArabicText.stem(folded[$0]) }.joined(separator: " ")
                    let form = written[start...end].joined(separator: " ")
                    var candidate = found[key] ?? (0, false, [:])
                    candidate.count += 1
                    candidate.inTitle = candidate.inTitle || inTitle
                    candidate.forms[ArabicText.clean(form), default: 0] += 1
                    found[key] = candidate
                }
            }
        }
    }
}
