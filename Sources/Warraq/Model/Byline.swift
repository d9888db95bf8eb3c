/// What an Arabic news byline says, taken apart: the people who wrote the article, the place it was filed
/// from (the dateline) and who supplied it when not a reporter of the paper (an agency, or the paper's
/// desk). Papers write the parts in any order, with a dash, a colon, brackets or "من" between them:
///
///     واس - الرياض               → credit واس, place الرياض
///     أبها - عبدالله الهاجري:     → author عبدالله الهاجري, place أبها
///     لندن: «الشرق الأوسط»        → place لندن, credit الشرق الأوسط
///     أحمد الشميري (صنعاء)        → author أحمد الشميري, place صنعاء
///     عادل الخنين من الرياض       → author عادل الخنين, place الرياض
///
/// A part is an agency (`NewsAgency`), a paper (the record's own or another known one), a place
/// (`Gazetteer`), a desk word (متابعة, تحقيق, كتب: dropped) or else a person.
public struct Byline: Sendable, Equatable {
    public var authors: [String] = []
    public var place: String?
    public var credit: String?

    public init(authors: [String] = [], place: String? = nil, credit: String? = nil) {
        self.authors = authors
        self.place = place
        self.credit = credit
    }

    /// `paper` is the name of the record's own paper (الرياض for alriyadh): a part that is both a city and
    /// the paper's name is the credit when another part is the place ("دبي - الرياض"), else the place.
    /// `papers` are the other known paper names.
    public init(parsing text: String, paper: String? = nil, papers: [String] = []) {
        let own = paper.map { Self.key(Self.withoutBrackets($0)) }
        var paperKeys = Set(papers.map { Self.key(Self.withoutBrackets($0)) })
        if let own { paperKeys.insert(own) }
        paperKeys.remove("")

        var agencies: [String] = []
        var paperCredits: [String] = []
        var places: [String] = []
        var ownPaperPlaces: [String] = []
        let parts = Self.parts(text)
        // An export's author field sometimes holds the first sentences of the article: not a byline.
        guard parts.reduce(0, { $0 + $1.split(separator: " ").count }) <= Self.longestByline else { return }
        var photographerNext = false
        var loneWords: [String] = []
        for part in parts {
            let key = Self.key(part)
            guard !key.isEmpty else { continue }
            let isPhotographer = photographerNext
            photographerNext = false
            if let agency = NewsAgency.agency(part) {
                agencies.append(agency)
            } else if let place = Gazetteer.place(part) {
                if key == own { ownPaperPlaces.append(part) } else { places.append(place) }
            } else if let name = Self.paperName(part, key: key, papers: paperKeys) {
                paperCredits.append(name)
            } else if Self.photoCredits.contains(key) {
                // "تصوير - أحمد باروم": the next name took the photographs.
                photographerNext = true
            } else if Self.isDesk(part) {
                continue
            } else if !part.contains(" ") {
                // A byline names a person in full; one word beside a dash is a dateline the gazetteer
                // does not list ("ميونخ - رويترز"), or a section's name.
                if Self.looksLikeName(part) { loneWords.append(part) }
            } else if !isPhotographer, Self.looksLikeName(part) {
                // "عبدالرحمن العمري مكة المكرمة": the dateline without its dash.
                let (person, place) = Self.placeAtEdge(of: part) ?? Self.cityAndCountry(part) ?? (part, nil)
                if let place { places.append(place) }
                if !person.isEmpty, !authors.contains(person) { authors.append(person) }
            }
        }
        if places.isEmpty { places = ownPaperPlaces } else { paperCredits += ownPaperPlaces }
        if places.isEmpty, parts.count > 1, let word = loneWords.first { places = [word] }
        place = places.first
        credit = agencies.first ?? paperCredits.first
    }

    /// More words than this (in all parts) is text, not a byline.
    static let longestByline = 14

