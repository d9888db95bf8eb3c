#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The article cache's file, held open for the bodies shelved on it (`ArticleBody`) to be read back. A
/// later build that writes the cache whole renames a new file over this one; through this descriptor the
/// old bytes stay readable until the last body shelved here lets go.
final class CacheShelf: BodyShelf {
    private let descriptor: Int32
    private let unreadable: UnreadableBodies

    /// Takes ownership of `descriptor`, open for reading.
    init(descriptor: Int32, unreadable: UnreadableBodies) {
        self.descriptor = descriptor
        self.unreadable = unreadable
    }

    convenience init?(path: String, unreadable: UnreadableBodies) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard descriptor >= 0 else { return nil }
        self.init(descriptor: descriptor, unreadable: unreadable)
    }

    deinit { close(descriptor) }

    func text(at span: ShelfSpan) -> String {
        let range = span.range
        guard !range.isEmpty else { return span.check == Self.check(UnsafeRawBufferPointer(start: nil, count: 0)) ? "" : failed() }
        var whole = true
        let text = String(unsafeUninitializedCapacity: range.count) { buffer in
            let done = POSIX.read(descriptor, at: Int64(range.lowerBound), into: UnsafeMutableRawBufferPointer(buffer))
            whole = done == range.count && Self.check(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: buffer[..<done]))) == span.check
            return whole ? done : 0
        }
        return whole ? text : failed()
    }

    private func failed() -> String {
        unreadable.count()
        return ""
    }

    static func check(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        ShelfSpan.checksum(bytes)
    }

    /// The first `count` bytes at `offset`, to check a record is where it was written.
    func bytes(at offset: Int, count: Int) -> [UInt8]? {
        POSIX.readAll(descriptor, at: Int64(offset), count: count)
    }

    /// The whole file, mapped for `body` to read (and unmapped after): bodies are then shelved, not copied.
    func mapped<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else { return nil }
        defer { munmap(base, size) }
        return body(UnsafeRawBufferPointer(start: base, count: size))
    }
}

/// How many shelved bodies could not be read back in a build: a page rendered without its body must not
/// replace the site.
final class UnreadableBodies: Sendable {
    private let total = Counter()

    func count() { _ = total.increment() }

    var value: Int { total.value }
}
