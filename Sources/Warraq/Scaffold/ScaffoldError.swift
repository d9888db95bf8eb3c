/// Why `warraq new` wrote nothing: a folder that is not empty, a file that exists, a title without letters.
public struct ScaffoldError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public init(path: String, _ reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { Diagnostic(.error, path: path, reason).description }
}
