/// Addresses of the site's pages, under the base URL's path, so a site published at
/// `https://example.org/archive/` links to `/archive/...` everywhere.
public struct SiteLinks: Sendable {
    public let base: BaseURL

    public init(base: BaseURL) {
        self.base = base
    }

    /// A root-relative link to a planned file or folder page.
    public func link(_ path: OutputPath) -> String { base.link(path.link) }
    public func absolute(_ path: OutputPath) -> String { base.absoluteLink(path.link) }

    /// A link to a folder given by its components (`[]` is the home page).
    public func folder(_ components: [String]) -> String {
        base.link(components.isEmpty ? "" : components.map(OutputPath.encode).joined(separator: "/") + "/")
    }

    public func absoluteFolder(_ components: [String]) -> String {
        base.origin + folder(components)
    }

    public func file(_ components: [String]) -> String {
        base.link(components.map(OutputPath.encode).joined(separator: "/"))
    }

    public func absoluteFile(_ components: [String]) -> String {
        base.origin + file(components)
    }
}
