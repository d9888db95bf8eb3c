/// A scraped page's tag line ("كلمات دلالية: ...") lists multi-word tags separated by single spaces, so the
/// tags have to be recovered from the article itself: the longest runs of line words that the text writes
/// together inside one sentence, neither beginning nor ending with a function word ("إطلاق النار في"
/// occurs in the seed's text, yet the tag is "إطلاق النار").
///
/// Words are matched through their clitics ("للهلال الأحمر السعودي" in the text is the tag "الهلال الأحمر
/// السعودي"); a run the text writes as a title then a name ("وزير الخارجية سامح شكري") is two tags when
/// both parts stand on their own in the text; words the text never writes stay together as one tag.
struct TagLine {
    var tags: [String] = []
    /// Function words left over between tags ("إلى أن"), and a word stranded after one ("في المنطقة"):
    /// not tags, dropped with a warning.
    var dropped: [String] = []

    /// The longest tag the recovery will consider, in words.
    static let longestTag = 6
    /// How many words absent from the text are kept together as one tag ("الشرق الأوسط").
    static let longestAbsentTag = 3

    private struct Word {
        var written: String
        var folded: String
        var base: String
        /// Which sentence of the text it is in: a tag never runs across a full stop or a paragraph.
        var clause: Int
    }

    init(_ line: String, articleText: String) {
        let lexicon = Lexicon(texts: [articleText, line])
        let lineWords = Self.words(line, lexicon: lexicon, clauses: false)
        let textWords = Self.words(articleText, lexicon: lexicon, clauses: true)
        var positions: [String: [Int]] = [:]
        for (index, word) in textWords.enumerated() { positions[word.base, default: []].append(index) }

        /// Where the text writes line words `start..<end` together, inside one sentence.
        func occurrences(_ start: Int, _ end: Int) -> [Int] {
            (positions[lineWords[start].base] ?? []).filter { position in
                guard position + (end - start) <= textWords.count else { return false }
                return (start..<end).allSatisfy { offset in
                    let word = textWords[position + offset - start]
                    return word.base == lineWords[offset].base && word.clause == textWords[position].clause
                }
            }
        }
        /// Shown as the text spells it (the tag line often carries Persian letters), but without the
        /// clitic the text attached: the line's own word where the two differ by more than folding.
        func shown(_ start: Int, _ end: Int, at position: Int) -> String {
            (start..<end).map { offset in
                let word = textWords[position + offset - start]
                return word.folded == lineWords[offset].folded ? word.written : lineWords[offset].written
            }.joined(separator: " ")
        }
        func occurs(_ start: Int, _ end: Int, at position: Int) -> Bool {
            position >= 0 && occurrences(start, end).contains(position)
        }
        /// Whether the text writes line words `start..<cut` without `cut..<end` after them, and
        /// `cut..<end` without `start..<cut` before them: two tags that happen to meet, not one.
        func standApart(_ start: Int, _ cut: Int, _ end: Int) -> Bool {
            occurrences(start, cut).contains { !occurs(cut, end, at: $0 + (cut - start)) }
                && occurrences(cut, end).contains { !occurs(start, cut, at: $0 - (cut - start)) }
        }

        var pendingDropped: [String] = []
        var previousRun: (start: Int, end: Int)?
        var absent: [Int] = []
        func flushAbsent() {
            guard !absent.isEmpty else { return }
            if absent.count <= Self.longestAbsentTag {
                tags.append(absent.map { lineWords[$0].written }.joined(separator: " "))
            } else {
                tags += absent.map { lineWords[$0].written }
            }
            absent = []
        }

        var index = 0
        while index < lineWords.count {
            if ArabicText.isFunctionWord(lineWords[index].folded) {
                flushAbsent()
                pendingDropped.append(lineWords[index].written)
                index += 1
                continue
            }
            var match: (end: Int, position: Int)?
            for end in stride(from: min(lineWords.count, index + Self.longestTag), to: index, by: -1) {
                guard !ArabicText.isFunctionWord(lineWords[end - 1].folded), let position = occurrences(index, end).first else { continue }
                match = (end, position)
                break
            }
            guard let (end, position) = match else {
                if !pendingDropped.isEmpty { dropped.append(pendingDropped.joined(separator: " ")); pendingDropped = [] }
                absent.append(index)
                previousRun = nil
                index += 1
                continue
            }
            flushAbsent()
            if !pendingDropped.isEmpty {
                // A function word in a tag line is inside a tag the text does not write whole: one word
                // left between it and the next tag is that phrase's end, not a tag ("إطلاق النار في المنطقة").
                if end - index == 1 && previousRun != nil {
                    dropped.append((pendingDropped + [lineWords[index].written]).joined(separator: " "))
                    pendingDropped = []
                    previousRun = nil
                    index = end
                    continue
                }
                dropped.append(pendingDropped.joined(separator: " "))
                pendingDropped = []
            }
            // A title and a name written one after the other are two tags when each stands on its own.
            var split: Int?
            if end - index >= 3 {
                split = Self.afterOfficeTitle(lineWords[index..<end].map(\.folded)).map { index + $0 } ?? (index + 2..<(end - 1)).first { cut in
                    !ArabicText.isFunctionWord(lineWords[cut - 1].folded) && !ArabicText.isFunctionWord(lineWords[cut].folded)
                        && standApart(index, cut, end)
                }
            }
            if let split {
                tags.append(shown(index, split, at: position))
                tags.append(shown(split, end, at: position + split - index))
            } else {
                tags.append(shown(index, end, at: position))
            }
            previousRun = (index, end)
            index = end
        }
        flushAbsent()
        if !pendingDropped.isEmpty { dropped.append(pendingDropped.joined(separator: " ")) }
    }

    /// Where a name starts after an office written before it: "وزير الخارجية | سامح شكري", "الرئيس
    /// المصري | عبد الفتاح السيسي". The office is its word and the definite words after it; the name is
    /// at least two words, so "الملك سلمان بن عبدالعزيز" stays whole.
    static func afterOfficeTitle(_ folded: [String]) -> Int? {
        guard let first = folded.first, OfficeTitle.contains(folded: first) else { return nil }
        var cut = 1
        while cut < folded.count, folded[cut].hasPrefix("ال") { cut += 1 }
        guard cut >= 2, folded.count - cut >= 2 else { return nil }
        return cut
    }

    private static func words(_ text: String, lexicon: Lexicon, clauses: Bool) -> [Word] {
        var result: [Word] = []
        let pieces = clauses ? text.split(whereSeparator: { ".!?؟؛;\n".contains($0) }).map(String.init) : [text]
        for (clause, piece) in pieces.enumerated() {
            for written in ArabicText.writtenWords(piece) {
                let folded = ArabicText.fold(written)
                guard !folded.isEmpty else { continue }
                result.append(Word(written: written, folded: folded, base: lexicon.base(folded), clause: clause))
            }
        }
        return result
    }
}
