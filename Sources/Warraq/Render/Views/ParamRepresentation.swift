import Mustache

/// A front matter value as templates see it: text, numbers, flags and dates print as they did when
/// params were Foundation values; a list is a section to loop over, a map has keys to look up, and null
/// is nothing.
extension Param: MustacheCustomRepresentation {
    public var representation: Any? {
        switch self {
        case .text(let text): return text
        case .integer(let number): return number
        case .number(let number): return number
        case .flag(let flag): return flag
        case .date(let date): return date
        case .null: return nil
        case .list(let items): return items
        case .map(let entries): return entries
        }
    }
}
