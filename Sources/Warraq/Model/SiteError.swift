/// A failure of the whole site (configuration, templates, output folder). Nothing is written when one
/// happens, so the previous output stays whole.
public enum SiteError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidConfig(path: String, line: Int?, reason: String)
    case invalidTemplate(path: String, line: Int?, reason: String)
    case archiveNotFound(path: String)
    case unsafeOutputPath(String)
    case output(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidConfig(let path, let line, let reason), .invalidTemplate(let path, let line, let reason):
            return Diagnostic(.error, path: path, line: line, reason).description
        case .archiveNotFound(let path):
            return "\(path): error: no such archive folder"
        case .unsafeOutputPath(let path):
            return "error: refusing to write outside the output folder: \(path)"
        case .output(let path, let reason):
            return "\(path): error: \(reason)"
        }
    }
}
