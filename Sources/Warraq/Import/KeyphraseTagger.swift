import Foundation

/// Suggests tags for untagged articles the way an editor picks them: names, places, organisations and
/// noun phrases that other articles of the archive share, never a verb, a function word, a clitic form
/// of another tag, or a piece of a longer name the article holds whole.
///
/// Phrases of one to four words are read inside clauses (punctuation and line breaks end them) and
/// counted across the whole archive under a key with clitics removed (`Lexicon`), so "للهلال الأحمر" and
/// "الهلال الأحمر" are one tag, shown as the article writes it without the clitic. What a word is comes
/// from how the archive uses it: a noun follows prepositions and takes the article; a verb follows
/// قد، لم، لن، أن and takes the future prefix س. What an article is about is in its headline and its lead,
/// so a phrase first written further down is no tag unless it is a listed place; and a single word must gather
/// the articles that carry it (`TopicCoherence`), as names and topics do and common nouns do not. An article
/// gets fewer tags rather than weak ones.
public struct KeyphraseTagger: Sendable {
    public struct Document: Sendable {
        public var title: String
        public var body: String
        /// The paper's name: it quotes itself ("قالت مصادر لـ«الوئام»"), and its own name is no topic.
        public var paper: String?
        public init(title: String, body: String, paper: String? = nil) {
            self.title = title
            self.body = body
            self.paper = paper
        }
    }

    /// One phrase in one document: its occurrences, whether the title has it, its written forms.
    struct Candidate {
        var count = 0
        var inTitle = false
        /// Written in the body's first `leadWords` words: the lead says what the article is about.
        var inLead = false
        var forms: [String: Int] = [:]
        /// The words written just before ("<" + base) and after (">" + base) each occurrence.
        var neighbours: [String: Int] = [:]

        /// Whether every occurrence has the same word beside it: "هيئة كبار" is always "هيئة كبار
        /// العلماء", "بيرسي" always "فان بيرسي", so it is a piece of a longer name, not a tag.
        var isPiece: Bool {
            neighbours.contains { $0.value == count }
        }
    }

    let candidates: [[String: Candidate]]
    let documentFrequency: [String: Int]
    let formCounts: [String: [String: Int]]
    let words: WordUsage
    /// Phrases the archive mostly writes beside one same word: "وسائل التواصل" is "وسائل التواصل
    /// الاجتماعي", "القيمة المضافة" is "ضريبة القيمة المضافة", "عز وجل" follows "الله". Each is part of a
    /// longer name, never a tag of its own.
    let pieces: Set<String>
    /// Per document, the key of its paper's name.
    let paperKeys: [String?]
    /// For single words, how gathered the articles carrying them are (`TopicCoherence`).
    let gathering: [String: Double]

    /// How much of a body is read: keyphrases of news are in its first paragraphs.
    static let bodyLimit = 4000
    static let longestPhrase = 4
    /// The lead: a news article names its subject in its headline or its first sentence or two.
    static let leadWords = 20
    /// A single word whose carriers are less alike than this many times two random articles is a common
    /// noun of many subjects, not a topic.
    static let minimumGathering = 3.0
    static let gatheringArchive = 100

    public init(_ documents: [Document]) {
        let usage = WordUsage(documents.map { $0.title + "\n" + String($0.body.prefix(Self.bodyLimit)) })
        words = usage
        let read = Parallel.map(documents, minimumChunk: 32) { document -> ([String: Candidate], [String]) in
            var found: [String: Candidate] = [:]
            var words: [String] = []
            Self.collect(document.title, inTitle: true, usage: usage, into: &found, words: &words)
            Self.collect(String(document.body.prefix(Self.bodyLimit)), inTitle: false, usage: usage, into: &found, words: &words)
            return (found, words)
        }
        candidates = read.map(\.0)
        var frequency: [String: Int] = [:]
        var forms: [String: [String: Int]] = [:]
        for document in candidates {
            for (key, candidate) in document {
                frequency[key, default: 0] += 1
                for (form, count) in candidate.forms { forms[key, default: [:]][form, default: 0] += count }
            }
        }
        documentFrequency = frequency
        formCounts = forms
        paperKeys = documents.map { document in
            document.paper.map { name in ArabicText.writtenWords(name).map { usage.lexicon.base(ArabicText.fold($0)) }.joined(separator: " ") }
        }
        pieces = Self.pieces(of: candidates, frequency: frequency, minimumFrequency: Self.minimumFrequency(documents.count))
        gathering = Self.gathering(of: candidates, frequency: frequency, coherence: TopicCoherence(read.map(\.1)))
    }

    /// The gathering of every single word common enough to be chosen and rare enough to say something.
    /// Under `gatheringArchive` articles, few subjects fill the whole archive and any two articles are
    /// alike: the background says nothing.
    static func gathering(of candidates: [[String: Candidate]], frequency: [String: Int], coherence: @autoclosure () -> TopicCoherence) -> [String: Double] {
        guard candidates.count >= gatheringArchive else { return [:] }
        let coherence = coherence()
        let minimum = minimumFrequency(candidates.count), maximum = candidates.count < 20 ? Int.max : candidates.count / 20
        var carriers: [String: [Int]] = [:]
        for (index, document) in candidates.enumerated() {
            for key in document.keys where !key.contains(" ") && (minimum...max(minimum, maximum)).contains(frequency[key] ?? 0) {
                carriers[key, default: []].append(index)
            }
        }
        let keyed = carriers.sorted { $0.key < $1.key }
        let values = Parallel.map(keyed, minimumChunk: 64) { coherence.gathering(of: $0.value, phrase: [$0.key]) }
        var result: [String: Double] = [:]
        for (entry, value) in zip(keyed, values) { if let value { result[entry.key] = value } }
        return result
    }

