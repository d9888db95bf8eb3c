/// Every name a page view offers a template, at any depth: what a site's template override may name.
/// Read from the views' own `Decodable` conformances (a decoder that answers every key and records it),
/// so the list follows the views with nothing kept by hand.
enum TemplateNames {
    /// The names of all page views, and the key below which any name is the writer's own (`params`).
    static let all: Set<String> = {
        var names: Set<String> = []
        for type in [ArticlePageView.self, ListingPageView.self, TermsPageView.self, ArchivePageView.self,
                     NotFoundPageView.self, SearchPageView.self] as [any Decodable.Type] {
            let collector = NameCollector()
            _ = try? type.init(from: collector)
            names.formUnion(collector.names.names)
        }
        return names
    }()

    /// Keys under which templates may name anything (front matter of the writer's own).
    static let open: Set<String> = ["params"]
}

/// A decoder of nothing that records every key asked of it, walking one element of each list and the
/// value of each optional.
private struct NameCollector: Decoder {
    final class Names {
        var names: Set<String> = []
        var depth = 0
    }

    let names: Names
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(names: Names = Names()) { self.names = names }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(Keyed<Key>(names: names))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer { Unkeyed(names: names) }
    func singleValueContainer() throws -> SingleValueDecodingContainer { Single(names: names) }

    static func value<T: Decodable>(_ type: T.Type, names: Names) throws -> T {
        if let value = placeholder(type) { return value }
        // Views do not nest without end; the bound guards a type that would.
        guard names.depth < 16 else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "too deep")) }
        names.depth += 1
        defer { names.depth -= 1 }
        return try T(from: NameCollector(names: names))
    }

    static func placeholder<T>(_ type: T.Type) -> T? {
        if T.self == String.self { return "" as? T }
        if T.self == Bool.self { return false as? T }
        if T.self == Int.self { return 0 as? T }
        if T.self == Double.self { return 0.0 as? T }
        if T.self == Float.self { return Float(0) as? T }
        if T.self == Int64.self { return Int64(0) as? T }
        if T.self == UInt64.self { return UInt64(0) as? T }
        return nil
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let names: Names
        var codingPath: [CodingKey] { [] }
        var allKeys: [Key] { [] }

        func contains(_ key: Key) -> Bool { true }
        func decodeNil(forKey key: Key) throws -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            names.names.insert(key.stringValue)
            return try NameCollector.value(type, names: names)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            names.names.insert(key.stringValue)
            return KeyedDecodingContainer(Keyed<NestedKey>(names: names))
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
            names.names.insert(key.stringValue)
            return Unkeyed(names: names)
        }

        func superDecoder() throws -> Decoder { NameCollector(names: names) }
        func superDecoder(forKey key: Key) throws -> Decoder { NameCollector(names: names) }
    }

    /// A list of one element.
    struct Unkeyed: UnkeyedDecodingContainer {
        let names: Names
        var codingPath: [CodingKey] { [] }
        var count: Int? { 1 }
        var currentIndex = 0
        var isAtEnd: Bool { currentIndex >= 1 }

        init(names: Names) { self.names = names }

        mutating func decodeNil() throws -> Bool { false }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            currentIndex += 1
            return try NameCollector.value(type, names: names)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            currentIndex += 1
            return KeyedDecodingContainer(Keyed<NestedKey>(names: names))
        }

        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
            currentIndex += 1
            return Unkeyed(names: names)
        }

        mutating func superDecoder() throws -> Decoder { NameCollector(names: names) }
    }

    struct Single: SingleValueDecodingContainer {
        let names: Names
        var codingPath: [CodingKey] { [] }

        func decodeNil() -> Bool { false }

        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try NameCollector.value(type, names: names)
        }
    }
}
