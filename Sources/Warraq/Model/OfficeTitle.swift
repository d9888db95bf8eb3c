/// The offices a newsroom writes before a name ("وزير الخارجية سامح شكري", "الأمير محمد بن سلمان"): the
/// office is not part of the name, so a tag never starts with it and a name is not "a piece of" it.
enum OfficeTitle {
    static func contains(folded word: String) -> Bool { words.contains(word) }

    private static let words: Set<String> = Set("""
        وزير الوزير وزيرة رئيس الرئيس رئيسة أمير الأمير ملك الملك الشيخ شيخ سفير السفير مدير المدير محافظ المحافظ \
        ولي أمين الأمين نائب النائب قائد القائد المتحدث متحدث مساعد المساعد وكيل الوكيل مستشار المستشار عضو العضو
        """.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }).map { ArabicText.fold(String($0)) })
}