    /// Fewer articles than this share a phrase: it links too little to be a tag.
    static func minimumFrequency(_ documents: Int) -> Int {
        documents >= 1000 ? 4 : (documents >= 100 ? 3 : 2)
    }

    /// Counted over the whole archive, only for phrases common enough to be chosen.
    static func pieces(of candidates: [[String: Candidate]], frequency: [String: Int], minimumFrequency: Int) -> Set<String> {
        var occurrences: [String: Int] = [:]
        var beside: [String: [String: Int]] = [:]
        for document in candidates {
            for (key, candidate) in document where (frequency[key] ?? 0) >= minimumFrequency {
                occurrences[key, default: 0] += candidate.count
                for (neighbour, count) in candidate.neighbours { beside[key, default: [:]][neighbour, default: 0] += count }
            }
        }
        return Set(beside.compactMap { key, neighbours in
            let total = occurrences[key] ?? 0
            guard total >= 3, let most = neighbours.values.max() else { return nil }
            return most * 2 >= total ? key : nil
        })
    }

    /// Up to `count` tags for every document, best first. Tags that would name one article only are
    /// dropped and the choice made again, so the tags that remain link articles.
    public func tagsForAll(count: Int) -> [[String]] {
        var banned: Set<String> = []
        var chosen: [[String]] = []
        for _ in 0..<3 {
            chosen = Parallel.map(Array(candidates.indices), minimumChunk: 64) { [banned] in keys(for: $0, count: count, banned: banned) }
            var used: [String: Int] = [:]
            for keys in chosen { for key in keys { used[key, default: 0] += 1 } }
            let lonely = used.filter { $0.value < 2 }.map(\.key)
            if lonely.isEmpty { break }
            banned.formUnion(lonely)
        }
        return chosen.indices.map { index in chosen[index].filter { !banned.contains($0) }.map { display($0, in: index) } }
    }

    /// Up to `count` tags for document `index`, best first.
    public func tags(for index: Int, count: Int) -> [String] {
        keys(for: index, count: count, banned: []).map { display($0, in: index) }
    }

    func keys(for index: Int, count: Int, banned: Set<String>) -> [String] {
        let total = Double(candidates.count)
        let minimumFrequency = Self.minimumFrequency(candidates.count)
        let scored: [(key: String, score: Double)] = candidates[index].compactMap { key, candidate in
            // A news agency is the article's credit, not its subject.
            guard !banned.contains(key), !pieces.contains(key), key != paperKeys[index], NewsAgency.agency(key) == nil, !(candidate.isPiece && (candidate.count >= 2 || candidate.inTitle)) else { return nil }
            let frequency = documentFrequency[key] ?? 1
            // A phrase in one article links nothing; one in many articles says nothing.
            guard frequency >= minimumFrequency, total < 20 || Double(frequency) <= total * 0.05 else { return nil }
            guard candidate.count >= 2 || candidate.inTitle else { return nil }
            let parts = key.split(separator: " ")
            // A listed place is a place wherever the article names it; anything else must also pass two
            // tests. A phrase first written below the lead is something the article mentions, not its
            // subject. A single word whose articles are about anything is a common noun ("المرأة", "الوطن").
            if !words.isPlace(ArabicText.fold(display(key, in: index))) {
                guard candidate.inTitle || candidate.inLead else { return nil }
                if parts.count == 1, let gathered = gathering[key], gathered < Self.minimumGathering { return nil }
            }
            if parts.count > 1 {
                // A real phrase keeps its words together: many articles using its rarest word use the phrase.
                let rarest = parts.compactMap { documentFrequency[String($0)] }.min() ?? frequency
                guard Double(frequency) >= Double(rarest) * 0.25 else { return nil }
            }
            let tf = Double(candidate.count) + (candidate.inTitle ? 2 : 0)
            return (key, (1 + log(tf)) * log(total / Double(frequency) + 1) * (1 + 0.3 * Double(parts.count - 1)))
        }
        // A word the article mostly writes inside a longer phrase ("جعجع" in "سمير جعجع", "مدريد" in
        // "ريال مدريد") is a piece of that name: the phrase may be a tag, the piece is not.
        let own = candidates[index]
        let ownPieces = Set(own.filter { key, candidate in
            !key.contains(" ") && own.contains { other, longer in
                other.split(separator: " ").contains(Substring(key)) && other != key && longer.count * 2 >= candidate.count
                    && other.split(separator: " ").count <= 3
            }
        }.map(\.key))
        var chosen: [String] = []
        var chosenWords: [Set<Substring>] = []
        for (key, _) in scored.sorted(by: { $0.score != $1.score ? $0.score > $1.score : $0.key < $1.key }) where !ownPieces.contains(key) {
            let parts = Set(key.split(separator: " "))
            // Two tags never share a word: "وزارة الدفاع" and "الدفاع" are one topic, and "سلمان بن
            // عبدالعزيز" and "عبدالعزيز آل سعود" are pieces of one name.
            if chosenWords.contains(where: { !$0.isDisjoint(with: parts) }) { continue }
            chosen.append(key)
            chosenWords.append(parts)
            if chosen.count == count { break }
        }
        return chosen
    }

