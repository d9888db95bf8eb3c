import Templates

/// A front matter value as templates see it: text, numbers, flags and dates print as they did when
/// params were Foundation values; a list is a section to loop over, a map has keys to look up, and null
/// is nothing.
extension Param: TemplateRepresentable {
    public var templateValue: TemplateValue {
        switch self {
        case .text(let text): return .text(text)
        case .integer(let number): return .integer(number)
        case .number(let number): return .number(number)
        case .flag(let flag): return .flag(flag)
        case .date(let date): return .date(date)
        case .null: return .null
        case .list(let items): return .list(items.map(\.templateValue))
        case .map(let entries): return .map(entries.mapValues(\.templateValue))
        }
    }
}
