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

    @Test("the light stem lets والحكومة meet الحكومة and حكومة")
    func stems() {
        let stem = { ArabicText.stem(ArabicText.fold($0)) }
        #expect(stem("والحكومة") == stem("الحكومة"))
        #expect(stem("الحكومة") == stem("حكومة"))
        #expect(stem("بالحكومة") == stem("حكومة"))
        #expect(stem("في") == "في")
        #expect(stem("سريراً") == stem("سرير"))
        #expect(stem("وزير") == stem("الوزير"))
    }

    @Test("function words are known after folding")
    func functionWords() {
        #expect(ArabicText.isFunctionWord(ArabicText.fold("إلى")))
        #expect(ArabicText.isFunctionWord(ArabicText.fold("الى")))
        #expect(!ArabicText.isFunctionWord(ArabicText.fold("كاراباخ")))
    }
}