    /// The tag as the archive writes it most (without clitics): one name for one key, so "الشرقية" and
    /// "شرقية" never become two tags.
    func display(_ key: String, in index: Int) -> String {
        let archive = formCounts[key] ?? [:]
        return ArabicText.mostUsedSpelling(archive.isEmpty ? (candidates[index][key]?.forms ?? [key: 1]) : archive)
    }

    /// Phrases of one to four words inside one clause that can be tags; every word's base is also added to
    /// `words`, the text as `TopicCoherence` reads it, so the text is split and folded once.
    static func collect(_ text: String, inTitle: Bool, usage: WordUsage, into found: inout [String: Candidate], words: inout [String]) {
        var position = 0
        for clause in Self.clauses(text) {
            let written = ArabicText.writtenWords(clause)
            let folded = written.map { ArabicText.fold($0) }
            let bases = folded.map { usage.lexicon.base($0) }
            words += bases
            defer { position += written.count }
            for start in written.indices where usage.canStart(folded[start], base: bases[start]) {
                for length in 1...Self.longestPhrase {
                    let end = start + length - 1
                    guard end < written.count else { break }
                    if end > start && !(usage.canContinue(folded[end]) && usage.isBare(folded[end], base: bases[end])) { break }
                    if end > start && usage.isFutureVerb(folded[end]) { break }
                    // "موقعها الإلكتروني", "شملتهم الدراسة": a pronoun anywhere makes the phrase about someone.
                    if usage.hasPronoun(written[end], folded: folded[end]) { break }
                    guard usage.canEnd(folded[end], base: bases[end]) else { continue }
                    if length == 1 && !usage.isNameLike(folded[start], base: bases[start]) { continue }
                    if length > 1 && usage.isConstructHead(folded[end]) { continue }
                    if length > 1 && !usage.namesSomething(folded[start...end], bases: bases[start...end]) { continue }
                    if length > 1 && (WordUsage.hasVerbShape(bases[end]) && !folded[end].hasPrefix("ال") && !usage.hasNounMarks(folded[end], base: bases[end])) { continue }
                    let key = bases[start...end].joined(separator: " ")
                    var candidate = found[key] ?? Candidate()
                    candidate.count += 1
                    if start > 0, !ArabicText.isFunctionWord(folded[start - 1]), !OfficeTitle.contains(folded: folded[start - 1]) { candidate.neighbours["<" + bases[start - 1], default: 0] += 1 }
                    if end + 1 < written.count, !ArabicText.isFunctionWord(folded[end + 1]) { candidate.neighbours[">" + bases[end + 1], default: 0] += 1 }
                    candidate.inTitle = candidate.inTitle || inTitle
                    candidate.inLead = candidate.inLead || (!inTitle && position + start < Self.leadWords)
                    // Shown without the clitic the first word carries here: "للهلال الأحمر" is "الهلال الأحمر".
                    if let first = usage.withoutClitics(written[start], folded: folded[start], base: bases[start]) {
                        let form = ([first] + written[(start + 1)..<(end + 1)]).joined(separator: " ")
                        candidate.forms[Self.withoutHarakat(ArabicText.clean(form)), default: 0] += 1
                    }
                    found[key] = candidate
                }
            }
        }
    }

    /// A tag is named in pause, as an editor writes it: "المواد المتفجرة", not the case endings of the
    /// sentence it was read in ("الموادِ المتفجرةِ"). Harakat, tanween, shadda and sukun go; letters stay.
    static func withoutHarakat(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !(0x064B...0x0652).contains($0.value) }))
    }

    /// Sentence punctuation, quotes, brackets and line breaks end a phrase.
    static func clauses(_ text: String) -> [String] {
        text.split(whereSeparator: { ".،,؛;:!?؟\n\"«»“”()[]{}|/–—-".contains($0) }).map(String.init)
    }
}

/// How the archive uses each folded word: its counts (for clitics) and the company it keeps, which tells
/// nouns from verbs without a part-of-speech model.
struct WordUsage: Sendable {
    let lexicon: Lexicon
    /// Occurrences after a preposition or with ب/ك/ال attached: a noun's marks.
    private let nounMarks: [String: Int]
    /// Occurrences after قد، لم، لن، أن، سوف or with the future prefix س: a verb's marks.
    private let verbMarks: [String: Int]
    private let counts: [String: Int]
    private let tanween: [String: Int]
    /// Occurrences of a bare word followed by a definite one: the first noun of a construct ("كأس
    /// العالم", "مدار الساعة", "تبادل الأسرى"), which means nothing alone.
    private let constructHeads: [String: Int]
    /// Occurrences right after an office ("الرئيس السيسي", "الوزير العيسى"): a person's name.
    private let afterOffice: [String: Int]

