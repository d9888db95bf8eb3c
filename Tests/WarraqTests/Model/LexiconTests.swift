import Testing
@testable import Warraq

@Suite("Clitics come off only where the archive uses the rest as a word")
struct LexiconTests {
    /// The words of a small archive: the rest of a stripped word must be one of them.
    let lexicon = Lexicon(texts: [
        "الحكومة أعلنت أن الحكومة ستدعم المستشفيات. حكومة جديدة والحكومة القديمة",
        "وصل الوفد إلى الرياض، ومن الرياض توجه إلى جدة. بالرياض اجتماع",
        "الهلال الأحمر السعودي يرسل قافلة. للهلال الأحمر فرق في الميدان",
        "لبنان وإيران والسودان. زار لبنان ثم لبنان مرة أخرى، وإيران ترد",
        "وزير الخارجية التقى وزير الداخلية والوزير الأول. والدته حضرت",
        "المحاسبة ضرورية ومحاسبة المقصرين بمحاسبة واضحة",
        "الصقري فاز. الأقدام والأقدام",
    ].map { $0 })

    func base(_ word: String) -> String { lexicon.base(ArabicText.fold(word)) }

    @Test("conjunctions, prepositions and the article come off a word the archive knows")
    func strips() {
        #expect(base("والحكومة") == base("الحكومة"))
        #expect(base("الحكومة") == base("حكومة"))
        #expect(base("بالرياض") == base("الرياض"))
        #expect(base("للهلال") == base("الهلال"))
        #expect(base("بمحاسبة") == base("محاسبة"))
    }

    @Test("names and words whose first letter only looks like a clitic are left whole", arguments: [
        ("لبنان", "لبنان"), ("إيران", "ايران"), ("السودان", "سودان"), ("والدته", "والدته"), ("وزير", "وزير"),
        ("الصقري", "صقري"), ("الأقدام", "اقدام"),
    ])
    func keepsNames(_ word: String, _ expected: String) {
        #expect(base(word) == expected)
    }

    @Test("a function word with a conjunction or preposition on it is no term; a word that only begins like one is")
    func functionWordsWithClitics() {
        for word in ["وخلال", "فخلال", "لكل", "بدون", "وبين", "وبعد", "ولكن", "ومنذ"] {
            #expect(ArticleTerms.term(Array(ArabicText.fold(word).unicodeScalars), lexicon: lexicon) == nil, "\(word)")
        }
        for word in ["وزير", "والدته", "لبنان", "المثل", "بيان", "ولي"] {
            #expect(ArticleTerms.term(Array(ArabicText.fold(word).unicodeScalars), lexicon: lexicon) != nil, "\(word)")
        }
    }

    @Test("no ending is removed: names are never turned into other words")
    func noSuffixes() {
        #expect(base("لبنان") != "لبن")
        #expect(base("إيران") != "اير")
        #expect(base("السودان") != "سود")
        #expect(base("والدته") != "دته")
    }
}
