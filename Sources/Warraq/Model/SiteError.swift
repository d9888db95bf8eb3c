/// A failure of the whole build, by where it happened: an input that cannot be read, the configuration,
/// the theme, or the output folder. Each names the file (and the line, where there is one) to fix. Only
/// `.output` can happen once writing has begun; before it nothing is written, so the previous output
/// stays whole.
public enum SiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file of the archive (or a JSON file to import) that cannot be read or used.
    case input(path: String, line: Int?, reason: String)
    /// `site.yml`, or a setting given on the command line.
    case config(path: String, line: Int?, reason: String)
    /// A template of the theme or of the site's `templates/` folder.
    case template(path: String, line: Int?, reason: String)
    /// The output folder, or a page whose path would leave it (`path` is then what asked for it).
    case output(path: String, line: Int?, reason: String)
    case archiveNotFound(path: String)

    /// A page path with a component that could leave the output folder.
    static func unsafeOutputPath(_ path: String) -> SiteError {
        .output(path: path, line: nil, reason: "refusing to write outside the output folder")
    }

    /// What the build was doing when it stopped, in the words the command prints.
    public var step: Step {
        switch self {
        case .input, .archiveNotFound: return .reading
        case .config: return .configuring
        case .template: return .loadingTheme
        case .output: return .writing
        }
    }

    public enum Step: Sendable {
        case reading, configuring, loadingTheme, writing
    }

    public var description: String {
        switch self {
        case .input(let path, let line, let reason), .config(let path, let line, let reason),
             .template(let path, let line, let reason), .output(let path, let line, let reason):
            return Diagnostic(.error, path: path, line: line, reason).description
        case .archiveNotFound(let path):
            return "\(path): error: no such archive folder"
        }
    }
}
