import Foundation

/// All of Warraq's Unicode handling for Arabic text, in one tested place.
///
/// Two strings that a reader takes for the same word must get the same identity key, the way search
/// engines fold them (Lucene's ArabicNormalizer and PersianNormalizer are the reference), while what is
/// shown keeps the writer's spelling: hamza and harakat stay, only invisible characters go.
public enum ArabicText {

    /// The identity key of a tag, title or word: NFKC, no tatweel, harakat, Quranic marks or invisible
    /// controls; alef forms, yeh/alef maqsura, teh marbuta, Persian yeh/keheh/heh folded; the hamza seats
    /// ؤ and ئ that newsrooms mix (مسئول, مسؤول) as ء; Arabic-Indic and Persian digits as ASCII; Latin
    /// lowercased; runs of white space as one space.
    public static func fold(_ text: String) -> String {
        normalised(text, folding: true)
    }

    /// The writer's spelling made safe to show and compare: presentation forms composed, invisible
    /// controls and tatweel removed, white space collapsed; hamza and harakat kept as written.
    public static func clean(_ text: String) -> String {
        normalised(text, folding: false)
    }

    /// The writer's words, split on anything that is not a letter or a digit (for showing a matched phrase).
    public static func writtenWords(_ text: String) -> [String] {
        words(text, folding: false)
    }