    init(_ texts: [String]) {
        let perText = Parallel.map(texts, minimumChunk: 32) { text -> (Lexicon, [String: Int], [String: Int], [String: Int], [String: Int], [String: Int], [String: Int]) in
            var lexicon = Lexicon()
            var noun: [String: Int] = [:], verb: [String: Int] = [:], count: [String: Int] = [:], tanween: [String: Int] = [:]
            var head: [String: Int] = [:], office: [String: Int] = [:]
            for clause in KeyphraseTagger.clauses(text) {
                var previous = ""
                for word in ArabicText.writtenWords(clause) {
                    let folded = ArabicText.fold(word)
                    lexicon.add(folded.unicodeScalars)
                    count[folded, default: 0] += 1
                    if word.unicodeScalars.contains("\u{064B}") { tanween[folded, default: 0] += 1 }
                    if Self.prepositions.contains(previous) { noun[folded, default: 0] += 1 }
                    if Self.verbParticles.contains(previous) { verb[folded, default: 0] += 1 }
                    if !previous.isEmpty, !previous.hasPrefix("ال"), folded.hasPrefix("ال"), folded.unicodeScalars.count >= 4,
                       !ArabicText.isFunctionWord(folded) {
                        head[previous, default: 0] += 1
                    }
                    if OfficeTitle.contains(folded: previous) { office[folded, default: 0] += 1 }
                    previous = folded
                }
            }
            return (lexicon, noun, verb, count, tanween, head, office)
        }
        var lexicon = Lexicon()
        var noun: [String: Int] = [:], verb: [String: Int] = [:], count: [String: Int] = [:], tanween: [String: Int] = [:]
        var head: [String: Int] = [:], office: [String: Int] = [:]
        for (l, n, v, c, t, h, o) in perText {
            lexicon.merge(l)
            tanween.merge(t, uniquingKeysWith: +)
            noun.merge(n, uniquingKeysWith: +)
            verb.merge(v, uniquingKeysWith: +)
            count.merge(c, uniquingKeysWith: +)
            head.merge(h, uniquingKeysWith: +)
            office.merge(o, uniquingKeysWith: +)
        }
        self.lexicon = lexicon
        nounMarks = noun
        verbMarks = verb
        counts = count
        self.tanween = tanween
        constructHeads = head
        afterOffice = office
    }

    private func count(_ word: String) -> Int { counts[word] ?? 0 }

    func hasNounMarks(_ folded: String, base: String) -> Bool {
        (nounMarks[base] ?? 0) + (nounMarks[folded] ?? 0) + count("ال" + base) + count("ب" + base) > 0
    }

    /// Whether the archive uses a word (its base) as a verb more than as a noun.
    func isVerbLike(_ folded: String, base: String) -> Bool {
        let future = count("س" + base)
        // The imperfect's person prefixes: "يرعى" beside "ترعى", "تتكرر" beside "يتكرر".
        var pair = 0
        if let first = base.unicodeScalars.first, first == "ي" || first == "ت" {
            pair = count((first == "ي" ? "ت" : "ي") + String(base.unicodeScalars.dropFirst())) / 2
        }
        // A past verb the archive also writes in the imperfect or the plural: "شارك" beside "يشارك", "شاركوا".
        let conjugated = base.hasPrefix("ال") || count("ي" + base) == 0 ? 0 : count(base + "وا") + count(base + "ت")
        let verb = (verbMarks[base] ?? 0) + (verbMarks[folded] ?? 0) + future + pair + conjugated
        let noun = (nounMarks[base] ?? 0) + (nounMarks[folded] ?? 0) + count("ال" + base) + count("ب" + base) + count("بال" + base)
        if Self.hasVerbShape(base) && noun == 0 { return true }
        guard verb > 0 else { return false }
        return verb * 2 >= noun
    }

    /// A verb in the past: the archive also writes its imperfect ("شملت" beside "يشمل", "استهدف" beside
    /// "يستهدف", "امتدت" beside "يمتد", "سافروا" beside "يسافر"). Only for words without the article.
    func isPastVerb(_ base: String) -> Bool {
        guard !base.hasPrefix("ال") else { return false }
        var stems = [base]
        if base.hasSuffix("ت") { stems.append(String(base.dropLast())) }
        if base.hasSuffix("وا") { stems.append(String(base.dropLast(2))) }
        for stem in stems where stem.unicodeScalars.count >= 2 {
            if count("ي" + stem) > 0 { return true }
            if stem.hasPrefix("ا"), stem.unicodeScalars.count >= 3, count("ي" + stem.dropFirst()) > 0 { return true }
        }
        return false
    }

    /// A dual of a common noun ("فترتين" of "فترة", "البلدين" of "البلد" beside "البلدان"): two of
    /// something, never a name ("بوتين", "البحرين" have no such singular and plural beside them).
    func isDual(_ folded: String, base: String) -> Bool {
        let scalars = base.unicodeScalars
        if base.hasSuffix("تين"), scalars.count >= 5 {
            let stem = String(base.dropLast(3))
            return count(stem + "ه") + count("ال" + stem + "ه") > 0
        }
        if folded.hasPrefix("ال"), base.hasSuffix("ين"), scalars.count >= 5 {
            let stem = String(base.dropLast(2))
            return count(stem + "ان") + count("ال" + stem + "ان") > 0 && count("ال" + stem) > 0
        }
        return false
    }

    /// A common noun the archive also writes with a possessive ("جمهوره", "أمواله", "مقاومتها"): names and
    /// places never take one. Counted against the definite form, so a rare "نفطها" leaves "النفط" a topic.
    func isPossessed(_ folded: String, base: String) -> Bool {
        guard folded.hasPrefix("ال"), base.unicodeScalars.count >= 3 else { return false }
        let stem = base.hasSuffix("ه") ? String(base.dropLast()) + "ت" : base
        let possessed = ["ه", "ها", "هم", "نا"].reduce(0) { $0 + count(stem + $1) }
        return possessed * 8 >= max(count(folded), 1)
    }

