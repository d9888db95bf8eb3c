import Foundation
@testable import Warraq

/// A small archive written into a temporary folder, built into another, with helpers to read what a
/// reader would see. Each test gets its own folders.
final class ArchiveFixture {
    let root: URL
    var archive: URL { root.appendingPathComponent("archive") }
    var output: URL { root.appendingPathComponent("Public") }

    init(_ files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("warraq-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = archive.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    @discardableResult
    func build(drafts: Bool = false, baseURL: String? = nil, verify: Bool = false) throws -> BuildReport {
        try SiteBuild(BuildOptions(archive: archive, archiveDisplay: "archive", output: output, includeDrafts: drafts, baseURL: baseURL, verify: verify)).run()
    }

    func plan() throws -> SitePlan {
        try planned().plan
    }

    /// The plan with the read-also engine that chose its links, for tests that ask it to explain.
    func planned() throws -> (plan: SitePlan, readAlso: ReadAlsoEngine) {
        let planned = try SiteBuild(BuildOptions(archive: archive, archiveDisplay: "archive", output: output)).plan()
        return (planned.plan, planned.readAlso)
    }

    /// The text of an output file, or nil when it was not written.
    func page(_ path: String) -> String? {
        try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every file of the output folder, relative to it.
    func outputFiles() -> [String] {
        let base = output.standardizedFileURL.path
        let walker = FileManager.default.enumerator(atPath: base)
        var files: [String] = []
        while let relative = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue { files.append(relative) }
        }
        return files.sorted()
    }

    func modificationDate(_ path: String) -> Date? {
        (try? FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path))?[.modificationDate] as? Date
    }

    /// Three dated, tagged articles under a real base URL: the smallest site with terms, months and feeds.
    static func threeTaggedArticles() throws -> ArchiveFixture {
        try ArchiveFixture([
            "site.yml": "base_url: https://example.org/\n",
            "a.md": markdown(title: "خبر أ", date: "2023-09-20", tags: ["غزة"]),
            "b.md": markdown(title: "خبر ب", date: "2023-09-21", tags: ["القدس"]),
            "c.md": markdown(title: "خبر ج", date: "2023-08-01", tags: ["الرياض"]),
        ])
    }

    /// Markdown with front matter, for the common case.
    static func markdown(title: String, date: String, tags: [String] = [], extra: String = "", body: String = "نص الخبر.") -> String {
        let tagLine = tags.isEmpty ? "" : "tags: [\(tags.map { "\"\($0)\"" }.joined(separator: ", "))]\n"
        let quotedTitle = "'" + title.replacingOccurrences(of: "'", with: "''") + "'"
        return "---\ntitle: \(quotedTitle)\ndate: \(date)\n\(tagLine)\(extra)---\n\n\(body)\n"
    }
}

/// The project's own `seeds/` folder: the seed page ships with the project, so tests may read it.
let seedsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds")

/// All `href` and `src` values of an HTML page.
func links(in html: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
    return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map {
        String(html[Range($0.range(at: 1), in: html)!])
    }
}