    private static func normalised(_ text: String, folding: Bool) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in compatibilityComposedIfNeeded(text).unicodeScalars {
            if isWhitespace(scalar) {
                pendingSpace = !out.isEmpty
                continue
            }
            if isInvisible(scalar) || scalar.value == 0x0640 || (folding && isMark(scalar)) { continue }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(folding ? foldedLetter(scalar) : scalar)
        }
        return String(out)
    }

    private static func words(_ text: String, folding: Bool) -> [String] {
        var words: [String] = []
        forEachWord(text, folding: folding) { words.append(String(String.UnicodeScalarView($0))) }
        return words
    }

    /// The folded words of a text as scalars, for code that counts words by the million (read-also's
    /// terms): no String is made per word, and scalar arrays hash without Unicode normalisation.
    static func forEachFoldedWord(_ text: String, _ body: ([Unicode.Scalar]) -> Void) {
        forEachWord(text, folding: true, body)
    }

    private static func forEachWord(_ text: String, folding: Bool, _ body: ([Unicode.Scalar]) -> Void) {
        var current: [Unicode.Scalar] = []
        for scalar in compatibilityComposedIfNeeded(text).unicodeScalars {
            if isInvisible(scalar) || scalar.value == 0x0640 || (folding && isMark(scalar)) { continue }
            if isWordScalar(scalar) {
                current.append(folding ? foldedLetter(scalar) : scalar)
            } else if !current.isEmpty {
                body(current)
                current.removeAll(keepingCapacity: true)
            }
        }
        if !current.isEmpty { body(current) }
    }

    /// Letters, digits and marks. ASCII and the Arabic letters are answered without the Unicode
    /// property tables, which were the largest cost of reading an archive.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            let lower = value | 0x20
            return (value >= 0x30 && value <= 0x39) || (lower >= 0x61 && lower <= 0x7A)
        }
        if value >= 0x0621 && value <= 0x063A || value >= 0x0641 && value <= 0x064A { return true }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || isMark(scalar)
    }

    /// Whether a folded word is a function word (preposition, conjunction, pronoun...) that says nothing
    /// about a topic on its own.
    public static func isFunctionWord(_ folded: String) -> Bool {
        functionWords.contains(folded)
    }

    static func isFunctionWord(scalars folded: [Unicode.Scalar]) -> Bool {
        functionWordScalars.contains(folded)
    }

    /// Whether a folded word is a function word with a conjunction or preposition written onto it
    /// ("وخلال", "لكل", "بدون", "وبين"): as empty as the word alone. Not after the article: "المثل" is a
    /// proverb, not "مثل".
    static func isFunctionWordWithClitic(scalars folded: [Unicode.Scalar]) -> Bool {
        guard folded.count >= 3 else { return false }
        for length in 1...2 where folded.count - length >= 2 {
            let prefix = folded[..<length]
            guard prefix.allSatisfy(clitics.contains), length == 1 || conjunctions.contains(prefix.first!) else { continue }
            if functionWordScalars.contains(Array(folded[length...])) { return true }
        }
        return false
    }

    private static let conjunctions: Set<Unicode.Scalar> = ["و", "ف"]
    private static let clitics: Set<Unicode.Scalar> = ["و", "ف", "ب", "ل", "ك"]

    /// The spelling writers used most for one folded identity; among equals, the first in code point
    /// order, so every build agrees. A spelling in Arabic letters wins over one with Persian or Urdu
    /// letters (ی ک ے), however often those were used: an Arabic site names and addresses its tags in
    /// Arabic. `counts` is never empty.
    public static func mostUsedSpelling(_ counts: [String: Int]) -> String {
        let arabic = counts.filter { !hasPersianLetters($0.key) }
        let pool = arabic.isEmpty ? counts : arabic
        return pool.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }!.key
    }

    /// Letters that Persian and Urdu write where Arabic has ي, ك, ه.
    static func hasPersianLetters(_ text: String) -> Bool {
        text.unicodeScalars.contains { [0x06CC, 0x06A9, 0x06D2, 0x06D3, 0x06C1, 0x06D5, 0x06C0].contains($0.value) }
    }

    /// At most `limit` characters, cut at the last space before it and marked with "…" when cut.
    public static func shortened(_ text: String, limit: Int) -> String {
        // Characters are counted only as far as the limit: a lead can be a whole article, and counting
        // all of it for every card of every list was a twentieth of a rebuild.
        guard text.utf8.count > limit, let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
              end < text.endIndex else { return text }
        let cut = text[..<end]
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }

    /// Digits as the site shows them: ASCII, or Arabic-Indic (٠١٢٣٤٥٦٧٨٩).
    public static func digits(_ text: String, arabicIndic: Bool) -> String {
        guard arabicIndic else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
                out.append(Unicode.Scalar(scalar.value - 0x30 + 0x0660)!)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }


    // MARK: - Character classes

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20: return true
        case 0x21..<0x80, 0x0600...0x06FF: return false
        default: return scalar.properties.isWhitespace
        }
    }

    /// Zero-width characters, bidi controls, soft hyphen and BOM: pasted from word processors, never seen.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x061C, 0x180E, 0xFEFF: return true
        // Controls from exports (U+001A and the like) and U+FFFD: never shown, never part of a word. The
        // ones that are white space still part words.
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFD: return ControlCharacters.isRemoved(scalar) && !isWhitespace(scalar)
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Harakat, the superscript alef and Quranic annotation marks.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E8, 0x06EA...0x06ED:
            return true
        default:
            return false
        }
    }

    /// Latin lowercased, every other letter as written: slugs keep the writer's hamza.
    static func foldedLetterCase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar.properties.isUppercase else { return scalar }
        return scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }

    static func foldedLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x0622, 0x0623, 0x0625, 0x0671: return "\u{0627}"  // آ أ إ ٱ → ا
        case 0x0649, 0x06CC, 0x06D2, 0x06D3: return "\u{064A}"  // ى ی ے ۓ → ي
        case 0x0624, 0x0626: return "\u{0621}"  // ؤ ئ → ء: مسئول and مسؤول meet, رؤية and روية stay apart
        case 0x0629, 0x06C1, 0x06D5, 0x06C0: return "\u{0647}"  // ة ہ ە ۀ → ه
        case 0x06A9: return "\u{0643}"  // ک → ك
        case 0x0660...0x0669: return Unicode.Scalar(scalar.value - 0x0660 + 0x30)!
        case 0x06F0...0x06F9: return Unicode.Scalar(scalar.value - 0x06F0 + 0x30)!
        case 0x41...0x5A: return Unicode.Scalar(scalar.value + 0x20)!
        case 0x0600...0x06FF, 0x0750...0x077F: return scalar  // Arabic has no case
        case 0x80...: return scalar.properties.isUppercase ? (scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar) : scalar
        default: return scalar
        }
    }

    /// NFKC is costly, so it runs only where it changes something: Arabic presentation forms copied from
    /// PDFs, full-width forms, typographic spaces, and a hamza or madda written as a combining mark after
    /// its seat (ي + U+0654 is ئ), which would otherwise fold apart from the precomposed letter.
    static func compatibilityComposedIfNeeded(_ text: String) -> String {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFB50...0xFDFF, 0xFE70...0xFEFE, 0xFF01...0xFF5E, 0x2000...0x200A, 0x00A0, 0x0653...0x0655:
                return text.precomposedStringWithCompatibilityMapping
            default:
                continue
            }
        }
        return text
    }

    private static let functionWords: Set<String> = Set(
        """
        في من إلى الى على عن أن ان إن لا ما مع ثم أو او أم بل لكن لكن هذا هذه ذلك تلك هؤلاء التي الذي الذين اللذين \
        اللتين اللواتي كان كانت يكون تكون قد لقد لم لن ليس ليست بعد قبل حتى عند عندما منذ بين كل غير أي أيضا أيضاً \
        هو هي هم هن نحن أنا انت أنت هما كما لما إذا اذا إذ لو لولا ثمة هناك هنا حيث كيف متى أين اين لدى لدي و ف ب ل \
        ك عليه عليها عليهم فيه فيها فيهم منه منها منهم إليه إليها له لها لهم به بها بهم وفي ومن وعلى وإلى والى وعن \
        بأن وأن فإن وإن كذلك أكثر أقل مثل خلال ضمن نحو دون سوى عبر إلا الا أما إما لأن لان حول تحت فوق أمام وراء ذات \
        يتم تم التى الى ولا وما ولم ولن وقد فقد كما وكان وكانت أنه إنه أنها إنها بأنه بأنها وأنه وأنها لأنه ذلك وذلك \
        التي والتي الذي والذي هذا وهذا هذه وهذه كل وكل عليه عليها حيث وحيث أي وأي \
        بعدما قبلما فهل هل وهل أنني إنني لأنني أننا إننا لاسيما سيما ولاسيما طالما كلما حينما ريثما يا أيا بنا بك بكم بهما أحد إحدى أية اية ممن مما عما فيما بما بينها بينهم بينه بينهما بيننا لكم لنا لهما لهن أنتم انتم أنتن أيها ايها \
        لدينا لديه لديها لديهم عنده عندها عندهم معه معها معهم معنا منا منكم إليهم إلينا عليكم علينا عليهما \
        هنالك ذاك ذلكم أولئك اولئك هكذا لذا لذلك ولذلك كذا سوف بينما ريثما كلا كلتا إياه إياها إياهم
        """
        .split(whereSeparator: { $0 == " " || $0 == "\n" })
        .map { fold(String($0)) }
    )

    private static let functionWordScalars: Set<[Unicode.Scalar]> = Set(functionWords.map { Array($0.unicodeScalars) })
}