    /// A feminine or plural past ("شنت", "شاركوا") opens no phrase: "شنت طائرات التحالف" is a clause.
    func isConjugatedPast(_ base: String) -> Bool {
        (base.hasSuffix("ت") || base.hasSuffix("وا")) && isPastVerb(base)
    }

    /// The shapes of a verb that no noun of news prose takes without ever following a preposition or
    /// the article: the imperfect's prefixes (يطالب، تتجه), its plural (يشاركون), the past plural (تناولوا).
    /// A verbal noun alone (توزيع، تركيب، إنشاء، استغلال) names an action, not a topic: the shapes
    /// تفعيل, إفعال, افتعال, انفعال and استفعال.
    static func hasVerbalNounShape(_ base: String) -> Bool {
        let s = Array(base.unicodeScalars)
        if s.count == 5 && s[0] == "ت" && s[3] == "ي" { return true }
        if s.count == 5 && s[0] == "ا" && s[3] == "ا" { return true }
        if s.count == 7 && base.hasPrefix("است") && s[5] == "ا" { return true }
        // افتعال and انفعال: ارتفاع، ارتكاب، انخفاض.
        if s.count == 6 && s[0] == "ا" && (s[2] == "ت" || s[1] == "ن") && s[4] == "ا" { return true }
        return false
    }

    static func hasVerbShape(_ base: String) -> Bool {
        let scalars = Array(base.unicodeScalars)
        guard scalars.count >= 4, let first = scalars.first else { return false }
        if base.hasSuffix("وا") { return true }
        return first == "ي" || first == "ت" || first == "ن"
    }

    func isStopWord(_ folded: String, base: String) -> Bool {
        // A number is never a topic, nor part of one ("تعيين 125 قاضيا", "1436ه").
        if folded.unicodeScalars.count < 2 || folded.unicodeScalars.contains(where: { $0.properties.numericType != nil }) { return true }
        if folded.unicodeScalars.allSatisfy({ $0.isASCII }) && Self.webWords.contains(folded) { return true }
        // "بالمئة" is "المئة" and "وإذا" is "إذا": a clitic does not make a word a topic.
        var forms = [folded, base, "ال" + base]
        if let first = folded.unicodeScalars.first, "وفبلك".unicodeScalars.contains(first) { forms.append(String(folded.unicodeScalars.dropFirst())) }
        return forms.contains { ArabicText.isFunctionWord($0) || Self.generic.contains($0) }
    }

    /// Written with tanween fath somewhere in the archive (يومياً، قديماً): an adverb or an accusative,
    /// not a name.
    func isAccusative(_ folded: String) -> Bool {
        (tanween[folded] ?? 0) > 0
    }

    /// Inside a phrase, a word carries no conjunction or preposition: "الإيرادات المباشرة لشركات" and
    /// "مقارنة بالعام" are two phrases cut in the middle, not one.
    func isBare(_ folded: String, base: String) -> Bool {
        folded == base || folded == "ال" + base
    }

    /// "امريكي" from "امريكا", "عراقي" from "العراق": an adjective of a place or people the archive names,
    /// which "الرئيس الأمريكي" does not make a name the way "الرئيس السيسي" is one.
    func isOriginAdjective(_ base: String) -> Bool {
        let stem = base.hasSuffix("يه") ? String(base.dropLast(2)) : String(base.dropLast())
        guard stem.unicodeScalars.count >= 2 else { return false }
        return count(stem) + count("ال" + stem) + count(stem + "ا") + count(stem + "ه") > 0
    }

    /// A bare word the archive mostly writes before a definite one ("كأس العالم", "رئيس مركز السلمية"):
    /// half of a construct, which neither stands alone nor ends a tag.
    func isConstructHead(_ folded: String) -> Bool {
        !folded.hasPrefix("ال") && (constructHeads[folded] ?? 0) * 2 >= max(count(folded), 1)
    }

    /// Whether a phrase of two or more words names a topic. It must be definite somewhere ("الأمن
    /// الغذائي", "وزارة الإسكان") or hold a name ("مطار حائل", "مشعل بن ماجد"): an indefinite description
    /// ("تصريح صحافي", "درجة مئوية", "إفطار صائم") names nothing. And a bare first word is neither an action
    /// ("توقيع عقد", "تقديم الهدايا": the verbal nouns تفعيل، إفعال، استفعال) nor a light noun that only
    /// counts, sorts or cuts what follows ("عمليات البيع", "مقطع الفيديو", "سير العمل").
    func namesSomething(_ folded: ArraySlice<String>, bases: ArraySlice<String>) -> Bool {
        guard let head = folded.first, let headBase = bases.first else { return false }
        // "مدينة تعز", "محافظة عدن": the place is the tag, and its kind adds nothing.
        if Self.placeKinds.contains(head), folded.count > 1, Gazetteer.place(folded[folded.startIndex + 1]) != nil { return false }
        if !head.hasPrefix("ال") {
            if Self.hasVerbalNounShape(headBase) || Self.lightHeads.contains(head) || Self.lightHeads.contains(headBase) { return false }
            // A plural in the construct state ("منسوبي الأمانة", "مديري التعليم") names a group of people.
            if headBase.hasSuffix("ي"), count(headBase + "ن") > 0 { return false }
        }
        // "الخارجية المصري", "الطاقة الإماراتي": a masculine adjective after a feminine noun belongs to the
        // office before them ("وزير الخارجية المصري"), so the pair is a piece of a longer phrase.
        for (noun, adjective) in zip(folded, folded.dropFirst())
        where noun.hasPrefix("ال") && noun.hasSuffix("ه") && adjective.hasPrefix("ال") && adjective.hasSuffix("ي") && adjective.unicodeScalars.count >= 5 {
            return false
        }
        // "البلدين الشقيقين": two of something, never a name.
        if zip(folded, bases).contains(where: { isDual($0, base: $1) }) { return false }
        if folded.contains(where: { $0.hasPrefix("ال") }) { return true }
        if folded.contains(where: { Self.nameParticles.contains($0) }) { return true }
        return zip(folded, bases).dropFirst().contains { word, base in isNameLike(word, base: base) }
    }

