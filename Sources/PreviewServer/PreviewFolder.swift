import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The preview's own output folder when none is given: made fresh for each run by `mkdtemp` (a new name,
/// mode 0700, owned by the user), so no other local user can have planted links or a manifest in it, and
/// removed when the preview stops.
public struct PreviewFolder: Sendable {
    public let url: URL

    public init() throws {
        var template = Array((FileManager.default.temporaryDirectory.path + "/warraq-serve-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot create a private preview folder: \(String(cString: strerror(errno)))"])
        }
        url = URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
