import Foundation

/// A front matter value Warraq gives no meaning to, kept for the templates (`article.params.key`): the
/// YAML value as a tree of plain values, so an article stays a value type that can be compared, hashed
/// and stored.
public indirect enum Param: Sendable, Hashable, Codable {
    case text(String)
    case integer(Int)
    case number(Double)
    case flag(Bool)
    case date(Date)
    /// `~`, `null` or an empty value.
    case null
    case list([Param])
    case map([String: Param])
}
