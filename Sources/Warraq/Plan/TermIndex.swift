/// A taxonomy's index as readers walk it at archive scale: the terms grouped by their initial letter, a
/// bar of the letters on top, and, when one page of every term would pass `byteBudget`, a page per letter
/// (split again into numbered pages when one letter alone would pass it).
public struct TermIndex: Sendable {
    public struct Group: Sendable {
        /// The letter readers see on the bar (ا, ب... ; `A–Z` for Latin initials, `#` for the rest).
        public let letter: String
        /// Its folder under the index: `letter/<slug>/` when the index is split.
        public let slug: String
        /// Indexes into the taxonomy's terms, in its alphabetical order.
        public let terms: [Int]
        /// The group's own pages when the index is split (terms per page chosen by size).
        public let pagination: Pagination
    }

    public let groups: [Group]
    /// One page per letter, as the whole index would be too heavy for one page.
    public let split: Bool

    /// No index page over 300 KB: the budget leaves room for the page's own markup and the most used terms.
    public static let byteBudget = 240_000
    /// The folder letter pages live in, under the taxonomy's segment; no term may take it as its slug.
    public static let letterFolder = Permalinks.letterFolder

    public init(_ taxonomy: Taxonomy) {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        var bytes = 0
        var weights: [Int] = []
        for (index, term) in taxonomy.terms.enumerated() {
            let letter = Self.initial(term.key)
            if members[letter] == nil { order.append(letter) }
            members[letter, default: []].append(index)
            // A term's line of the index: its name, its link (slugs are percent-encoded: 3 bytes per
            // Arabic byte pair, at most) and the markup around them.
            let weight = term.name.utf8.count + 3 * term.slug.utf8.count + taxonomy.config.segment.utf8.count + 80
            weights.append(weight)
            bytes += weight
        }
        let sorted = order.sorted(by: Self.letterOrder)
        split = bytes > Self.byteBudget
        groups = sorted.enumerated().map { number, letter in
            let terms = members[letter]!
            let groupBytes = terms.reduce(0) { $0 + weights[$1] }
            let perPage = groupBytes <= Self.byteBudget ? max(1, terms.count)
                : max(1, terms.count * Self.byteBudget / groupBytes)
            return Group(letter: letter, slug: Self.slug(letter, number: number), terms: terms,
                         pagination: Pagination(itemCount: terms.count, pageSize: perPage))
        }
    }

    /// The letter a folded term key is filed under: its first letter, after the article `ال` when a word
    /// follows it (الرياض under ر, as Arabic indexes file it), Latin initials together, digits and the rest
    /// under `#`. Keys are folded already, so أ, إ and آ are ا, ى is ي and ة is ه.
    public static func initial(_ key: String) -> String {
        var scalars = Array(key.unicodeScalars)
        if scalars.count > 3, scalars[0] == "\u{0627}", scalars[1] == "\u{0644}", isArabicLetter(scalars[2]) {
            scalars.removeFirst(2)
        }
        guard let first = scalars.first else { return "#" }
        if isArabicLetter(first) { return String(Character(ArabicText.foldedLetter(first))) }
        if first.isASCII, first.properties.isAlphabetic { return "A–Z" }
        return "#"
    }

    private static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x0620...0x064A).contains(scalar.value) || (0x0671...0x06D3).contains(scalar.value)
    }

    /// Arabic letters in the order of the alphabet's Unicode block, then Latin, then the rest.
    static func letterOrder(_ a: String, _ b: String) -> Bool {
        func rank(_ letter: String) -> Int { letter == "#" ? 2 : letter == "A–Z" ? 1 : 0 }
        return rank(a) != rank(b) ? rank(a) < rank(b) : a < b
    }

    /// The letter itself as a folder (`letter/ب/`), ASCII names for the two others.
    static func slug(_ letter: String, number: Int) -> String {
        switch letter {
        case "A–Z": return "latin"
        case "#": return "other"
        default: return letter
        }
    }

    /// The folder of page `page` of a group, under the taxonomy's segment.
    public static func components(segment: String, group: Group, page: Int) -> [String] {
        Permalinks.letter(group.slug, page: page, segment: segment)
    }
}
