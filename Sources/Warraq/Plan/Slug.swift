/// URL slugs that Arabic readers can read: Arabic letters are kept (never transliterated or dropped),
/// white space becomes `-`, and anything that could change a path's meaning is removed.
public enum Slug {
    /// The slug of a displayed name or title; empty when nothing usable is left.
    public static func make(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in ArabicText.clean(text).unicodeScalars {
            let isWordCharacter = (scalar.properties.isAlphabetic && !ArabicText.isMark(scalar))
                || (scalar.properties.numericType == .decimal)
            if isWordCharacter {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(ArabicText.foldedLetterCase(scalar))
            } else if scalar == "_" && !out.isEmpty {
                out.append("_")
            } else if scalar.properties.isWhitespace || scalar == "-" || scalar == "/" || scalar == "." {
                pendingDash = true
            }
            // Everything else (punctuation, symbols, controls, harakat) is dropped.
        }
        return shortened(String(out))
    }

    /// File systems take 255 bytes a name, and an Arabic letter is two: long headlines are cut at a dash.
    public static let maximumLength = 80

    static func shortened(_ slug: String) -> String {
        guard slug.count > maximumLength else { return slug }
        let cut = slug.prefix(maximumLength)
        guard let dash = cut.lastIndex(of: "-"), cut.distance(from: cut.startIndex, to: dash) > maximumLength / 2 else { return String(cut) }
        return String(cut[..<dash])
    }

    /// A slug that is never empty: `prefix-` and a stable hash of the identity key when cleaning left nothing.
    public static func make(_ text: String, key: String, fallbackPrefix: String) -> String {
        let slug = make(text)
        return slug.isEmpty ? "\(fallbackPrefix)-\(StableHash(key.utf8).hex.prefix(8))" : slug
    }

    /// Gives every key its own slug: keys are taken in sorted order and a later key whose slug is taken
    /// gets `-2`, `-3`..., so the result does not depend on the order keys were met in.
    public static func unique(_ proposed: [(key: String, slug: String)], reserved: Set<String> = []) -> [String: String] {
        let sorted = proposed.sorted(by: { $0.key < $1.key })
        return Dictionary(zip(sorted.map(\.key), unique(inOrder: sorted.map(\.slug), reserved: reserved)), uniquingKeysWith: { _, last in last })
    }

    /// The same for slugs already in their keys' order: each slug as given, or numbered when taken.
    public static func unique(inOrder slugs: [String], reserved: Set<String> = []) -> [String] {
        var taken = reserved
        var result: [String] = []
        result.reserveCapacity(slugs.count)
        // Where the search for each slug's next free number resumes: the numbers before it stay taken, and
        // a thousand keys with one slug cost a thousand tries, not half a million.
        var nextNumber: [String: Int] = [:]
        for slug in slugs {
            var candidate = slug
            var counter = nextNumber[slug] ?? 2
            while taken.contains(candidate) {
                candidate = "\(slug)-\(counter)"
                counter += 1
            }
            nextNumber[slug] = counter
            taken.insert(candidate)
            result.append(candidate)
        }
        return result
    }
}
