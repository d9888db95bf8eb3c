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
        Permalinks.page(number, of: folder)
    }
}

extension Pagination {
    /// One place in a numbered page bar: a page, or a gap (`…`) standing for the pages left out.
    public enum Slot: Sendable, Equatable {
        case page(Int)
        case gap
    }

    /// The numbered bar of page `current`: the first and last pages, and `radius` pages either side of the
    /// current one; a gap of one page is shown as that page, not as `…`. At most `2 * radius + 5` slots,
    /// whatever the page count, so a list of 10,000 pages links each of them within a few clicks.
    public func slots(around current: Int, radius: Int = 2) -> [Slot] {
        let count = pageCount
        let low = max(1, current - radius), high = min(count, current + radius)
        var pages: [Int] = [1]
        if low > 3 { pages.append(-1) } else if low == 3 { pages.append(2) }
        pages += (max(2, low)...max(max(2, low), high)).filter { $0 < count && $0 >= 2 }
        if high < count - 2 { pages.append(-1) } else if high == count - 2 { pages.append(count - 1) }
        if count > 1 { pages.append(count) }
        var slots: [Slot] = []
        for page in pages where page == -1 || !slots.contains(.page(page)) {
            slots.append(page == -1 ? .gap : .page(page))
        }
        return slots
    }
}
