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

    /// Every byte but ASCII letters, digits and `-._~` as `%XX` (RFC 3986's unreserved characters), as
    /// Foundation's `addingPercentEncoding` writes it; done on bytes because every card of every page asks
    /// for links, and Foundation's way was a sixth of a rebuild's rendering.
    static func encode(_ component: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(component.utf8.count * 3)
        for byte in component.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func < (lhs: OutputPath, rhs: OutputPath) -> Bool { lhs.file < rhs.file }
}
