import Foundation
import Mustache

/// What a template reads: a page's typed view turned into plain values once (`TemplateEncoder`), so a
/// template's hundred lookups are dictionary lookups, not reflection. Reflecting the views' properties
/// (swift-mustache's default for structs) made rendering six times slower on a SaudiNewsNet day. A key
/// left out (an optional that was nil) is looked up in the enclosing values, as Mustache does.
public enum TemplateValue: Sendable, Hashable {
    case text(String)
    case flag(Bool)
    case integer(Int)
    case number(Double)
    case date(Date)
    case null
    case list([TemplateValue])
    case map([String: TemplateValue])
}

/// A value with its own template form (a front matter value shows as the text, number or list it is).
public protocol TemplateRepresentable {
    var templateValue: TemplateValue { get }
}

extension TemplateValue: MustacheCustomRepresentation {
    public var representation: Any? {
        switch self {
        case .text(let text): return text
        case .flag(let flag): return flag
        case .integer(let number): return number
        case .number(let number): return number
        case .date(let date): return date
        case .null: return nil
        case .list(let items): return items
        case .map(let entries): return entries
        }
    }
}
