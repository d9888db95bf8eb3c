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

    /// One line, whatever the names hold: a newline or other control character in a file name is shown
    /// escaped (`\n`), so one diagnostic never reads as two.
    public var description: String {
        let place = line.map { "\(Self.oneLine(path)):\($0)" } ?? Self.oneLine(path)
        return "\(place): \(severity.rawValue): \(Self.oneLine(message))"
    }

    static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        return String(text.unicodeScalars.map { scalar in
            switch scalar {
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            default: return scalar.properties.generalCategory == .control ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
            }
        }.joined())
    }
}