    /// An office opens no tag: "ولي العهد" or "رئيس مركز" names whoever holds it, and the holder's name
    /// is the tag.
    func canStart(_ folded: String, base: String) -> Bool {
        !OfficeTitle.contains(folded: folded) && !OfficeTitle.contains(folded: base) && !isStopWord(folded, base: base) && !Self.nameParticles.contains(folded) && !Self.nameParticles.contains(base) && !Self.honorifics.contains(base)
            && !isVerbLike(folded, base: base) && !isConjugatedPast(base) && !isFutureVerb(folded)
    }

    /// "سيبقى", "ستعقد": the future prefix on a verb the archive also writes without it.
    func isFutureVerb(_ folded: String) -> Bool {
        let scalars = Array(folded.unicodeScalars)
        guard scalars.count >= 4, scalars[0] == "س", "يتن".unicodeScalars.contains(scalars[1]) else { return false }
        return count(String(String.UnicodeScalarView(scalars.dropFirst()))) > 0
    }

    /// Inside a phrase: a name's particles (بن، آل، عبد) may stand, function words may not.
    func canContinue(_ folded: String) -> Bool {
        if folded.unicodeScalars.contains(where: { $0.properties.numericType != nil }) { return false }
        return Self.nameParticles.contains(folded) || !(ArabicText.isFunctionWord(folded) || Self.generic.contains(folded) || folded.unicodeScalars.count < 2)
    }

    /// A word that ends in an attached pronoun ("حياتها", "عقله", "أبناؤهم"): about someone the article
    /// names elsewhere, never a tag's last word. Told by the archive holding the word without it.
    func hasPronoun(_ written: String, folded: String) -> Bool {
        let scalars = Array(folded.unicodeScalars)
        for suffix in ["هما", "هم", "هن", "ها", "كم", "نا", "ك"] where scalars.count - suffix.unicodeScalars.count >= 2 {
            guard folded.hasSuffix(suffix) else { continue }
            let stem = Array(scalars.dropLast(suffix.unicodeScalars.count))
            if lexicon.count(stem) > 0 || (stem.last == "ت" && lexicon.count(stem.dropLast() + ["ه"]) > 0) { return true }
            // A plural that lost its ن to the pronoun: "مستفيديها" of "مستفيدين".
            if stem.last == "ي" && lexicon.count(stem + ["ن"]) > 0 { return true }
        }
        // A final ه, not ة: the writer's letter tells the pronoun from teh marbuta, which folding merged.
        if written.unicodeScalars.last == "\u{0647}", scalars.count >= 3 {
            let stem = Array(scalars.dropLast())
            if lexicon.count(stem) > 0 || (stem.last == "ت" && lexicon.count(stem.dropLast() + ["ه"]) > 0) { return true }
        }
        return false
    }

    /// A phrase never ends on a name's particle ("سلمان بن") or a function word.
    func canEnd(_ folded: String, base: String) -> Bool {
        !Self.nameParticles.contains(folded) && !Self.nameParticles.contains(base) && !isStopWord(folded, base: base)
    }

    /// A place of the gazetteer that the archive does not also use as a common noun: "صور" is Tyre and
    /// pictures (الصور), "الحريق" Al-Hariq and a fire (في حريق), "العين" Al Ain and an eye. A place's name
    /// keeps or lacks the article whatever the sentence; a noun takes it and drops it. The bare form of a
    /// definite name counts only after a preposition: "خرج" beside "الخرج" is a verb, "خليل" beside
    /// "الخليل" a first name (and a clitic is not asked: "برس" is no "ب" + "رس"). Names ending in ة or ي
    /// are left alone, since an adjective shares their letters (سورية, السورية).
    func isPlace(_ folded: String) -> Bool {
        guard Gazetteer.place(folded) != nil else { return false }
        if folded.contains(" ") || folded.hasSuffix("ه") || folded.hasSuffix("ي") { return true }
        let noun: Int
        if folded.hasPrefix("ال") {
            let bare = String(folded.dropFirst(2))
            noun = bare.unicodeScalars.count >= 3 ? nounMarks[bare] ?? 0 : 0
        } else {
            noun = count("ال" + folded)
        }
        return noun * 4 < max(count(folded), 1)
    }

