import Foundation

/// Images an article shows from the site itself (`![خريطة](/images/map.png)`, or a path relative to the
/// article's page) must be among the files `static/` copies, or the published page shows them broken.
/// Images from other hosts (`https://`, `//`, `data:`) are not the site's to check.
struct ImageCheck {
    /// The files of `static/`, as they are published (relative to the site's root).
    let staticFiles: Set<String>
    /// The site's base path (`/` or `/archive/`): an absolute image path may carry it.
    let basePath: String

    func diagnostics(_ articles: [Article], paths: [OutputPath]) -> [Diagnostic] {
        Parallel.map(Array(articles.indices), minimumChunk: 256) { index -> [Diagnostic] in
            let article = articles[index]
            let sources = article.body.imageSources
            guard !sources.isEmpty else { return [] }
            let folder = paths[index].components.dropLast()
            return sources.compactMap { source in
                guard let file = resolve(source, from: Array(folder)), !staticFiles.contains(file) else { return nil }
                return .warning(article.file, line: article.line, "image '\(source)' is not in static/ (looked for static/\(file)): the page shows it broken")
            }
        }.flatMap { $0 }
    }

    /// The site-relative file an image source names, or nil when it is elsewhere (or no file at all).
    func resolve(_ source: String, from folder: [String]) -> String? {
        let path = source.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first
            .flatMap { $0.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first }.map(String.init) ?? ""
        guard !path.isEmpty, !path.hasPrefix("//"), !(path.firstIndex(of: ":").map { colon in !path[..<colon].contains("/") } ?? false) else { return nil }
        let decoded = path.removingPercentEncoding ?? path
        var parts: [String]
        if decoded.hasPrefix("/") {
            let withinSite = decoded.hasPrefix(basePath) ? String(decoded.dropFirst(basePath.count)) : String(decoded.dropFirst())
            parts = []
            for part in withinSite.split(separator: "/") { Self.step(String(part), &parts) }
        } else {
            parts = folder
            for part in decoded.split(separator: "/") { Self.step(String(part), &parts) }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }

    private static func step(_ part: String, _ parts: inout [String]) {
        switch part {
        case ".": break
        case "..": if !parts.isEmpty { parts.removeLast() }
        default: parts.append(part)
        }
    }
}