    /// The identity of a part: folded, without spaces, dots or any other punctuation ("أ. ف. ب" is "افب").
    static func key(_ text: String) -> String {
        String(String.UnicodeScalarView(ArabicText.fold(text).unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }))
    }

    /// The parts of a byline, each cleaned: split on dashes, colons, brackets, guillemets, quotes, commas,
    /// and on the words "من" (from) and "و" (and) standing alone. A tatweel is a dash only beside a space
    /// ("المدينة ـ جدة"), never inside a word.
    static func parts(_ text: String) -> [String] {
        var text = text
        // Entities the export left undecoded.
        for (entity, character) in [("&nbsp;", " "), ("&ndash;", "-"), ("&mdash;", "-"), ("&rlm;", ""), ("&lrm;", ""), ("&quot;", "\""),
                                    ("&laquo;", "«"), ("&raquo;", "»"), ("&amp;", "&")] where text.contains("&") {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        let scalars = Array(text.unicodeScalars)
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            let words = ArabicText.clean(String(current)).split(separator: " ")
            current = String.UnicodeScalarView()
            var run: [Substring] = []
            for word in words {
                if word == "من" || word == "و" {
                    if !run.isEmpty { parts.append(run.joined(separator: " ")) }
                    run = []
                } else {
                    run.append(word)
                }
            }
            if !run.isEmpty { parts.append(run.joined(separator: " ")) }
        }
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "-", "\u{2013}", "\u{2014}", "\u{2012}", "\u{2212}", ":", "\u{061B}", ";", "(", ")", "[", "]", "{", "}",
                 "\u{00AB}", "\u{00BB}", "\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{060C}", ",", "/", "|", "\u{FD3E}", "\u{FD3F}":
                flush()
            case "\u{0640}":
                let spaced = { (i: Int) in i < 0 || i >= scalars.count || ArabicText.isWhitespace(scalars[i]) || scalars[i] == "\u{0640}" }
                if spaced(index - 1) || spaced(index + 1) { flush() }
            default:
                current.append(scalar)
            }
        }
        flush()
        return parts
    }

    /// A known paper, as the byline writes it: the name alone, with "أونلاين" or "الإلكترونية" after it
    /// (the paper's website), "مكتب" before it (its bureau) or "كلمة" (its editorial).
    static func paperName(_ part: String, key: String, papers: Set<String>) -> String? {
        if papers.contains(key) { return part }
        for prefix in paperPrefixes where key.hasPrefix(prefix) {
            if papers.contains(String(key.dropFirst(prefix.count))) { return String(part.split(separator: " ").dropFirst().joined(separator: " ")) }
        }
        for suffix in paperSuffixes where key.hasSuffix(suffix) {
            if papers.contains(String(key.dropLast(suffix.count))) { return part }
        }
        return nil
    }

    static let paperPrefixes = ["مكتب", "كلمة", "مندوب", "صحيفة", "جريدة"].map { key($0) }
    static let paperSuffixes = ["أونلاين", "الإلكتروني", "الإلكترونية", "نت"].map { key($0) }

    /// Words for how the article was made, not by whom: متابعة (follow-up), كتب (wrote), تصوير (photos),
    /// and the names of desks and sections (المحليات, ثقافة اليوم); "عواصم" (capitals) is no one place.
    static let desks: Set<String> = Set([
        "متابعة", "متابعات", "كتب", "كتبت", "تصوير", "عدسة", "تحقيق", "تقرير", "حوار", "حاوره", "حاورها", "إعداد", "خاص",
        "استطلاع", "تحليل", "ترجمة", "هاتفيا", "المحليات", "ثقافة اليوم", "تقول للمسؤول", "سبق تقول للمسؤول", "عواصم",
        "محرر", "المحرر", "مراسل", "مراسلنا", "المندوب", "رسالة", "الترجمة", "إضاءة", "عرض", "شعر", "تغطية", "اختيار",
        "المنوعات", "الرياضة", "الاقتصاد", "زائر",
    ].map { key($0) })
    static let photoCredits: Set<String> = Set(["تصوير", "عدسة", "تصوير وعدسة"].map { key($0) })

    static func isDesk(_ part: String) -> Bool {
        let key = key(part)
        return desks.contains(key) || key.hasPrefix(Self.key("خاص ب")) || key.hasPrefix(Self.key("خاص ل"))
            || key.hasPrefix(Self.key("بقلم"))
    }

    /// A listed place at the start or end of a part, when at least two words are left for a name: a place
    /// of several words at either edge, a one-word place of five letters or more only before the name
    /// (family names such as الكامل end names; "طهران نضال فاضل" starts with the dateline).
    static func placeAtEdge(of part: String) -> (person: String, place: String)? {
        let words = part.split(separator: " ").map(String.init)
        guard words.count >= 3 else { return nil }
        for count in stride(from: min(3, words.count - 2), through: 1, by: -1) {
            if let place = Gazetteer.place(words.prefix(count).joined(separator: " ")),
               count > 1 || (key(place).count >= 5 && !nameLikePlaces.contains(key(place))) {
                return (words.dropFirst(count).joined(separator: " "), place)
            }
            if count > 1, let place = Gazetteer.place(words.suffix(count).joined(separator: " ")) {
                return (words.dropLast(count).joined(separator: " "), place)
            }
        }
        return nil
    }

    /// "ساو باولو البرازيل": two listed places, the city first; no one's name.
    static func cityAndCountry(_ part: String) -> (person: String, place: String)? {
        let words = part.split(separator: " ")
        for cut in 1..<words.count {
            if let city = Gazetteer.place(words.prefix(cut).joined(separator: " ")), Gazetteer.place(words.dropFirst(cut).joined(separator: " ")) != nil {
                return ("", city)
            }
        }
        return nil
    }

    static let nameLikePlaces: Set<String> = Set(["عمران", "الكامل", "الليث", "الدرب", "المهد", "بارق", "سلوى", "رماح", "الجنوب", "الشمال", "المملكة"].map { key($0) })

    /// A name has letters and at most six words; a sentence or a number is not a byline's person.
    static func looksLikeName(_ part: String) -> Bool {
        let words = part.split(separator: " ")
        return words.count <= 6 && part.unicodeScalars.filter({ $0.properties.isAlphabetic }).count >= 2
            && !part.unicodeScalars.contains { $0.properties.numericType != nil }
    }

    /// "واس (وكالة الأنباء السعودية)" is known as واس.
    static func withoutBrackets(_ name: String) -> String {
        String(name.prefix { $0 != "(" })
    }
}
