/// Everything read from an archive folder: the articles that could be read, and what went wrong with the
/// others, file by file.
public struct Archive: Sendable {
    public var articles: [Article]
    public var diagnostics: [Diagnostic]
}