    /// A word that can be a tag on its own: a name (used almost only with the article, as الرياض, or
    /// almost never, as لبنان) rather than a common noun used both ways (المنطقة, منطقة).
    func isNameLike(_ folded: String, base: String) -> Bool {
        guard base.unicodeScalars.count >= 3, !isAccusative(folded), !isAccusative(base) else { return false }
        // An adjective of origin alone (الإسباني، القطرية، الزهراني) qualifies or completes a name the
        // article writes in full; and "للأوقية" is a clitic the archive gave no evidence to strip.
        // Unless an office is written before it: "الرئيس السيسي" is a man's name.
        if folded.hasPrefix("ال") && (base.hasSuffix("ي") || base.hasSuffix("يه")) && ((afterOffice[folded] ?? 0) < 2 || isOriginAdjective(base)) { return false }
        if folded.hasPrefix("لل") { return false }
        if Self.hasVerbalNounShape(base) { return false }
        // A class of people alone (العاملين، الراغبين، المسلمين) is no topic; peoples and parties
        // (الحوثيين، الفلسطينيين) are.
        if folded.hasPrefix("ال") && base.unicodeScalars.count >= 6 && (base.hasSuffix("ين") || base.hasSuffix("ون")) && !base.hasSuffix("يين") { return false }
        // A plural in the construct state (منسوبي، بائعي) is half of a phrase.
        if base.hasSuffix("ي") && count(base + "ن") > 0 { return false }
        if isPlace(folded) { return true }
        if isConstructHead(folded) || isPastVerb(base) || isDual(folded, base: base) || isPossessed(folded, base: base) { return false }
        // A feminine noun the archive also writes in the plural (محاولة, محاولات) is a common noun.
        if base.hasSuffix("ه"), count(String(base.dropLast()) + "ات") + count("ال" + String(base.dropLast()) + "ات") > 0 { return false }
        let definite = count("ال" + base), bare = count(base)
        let all = definite + bare
        guard all >= 2 else { return false }
        let share = Double(definite) / Double(all)
        return share >= 0.9 || share <= 0.1
    }

    /// The written word without the conjunction or preposition the archive shows it carries, keeping the
    /// article: "للهلال" → "الهلال", "وبمحاسبة" → "محاسبة". Nil when the letters cannot be matched.
    func withoutClitics(_ written: String, folded: String, base: String) -> String? {
        let foldedCount = folded.unicodeScalars.count, baseCount = base.unicodeScalars.count
        guard foldedCount > baseCount else { return written }
        var drop = foldedCount - baseCount
        let prefix = String(folded.unicodeScalars.prefix(drop))
        let hadArticle = prefix.hasSuffix("ال") || prefix.hasSuffix("لل")
        var scalars = Array(written.unicodeScalars)
        // Letters, not marks: harakat in the written word are not in the folded one.
        var index = 0
        while drop > 0, index < scalars.count {
            if !ArabicText.isMark(scalars[index]) && scalars[index].value != 0x0640 { drop -= 1 }
            index += 1
        }
        while index < scalars.count, ArabicText.isMark(scalars[index]) { index += 1 }
        scalars.removeFirst(index)
        guard !scalars.isEmpty else { return nil }
        return (hadArticle ? "ال" : "") + String(String.UnicodeScalarView(scalars))
    }

    static let prepositions: Set<String> = Set(["في", "من", "الى", "الي", "علي", "عن", "مع", "بين", "حول", "ضد", "لدي", "عبر", "نحو", "داخل", "خارج", "امام", "بعد", "قبل", "منذ", "عند", "وفي", "ومن", "والي", "وعلي"].map(ArabicText.fold))
    /// Particles only a verb follows ("أن" is left out: "أنّ" is followed by nouns as often).
    static let verbParticles: Set<String> = Set(["قد", "لقد", "وقد", "فقد", "لم", "ولم", "لن", "ولن", "سوف", "كي", "لكي", "لا", "ولا"].map(ArabicText.fold))
    static let nameParticles: Set<String> = Set(["بن", "ابن", "بنت", "ال", "آل", "عبد", "ابو", "أبو", "ابي", "أبي", "ام", "أم", "ذو", "ذي"].map(ArabicText.fold))
    /// Titles of address that open a name without being part of the topic ("سمو ولي العهد").
    static let honorifics: Set<String> = Set(["سمو", "معالي", "فضيله", "سعاده", "صاحب", "فخامة", "المهندس", "مهندس", "الدكتور", "دكتور", "الأستاذ", "أستاذ", "اللواء", "العميد", "العقيد", "الفريق"].map(ArabicText.fold))
    static let placeKinds: Set<String> = Set("مدينة محافظة منطقة بلدة قرية ولاية عاصمة إمارة مركز حي".split(separator: " ").map { ArabicText.fold(String($0)) })

