/// Why one article could not be read. The article is skipped and the rest of the archive still builds.
public enum ArticleError: Error, Sendable, Equatable, CustomStringConvertible {
    case notUTF8(path: String, byteOffset: Int)
    case unclosedFrontMatter(path: String, line: Int)
    case invalidFrontMatter(path: String, line: Int, reason: String)
    /// `line` is nil for a record of a JSON array, which has no line of its own.
    case invalidField(path: String, line: Int?, key: String, reason: String)
    case empty(path: String)
    case unreadable(path: String, reason: String)

    public var path: String {
        switch self {
        case .notUTF8(let path, _), .unclosedFrontMatter(let path, _), .invalidFrontMatter(let path, _, _),
             .invalidField(let path, _, _, _), .empty(let path), .unreadable(let path, _):
            return path
        }
    }

    public var line: Int? {
        switch self {
        case .notUTF8, .unreadable: return nil
        case .unclosedFrontMatter(_, let line), .invalidFrontMatter(_, let line, _):
            return line
        case .invalidField(_, let line, _, _):
            return line
        case .empty: return nil
        }
    }

    public var message: String {
        switch self {
        case .notUTF8(_, let offset): return "not valid UTF-8 (first bad byte at offset \(offset))"
        case .unclosedFrontMatter: return "front matter opened with '---' is never closed"
        case .invalidFrontMatter(_, _, let reason): return "invalid YAML front matter: \(reason)"
        case .invalidField(_, _, let key, let reason): return "'\(key)': \(reason)"
        case .empty: return "empty file: no article to publish"
        case .unreadable(_, let reason): return "cannot be read: \(reason)"
        }
    }

    public var diagnostic: Diagnostic { Diagnostic(.error, path: path, line: line, message) }
    public var description: String { diagnostic.description }
}
