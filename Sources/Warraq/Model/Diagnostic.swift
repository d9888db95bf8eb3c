/// Something a build has to tell the editor about one file: printed as `path:line: severity: message`, the
/// way compilers do, so editors and terminals can jump to it.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case warning, error }

    public let severity: Severity
    public let path: String
    public let line: Int?
    public let message: String

    public init(_ severity: Severity, path: String, line: Int? = nil, _ message: String) {
        self.severity = severity
        self.path = path
        self.line = line
        self.message = message
    }

    public static func warning(_ path: String, line: Int? = nil, _ message: String) -> Diagnostic {
        Diagnostic(.warning, path: path, line: line, message)
    }

    public var description: String {
        let place = line.map { "\(path):\($0)" } ?? path
        return "\(place): \(severity.rawValue): \(message)"
    }
}
