import Foundation

/// Headlines for articles that come without one.
public enum Headline {
    /// The lead's first clause, cut at a word boundary near `limit` characters: what a scraped page's
    /// missing title most likely was.
    public static func derived(fromLead lead: String, limit: Int = 90) -> String {
        let clauseEnds: Set<Character> = ["،", ".", "؛", "!", "؟", "?", ":", ";", "\n"]
        let clause = lead.prefix(while: { !clauseEnds.contains($0) }).trimmingCharacters(in: .whitespaces)
        return ArabicText.shortened(clause.isEmpty ? lead : clause, limit: limit)
    }
}
