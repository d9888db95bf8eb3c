/// The folded words an archive uses, counted, so that an attached prefix is taken off only where what is
/// left is a word the archive uses on its own.
///
/// Arabic writes conjunctions (و ف), prepositions (ب ل ك) and the article (ال) onto the next word:
/// "والحكومة", "بالرياض" and "للهلال" are "الحكومة", "الرياض" and "الهلال". A rule that strips every
/// such letter cuts names ("لبنان" is not "ل" + "بنان", "وزير" is not "و" + "زير"); a stemmer that strips
/// endings turns names into other words (لبنان → لبن, السودان → سود, الصقري → صقر). So the base of a word
/// is the word without its clitics only when the archive holds the rest often enough to be a word of its
/// own, and no ending is ever removed.
public struct Lexicon: Sendable {
    /// Occurrences of each folded word, by `Lexicon.key`.
    private(set) var counts = KeyTable()

    public init() {}

    /// A lexicon of the words of some texts (a page, a tag line and its article).
    public init(texts: [String]) {
        for text in texts { ArabicText.forEachFoldedWord(text) { add($0) } }
    }

    mutating func add<Word: Collection<Unicode.Scalar>>(_ word: Word, count: Int32 = 1) {
        add(key: Self.key(word), count: count)
    }

    mutating func add(key: UInt64, count: Int32 = 1) {
        counts.add(key, count)
    }

    mutating func merge(_ other: Lexicon) {
        other.counts.forEach { counts.add($0, $1) }
    }

    func count<Word: Collection<Unicode.Scalar>>(_ word: Word) -> Int {
        Int(counts[Self.key(word)] ?? 0)
    }

    /// The word without the clitics the archive's own usage shows it carries, or the word itself.
    public func base(_ folded: String) -> String {
        String(String.UnicodeScalarView(base(scalars: Array(folded.unicodeScalars))))
    }

    /// The base as a slice of the word: nothing is copied.
    func base(scalars word: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar> {
        let whole = word[...]
        guard word.count > 3 else { return whole }
        let own = count(word)
        for prefix in Self.prefixes where word.count - prefix.letters.count >= 3 && word.starts(with: prefix.letters) {
            let rest = whole.dropFirst(prefix.letters.count)
            if ArabicText.isFunctionWord(scalars: Array(rest)) { continue }
            // The article alone is always taken off: "الحكومة" and "حكومة" are one word.
            if prefix.isArticleOnly { return rest }
            let evidence = count(rest) + count(Self.article + rest)
            if evidence >= max(1, own / 4) { return rest }
        }
        return whole
    }

    /// A stable 64-bit identity of a folded word (the same in every process).
    static func key<Word: Sequence<Unicode.Scalar>>(_ word: Word) -> UInt64 {
        var hash = StableHash()
        hash.combine(scalars: word)
        return hash.value
    }

    private static let article: [Unicode.Scalar] = ["ا", "ل"]

    private struct Prefix {
        let letters: [Unicode.Scalar]
        var isArticleOnly: Bool { letters == Lexicon.article }
    }

    /// Conjunction, then preposition, then article, longest first: "وبال" before "بال" before "ال".
    /// "لل" is the preposition ل before the article, whose alef is not written.
    private static let prefixes: [Prefix] = {
        var all: [String] = ["لل", "ولل", "فلل"]
        for conjunction in ["", "و", "ف"] {
            for preposition in ["", "ب", "ل", "ك"] {
                for article in ["", "ال"] where !(conjunction + preposition + article).isEmpty {
                    // "لال" is never written: the article after ل is "لل".
                    if preposition == "ل" && article == "ال" { continue }
                    all.append(conjunction + preposition + article)
                }
            }
        }
        return Set(all).sorted { $0.unicodeScalars.count != $1.unicodeScalars.count ? $0.unicodeScalars.count > $1.unicodeScalars.count : $0 < $1 }
            .map { Prefix(letters: Array($0.unicodeScalars)) }
    }()
}
