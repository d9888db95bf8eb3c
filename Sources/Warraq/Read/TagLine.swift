/// A scraped page's tag line ("كلمات دلالية: ...") lists multi-word tags separated by single spaces, so the
/// tags have to be recovered: the longest runs of words that occur in the article itself and neither begin
/// nor end with a function word ("إطلاق النار في" occurs in the seed's text, yet the tag is "إطلاق النار").
struct TagLine {
    var tags: [String] = []
    /// Function words left over between tags ("إلى أن"): not tags, dropped with a warning.
    var dropped: [String] = []

    /// The longest tag the recovery will consider, in words.
    static let longestTag = 6

    init(_ line: String, articleText: String) {
        let lineWords = Self.words(line)
        let textWords = Self.words(articleText)
        var positions: [String: [Int]] = [:]
        for (index, word) in textWords.enumerated() { positions[word.folded, default: []].append(index) }

        func occurrence(_ start: Int, _ end: Int) -> Int? {
            positions[lineWords[start].folded]?.first { position in
                guard position + (end - start) <= textWords.count else { return false }
                return (start..<end).allSatisfy { textWords[position + $0 - start].folded == lineWords[$0].folded }
            }
        }

        var pendingDropped: [String] = []
        var index = 0
        while index < lineWords.count {
            if ArabicText.isFunctionWord(lineWords[index].folded) {
                pendingDropped.append(lineWords[index].written)
                index += 1
                continue
            }
            if !pendingDropped.isEmpty {
                dropped.append(pendingDropped.joined(separator: " "))
                pendingDropped = []
            }
            var taken = false
            for end in stride(from: min(lineWords.count, index + Self.longestTag), to: index, by: -1) {
                guard !ArabicText.isFunctionWord(lineWords[end - 1].folded), let position = occurrence(index, end) else { continue }
                // Shown as the article's text spells it: the tag line often carries Persian letters (ی, ک).
                tags.append(textWords[position..<(position + end - index)].map(\.written).joined(separator: " "))
                index = end
                taken = true
                break
            }
            if !taken {
                tags.append(lineWords[index].written)
                index += 1
            }
        }
        if !pendingDropped.isEmpty { dropped.append(pendingDropped.joined(separator: " ")) }
    }

    private static func words(_ text: String) -> [(written: String, folded: String)] {
        ArabicText.writtenWords(text).compactMap { word in
            let folded = ArabicText.fold(word)
            return folded.isEmpty ? nil : (word, folded)
        }
    }
}
