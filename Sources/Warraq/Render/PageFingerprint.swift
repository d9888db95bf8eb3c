import Foundation
import Templates

/// A page's fingerprint: the hash of its view, of the template that renders it, of the theme and of
/// Warraq itself. When it equals the one recorded in the manifest and the file is still there, the page is
/// not rendered at all. The view is everything a template can show, less the names its template never
/// looks up (`Theme.names(readBy:)`), so there is no list of what a page depends on to keep in step with
/// what it shows.
extension PageRenderer {
    /// What every page is also made of: this build of Warraq (which may render differently) and every
    /// file of the theme (a page's template can include any other).
    static func identity(themeFiles: [String: Data]) -> PageHash {
        var hash = PageHash()
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

    /// The view's values that the template can read (`ViewFingerprint`), after the template's name and the
    /// page's path.
    func fingerprint<View: Encodable>(of view: View, template: String, _ page: Page) -> String {
        var hash = identity
        hash.combine(template)
        hash.combine(byte: 0)
        hash.combine(page.path.file)
        hash.combine(byte: 0)
        ViewFingerprint.combine(view, into: &hash, reads: theme.names(readBy: template))
        return hash.hex
    }

    /// One template value, tagged by its kind, maps in key order (the same bytes in every process, unlike
    /// `hashValue`).
    static func combine(_ value: TemplateValue, into hash: inout PageHash) {
        switch value {
        case .text(let text):
            hash.combine(byte: 1)
            hash.combine(text)
            hash.combine(byte: 0)
        case .flag(let flag):
            hash.combine(byte: 2)
            hash.combine(byte: flag ? 1 : 0)
        case .integer(let number):
            hash.combine(byte: 3)
            hash.combine(word: UInt64(bitPattern: Int64(number)))
        case .number(let number):
            hash.combine(byte: 4)
            hash.combine(word: number.bitPattern)
        case .date(let date):
            hash.combine(byte: 5)
            hash.combine(word: date.timeIntervalSince1970.bitPattern)
        case .null: hash.combine(byte: 6)
        case .list(let items):
            hash.combine(byte: 7)
            for item in items { combine(item, into: &hash) }
            hash.combine(byte: 8)
        case .map(let entries):
            hash.combine(byte: 9)
            for key in entries.keys.sorted() {
                hash.combine(key)
                hash.combine(byte: 0)
                combine(entries[key]!, into: &hash)
            }
            hash.combine(byte: 10)
        }
    }
}
