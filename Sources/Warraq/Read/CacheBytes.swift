import Foundation

/// The byte layout of the article cache: little-endian integers and length-prefixed UTF-8, written and read
/// without Foundation's coders, which took longer to decode an archive than to parse it again.
struct CacheBytesWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    mutating func int(_ value: Int) { uint64(UInt64(bitPattern: Int64(value))) }

    mutating func uint64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func uint32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func byteArray(_ values: [UInt8]) { bytes.append(contentsOf: values) }

    /// What was written so far, in an array of its own size, leaving the writer empty with its capacity.
    /// The bytes are copied: what is taken may be kept a long time (read-also's shortlists without a file
    /// to write them to), and an array grown by doubling carries up to as much again unused.
    mutating func take() -> [UInt8] {
        let taken = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = bytes.withUnsafeBufferPointer { buffer.initialize(fromContentsOf: $0) }
        }
        bytes.removeAll(keepingCapacity: true)
        return taken
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            uint32(UInt32(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Writes `text` like `string` and says where its UTF-8 bytes lie in `bytes` and their `check`, to
    /// read them back alone.
    mutating func placedString(_ text: String, check: (UnsafeRawBufferPointer) -> UInt64) -> ShelfSpan {
        let start = bytes.count + 4
        string(text)
        let range = start..<bytes.count
        return ShelfSpan(range: range, check: bytes.withUnsafeBytes { check(UnsafeRawBufferPointer(rebasing: $0[range])) })
    }

    mutating func optionalString(_ text: String?) {
        bool(text != nil)
        if let text { string(text) }
    }

    mutating func strings(_ list: [String]) {
        int(list.count)
        for text in list { string(text) }
    }

    /// A date to the bit: a rebuild's pages must print it exactly as a clean build does.
    mutating func date(_ date: Date?) {
        bool(date != nil)
        if let date { uint64(date.timeIntervalSinceReferenceDate.bitPattern) }
    }

    mutating func data(_ data: Data) {
        uint32(UInt32(data.count))
        bytes.append(contentsOf: data)
    }
}

/// Reads what `CacheBytesWriter` wrote; every read is bounds-checked and a short or garbled record throws.
struct CacheBytesReader {
    struct Malformed: Error {}

    private let base: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ base: UnsafeRawBufferPointer) {
        self.base = base
    }

    var atEnd: Bool { offset == base.count }

    private mutating func take(_ count: Int) throws(Malformed) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= base.count - offset else { throw Malformed() }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: base[offset..<(offset + count)])
    }

    mutating func uint64() throws(Malformed) -> UInt64 {
        let raw = try take(8)
        var value: UInt64 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: raw) }
        return UInt64(littleEndian: value)
    }

    mutating func uint32() throws(Malformed) -> UInt32 {
        let raw = try take(4)
        var value: UInt32 = 0
        withUnsafeMutableBytes(of: &value) { $0.copyMemory(from: raw) }
        return UInt32(littleEndian: value)
    }

    mutating func int() throws(Malformed) -> Int {
        Int(Int64(bitPattern: try uint64()))
    }

    /// A count of items that follow, each at least one byte: a garbled count cannot ask for more than is there.
    mutating func count() throws(Malformed) -> Int {
        let value = try int()
        guard value >= 0, value <= base.count - offset else { throw Malformed() }
        return value
    }

    mutating func skip(_ count: Int) throws(Malformed) {
        _ = try take(count)
    }

    mutating func byte() throws(Malformed) -> UInt8 {
        try take(1)[0]
    }

    mutating func bool() throws(Malformed) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw Malformed()
        }
    }

    mutating func string() throws(Malformed) -> String {
        let count = Int(try uint32())
        return String(decoding: try take(count), as: UTF8.self)
    }

    /// Steps over a string, saying where its bytes lie and their `check`, without copying them.
    mutating func skippedString(check: (UnsafeRawBufferPointer) -> UInt64) throws(Malformed) -> ShelfSpan {
        let count = Int(try uint32())
        let start = offset
        return ShelfSpan(range: start..<(start + count), check: check(try take(count)))
    }

    mutating func optionalString() throws(Malformed) -> String? {
        try bool() ? try string() : nil
    }

    mutating func strings() throws(Malformed) -> [String] {
        var list: [String] = []
        let count = try count()
        list.reserveCapacity(count)
        for _ in 0..<count { list.append(try string()) }
        return list
    }

    mutating func date() throws(Malformed) -> Date? {
        try bool() ? Date(timeIntervalSinceReferenceDate: Double(bitPattern: try uint64())) : nil
    }

    mutating func data() throws(Malformed) -> Data {
        let count = Int(try uint32())
        return Data(try take(count))
    }
}
