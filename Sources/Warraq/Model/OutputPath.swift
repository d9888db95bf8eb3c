import Foundation

/// A place in the output folder, built from checked components: no component can be empty, `.` or `..`,
/// hold a slash, backslash or NUL, or start with a dot, so no slug or tag can write outside the output.
public struct OutputPath: Sendable, Hashable, Comparable {
    public let components: [String]

    public init(_ components: [String]) throws(SiteError) {
        for component in components where !Self.isSafeComponent(component) {
            throw .unsafeOutputPath(components.joined(separator: "/"))
        }
        self.components = components
    }

    /// The empty file that tells GitHub Pages not to run Jekyll: the one dotfile Warraq writes.
    public static let noJekyll = OutputPath(unchecked: [".nojekyll"])

    private init(unchecked components: [String]) {
        self.components = components
    }

    /// A folder page: `2023/09/slug/` is written as `2023/09/slug/index.html`.
    public static func folder(_ components: [String]) throws(SiteError) -> OutputPath {
        try OutputPath(components + ["index.html"])
    }

    public static func isSafeComponent(_ component: String) -> Bool {
        !component.isEmpty && !component.hasPrefix(".") && component.utf8.count <= 255
            && !component.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0 == "\0" || $0.properties.generalCategory == .control }
    }

    /// A folder page's folder, or the file, as a reader types it (not percent-encoded): `2023/09/slug/`.
    public var shown: String {
        components.last == "index.html" ? components.dropLast().map { $0 + "/" }.joined() : file
    }

    /// The file inside the output folder: `2023/09/slug/index.html`.
    public var file: String { components.joined(separator: "/") }

    /// The link to it, relative to the site's base path and percent-encoded: `2023/09/%D8%A7.../`.
    /// Folder pages link to their folder, as static hosts serve `index.html` there.
    public var link: String {
        var parts = components
        if parts.last == "index.html" { parts[parts.count - 1] = "" }
        return parts.map(Self.encode).joined(separator: "/")
    }

    static let pathCharacters: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        set.insert(charactersIn: "-._~")
        return set
    }()

    static func encode(_ component: String) -> String {
        component.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? component
    }

    public static func < (lhs: OutputPath, rhs: OutputPath) -> Bool { lhs.file < rhs.file }
}