    /// Nouns that count, sort, cut or stage whatever follows them (partitives and "light" nouns):
    /// "عمليات البيع" is selling, "فعاليات مهرجان" a festival, "مقطع الفيديو" a video. Written for Warraq from
    /// the phrases a blind reading of SaudiNewsNet tags rejected.
    static let lightHeads: Set<String> = Set("""
        عملية عمليات فعالية فعاليات عنصر عناصر مقطع مقاطع سير درجة درجات تصريح تصريحات أعمال نشاط أنشطة مجال مجالات \
        نوع أنواع شكل أشكال كمية كميات حجم معدل معدلات نسبة جانب جوانب بعض كل فرق قائمة سلسلة عدد \
        إجراءات إجراء خطوة خطوات طريقة طرق آلية آليات مراحل مرحلة جولة جولات حزمة باقة أبرز أهم معظم أغلب \
        مستجدات جهود إتاحة عدم
        """.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\\" }).map { ArabicText.fold(String($0)) })
    static let webWords: Set<String> = ["http", "https", "www", "com", "org", "net", "gov", "edu", "html", "php", "amp", "nbsp"]

    /// Words that are never a topic on their own in news prose: reporting verbs, stock phrases' words,
    /// vague nouns and adverbs. Written for Warraq from the junk that automatic tags showed on a
    /// SaudiNewsNet import.
    static let generic: Set<String> = Set("""
        قال قالت أضاف أضافت أكد أكدت أوضح أوضحت أشار أشارت أعلن أعلنت ذكر ذكرت كشف كشفت أفاد أفادت لفت لفتت \
        تابع تابعت شدد شددت نفى نفت دعا دعت طالب طالبت أعرب أعربت اعتبر اعتبرت رأى وصف وصفت بين بينت يأتي تأتي \
        يسعى تسعى يملك تملك تتجه يتجه يستنكر تستنكر يعزي تعزي يمكن يجب ينبغي يتم تتم يكون تكون يوجد توجد \
        الجدير بالذكر جدير بالذكر يذكر ويذكر يشار صعيد جهة أخرى آخر آخرين أخرى الآخر الأخرى نفسه نفسها ذاته \
        شيء شيئا شيئاً أشياء فكل طالما بينما حينما عندما كلما ربما إنما مما بما فيما كما لما أيضا أيضاً فقط \
        جدا جداً كثيرا كثيراً قليلا دائما دائماً أبدا حاليا حالياً مؤخرا مؤخراً سابقا سابقاً لاحقا لاحقاً تقريبا \
        اليوم أمس غدا غداً الأمس الغد العام عام الماضي المقبل القادم الحالي الجاري الأسبوع أسبوع الشهر شهر السنة سنة \
        يوم أيام ساعة ساعات دقيقة دقائق الساعة الوقت وقت مرة مرات المرة بعض البعض جميع الجميع كافة عدد العديد \
        عدة كثير الكثير أكثر أقل أول الأول الأولى ثاني الثاني الثانية أخير الأخير الأخيرة خلال إطار الإطار \
        المنطقة الحادث الجيران الأمر أمر الأمور الموضوع القضية الشأن الجانب جانب الطرف الأطراف الحالة حالة \
        الناس الشخص شخص أشخاص الفترة فترة المرحلة مرحلة الوضع وضع مستوى المستوى نحو بشكل شكل طريق طريقة \
        الصحيفة صحيفة المصدر مصدر مصادر المصادر وكالة الأنباء نقلا نقلاً حسب وفق وفقا وفقاً بحسب الخبر خبر \
        المواطنين المواطن مواطن الجهات الجهة الدولة دولة البلاد بلد الشعب العالم السلطات المسؤولين المسؤول \
        ماذا لماذا إذا اذا أنحاء انحاء بمثابة نفس نفسك أنفسهم أنفسنا مرتين مرة حدة مقتل يوما قديما حديثا \
        رحمه الله حفظه تعالى سبحانه عليه السلام الحمد صلى وسلم إن شاء \
        يناير فبراير مارس أبريل إبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان \
        أيار حزيران تموز آب أيلول تشرين محرم صفر جمادى شعبان شوال القعدة هجري هجرية ميلادي ميلادية \
        متر كيلومتر نشر المشاهدين المتابعين الحضور بلاده بلادها أغلب معظم علاوة لعل غالبية توزيع أصحاب البضائع المختصين المشاركين المسؤولين المعنيين المهتمين جديد جديدة جدد عنيف عنيفة عنيفه كبير كبيرة \
        صغير صغيرة مختلف مختلفة متعددة عديدة السعيدة السعيد كيفية مدى إمكانية أهمية ضرورة \
        مليون ملايين مليار ألف آلاف مئات عشرات ريال ريالا دولار دولارا نسبة المائة بالمائة المئة \
        الأكثر الأقل الأفضل الأكبر الأصغر الأعلى الأدنى الأسوأ الأحسن الأهم الأبرز الأقرب الأبعد الأسرع \
        الطبع بالطبع المعلن المعلنة أهالي الأهالي احتفالات حوالي قرابة معين معينة مقدار قرب بغض النظر الراحل \
        شمال جنوب شرق غرب شرقي غربي شمالي جنوبي الخبراء الأم \
        بات ظل أصبح صار أمسى أضحى لقي أدى جراء مجرد يلي مطلع بيد وبالتالي الموافق المتوقع المقرر طول مدار إثر \
        القبض العثور الجلوس التعامل وفاة نقطة الربع المعروض ناد أني إني المقبلة المقبل الماضية \
        لكي كي لكن قياس عنوان أغراض لأغراض قلة لابد مليارات المرء الشر الاستفادة فاز التابعة الممنوحة التهاني التبريكات تويتر فيسبوك يوتيوب انستغرام انستقرام سناب واتساب \
        واحد واحدة اثنان اثنين اثنتين ثلاث ثلاثة أربع أربعة خمس خمسة ست ستة سبع سبعة ثمان ثماني ثمانية تسع تسعة \
        عشر عشرة عشرون عشرين ثلاثين أربعين خمسين ستين سبعين ثمانين تسعين مائة مئة سنوات سنتين عامين أعوام أسابيع أشهر شهور
        """
        .split(whereSeparator: { $0 == " " || $0 == "\n" })
        .map { ArabicText.fold(String($0)) })
}
