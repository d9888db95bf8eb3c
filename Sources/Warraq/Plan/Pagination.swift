/// Splits a list of articles into pages of the site's size: page 1 at the list's own folder, page n at
/// `page/n/` inside it, as Hugo does.
public struct Pagination: Sendable, Equatable {
    public let itemCount: Int
    public let pageSize: Int

    public init(itemCount: Int, pageSize: Int) {
        self.itemCount = itemCount
        self.pageSize = max(1, pageSize)
    }

    /// Always at least one page, so an empty list still has its page.
    public var pageCount: Int { max(1, (itemCount + pageSize - 1) / pageSize) }

    /// The items of page `number` (1-based).
    public func range(ofPage number: Int) -> Range<Int> {
        let start = min(itemCount, (number - 1) * pageSize)
        return start..<min(itemCount, start + pageSize)
    }

    /// The folder components of page `number` under the list's folder.
    public static func components(ofPage number: Int, under folder: [String]) -> [String] {
        number == 1 ? folder : folder + ["page", String(number)]
    }
}
