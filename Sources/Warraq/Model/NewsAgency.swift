/// The news agencies Arabic papers credit, each under the name papers print most, with the other ways a
/// byline writes it ("أ. ف. ب", "ا ف ب", "الفرنسية" are one agency). "وكالات" (agencies) credits several.
enum NewsAgency {
    static let names: [(name: String, spellings: [String])] = [
        ("واس", ["واس", "وكالة الأنباء السعودية"]),
        ("أ ف ب", ["أ ف ب", "أف ب", "فرانس برس", "الفرنسية", "وكالة الصحافة الفرنسية", "afp"]),
        ("رويترز", ["رويترز", "رويتر", "روتيرز", "reuters"]),
        ("د ب أ", ["د ب أ", "الألمانية", "وكالة الأنباء الألمانية", "dpa"]),
        ("أ ب", ["أ ب", "أسوشيتد برس", "أسوشييتد برس", "ap"]),
        ("يو بي آي", ["يو بي آي", "upi"]),
        ("الأناضول", ["الأناضول", "وكالة الأناضول"]),
        ("كونا", ["كونا"]), ("وام", ["وام"]), ("قنا", ["قنا"]), ("بنا", ["بنا"]), ("العمانية", ["العمانية"]),
        ("سانا", ["سانا"]), ("واج", ["واج"]), ("ومع", ["ومع"]), ("أ ش أ", ["أ ش أ"]), ("سبأ", ["سبأ"]),
        ("بترا", ["بترا"]), ("شينخوا", ["شينخوا"]), ("إرنا", ["إرنا"]), ("تاس", ["تاس"]), ("نوفوستي", ["نوفوستي"]),
        ("سبوتنيك", ["سبوتنيك"]), ("سي إن إن", ["سي إن إن", "cnn"]), ("بي بي سي", ["بي بي سي", "bbc"]),
        ("روسيا اليوم", ["روسيا اليوم", "rt"]), ("سكاي نيوز", ["سكاي نيوز", "سكاي", "sky", "sky news"]), ("وكالات", ["وكالات", "الوكالات", "وكالات الأنباء"]),
    ]

    static let byKey: [String: String] = {
        var index: [String: String] = [:]
        for (name, spellings) in names {
            for spelling in spellings { index[Byline.key(spelling)] = name }
        }
        return index
    }()

    /// The agency's usual name, if `text` names one.
    static func agency(_ text: String) -> String? {
        byKey[Byline.key(text)]
    }
}
