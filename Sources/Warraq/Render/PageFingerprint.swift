import Foundation

/// A page's fingerprint: the hash of its view, of the template that renders it, of the theme and of
/// Warraq itself. When it equals the one recorded in the manifest and the file is still there, the page is
/// not rendered at all. The view is everything a template can show, so there is no list of what a page
/// depends on to keep in step with what it shows.
extension PageRenderer {
    /// What every page is also made of: this build of Warraq (which may render differently) and every
    /// file of the theme (a page's template can include any other).
    static func identity(themeFiles: [String: Data]) -> StableHash {
        var hash = StableHash()
        if let executable = Bundle.main.executableURL,
           let attributes = try? FileManager.default.attributesOfItem(atPath: executable.path) {
            let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            hash.combine("\(executable.path)|\(size)|\(modified)")
        }
        for name in themeFiles.keys.sorted() {
            hash.combine(name)
            hash.combine(themeFiles[name]!)
        }
        return hash
    }

    /// The view's bytes as JSON with sorted keys (the same bytes in every process, unlike `hashValue`),
    /// after the template's name and the page's path.
    func fingerprint<View: Encodable>(_ view: View, template: String, _ page: Page) -> String {
        var hash = identity
        hash.combine(template)
        hash.combine([0])
        hash.combine(page.path.file)
        hash.combine([0])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Plain values of strings, numbers, flags and dates: encoding them cannot fail.
        hash.combine((try? encoder.encode(view)) ?? Data())
        return hash.hex
    }
}
