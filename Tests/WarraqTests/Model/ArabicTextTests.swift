import Testing
@testable import Warraq

@Suite("Arabic folding: one identity for every spelling a reader takes as the same")
struct ArabicTextTests {
    @Test("each folding rule", arguments: [
        ("أحمد", "احمد"), ("إسلام", "اسلام"), ("آمال", "امال"), ("ٱلله", "الله"),  // alef forms
        ("مصطفى", "مصطفي"),  // alef maqsura
        ("مدرسة", "مدرسه"),  // teh marbuta
        ("ناغورنی", "ناغورني"), ("کاراباخ", "كاراباخ"), ("ہ", "ه"), ("ە", "ه"),  // Persian letters
        ("الســـلام", "السلام"),  // tatweel
        ("مُحَمَّدٌ", "محمد"),  // harakat
        ("سلا\u{200C}م\u{200F}", "سلام"), ("\u{202B}غزة\u{202C}", "غزه"),  // zero-width and bidi controls
        ("٢٠٢٣", "2023"), ("۱۴۰۲", "1402"),  // Arabic-Indic and Persian digits
        ("  وزارة   الدفاع ", "وزاره الدفاع"),  // spaces
        ("Reuters", "reuters"),  // Latin lowercased
        ("\u{FEB3}\u{FEE0}\u{FE8E}\u{FEE1}", "سلام"),  // presentation forms from a PDF
    ])
    func folds(_ written: String, _ key: String) {
        #expect(ArabicText.fold(written) == key)
    }

    @Test("the seed's tag line and body spellings meet")
    func seedSpellings() {
        #expect(ArabicText.fold("ناغورنی کاراباخ") == ArabicText.fold("ناغورني كاراباخ"))
        #expect(ArabicText.fold("حفظ السلام الروسیة") == ArabicText.fold("حفظ السلام الروسية"))
    }

    @Test("clean keeps the writer's hamza and harakat, drops only what is invisible")
    func cleanKeepsSpelling() {
        #expect(ArabicText.clean("أَحْمَد\u{200D}") == "أَحْمَد")
        #expect(ArabicText.clean("الســلام  عليكم") == "السلام عليكم")
    }

    @Test("digits are shown as the site asks")
    func digits() {
        #expect(ArabicText.digits("22 سبتمبر 2023", arabicIndic: true) == "٢٢ سبتمبر ٢٠٢٣")
        #expect(ArabicText.digits("2023", arabicIndic: false) == "2023")
    }

    @Test("hamza seats newsrooms mix are one identity; words they tell apart stay apart")
    func hamzaSeats() {
        #expect(ArabicText.fold("مسئول") == ArabicText.fold("مسؤول"))
        #expect(ArabicText.fold("الشئون") == ArabicText.fold("الشؤون"))
        #expect(ArabicText.fold("أبناؤنا") == ArabicText.fold("أبنائنا"))
        #expect(ArabicText.fold("أبنائنا") == ArabicText.fold("أبناءنا"))
        #expect(ArabicText.fold("رؤية") != ArabicText.fold("روية"))
        #expect(ArabicText.fold("بائع") != ArabicText.fold("بايع"))
    }

    @Test("a hamza written as a combining mark meets the precomposed letter")
    func decomposedHamza() {
        #expect(ArabicText.fold("ر\u{064A}\u{0654}يس") == ArabicText.fold("رئيس"))
        #expect(ArabicText.fold("مس\u{0648}\u{0654}ول") == ArabicText.fold("مسؤول"))
        #expect(ArabicText.fold("ر\u{064A}\u{0654}يس") != "رييس")
    }

    @Test("Urdu yeh barree folds like the Persian letters")
    func yehBarree() {
        #expect(ArabicText.fold("ے") == "ي")
    }

    @Test("an Arabic spelling names a tag, however often a Persian one was used")
    func arabicSpellingFirst() {
        #expect(ArabicText.mostUsedSpelling(["ناغورنی کاراباخ": 5, "ناغورني كاراباخ": 1]) == "ناغورني كاراباخ")
        #expect(ArabicText.mostUsedSpelling(["ناغورنی": 2]) == "ناغورنی")
    }

    @Test("control characters from exports never reach the text")
    func controlCharacters() {
        #expect(ArabicText.clean("مهرجان\u{1A} الصيف\u{FFFD}\u{85}") == "مهرجان الصيف")
        #expect(ArabicText.fold("غزة\u{0007}") == "غزه")
    }

    @Test("function words are known after folding")
    func functionWords() {
        #expect(ArabicText.isFunctionWord(ArabicText.fold("إلى")))
        #expect(ArabicText.isFunctionWord(ArabicText.fold("الى")))
        #expect(!ArabicText.isFunctionWord(ArabicText.fold("كاراباخ")))
    }
}
