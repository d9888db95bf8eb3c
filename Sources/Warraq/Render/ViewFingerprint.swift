import Foundation
import Templates

/// A view hashed straight from its `Encodable`, in the order its properties are declared: a page that is
/// unchanged (nearly every page of a rebuild) is never turned into the template tree, which with its
/// hashing was a third of a rebuild's rendering. Values are told apart as `TemplateEncoder` tells them,
/// so what a template can read is what is hashed; maps are hashed in key order, as a dictionary's own
/// order differs from one process to the next.
///
/// Given the names the page's template can read (`Theme.names(readBy:)`), a value under any other name is
/// left out: it cannot change the page.
enum ViewFingerprint {
    static func combine<View: Encodable>(_ view: View, into hash: inout PageHash, reads: Set<String>? = nil) {
        let sink = Sink(hash, reads: reads)
        sink.encode(view)
        hash = sink.hash
    }

    /// The hash of one value on its own, for a value to carry as its `Prehashed` fingerprint.
    static func hash<Value: Encodable>(of value: Value) -> UInt64 {
        var hash = PageHash()
        combine(value, into: &hash)
        return hash.value
    }

    final class Sink {
        var hash: PageHash
        /// The names the template can read; nil: any.
        let readable: Set<String>?
        init(_ hash: PageHash, reads: Set<String>? = nil) {
            self.hash = hash
            readable = reads
        }

        func reads(_ key: String) -> Bool {
            readable?.contains(key) ?? true
        }

        func encode<T: Encodable>(_ value: T) {
            let type = ObjectIdentifier(T.self)
            let kind: Kind
            if let known = known[type] {
                kind = known
            } else if let found = Kind.of(value) {
                kind = found
                known[type] = found
                Kind.known.withLock { $0[type] = found }
            } else {
                return cascade(value)
            }
            switch kind {
            case .text: text(value as! String)
            case .flag: PageRenderer.combine(.flag(value as! Bool), into: &hash)
            case .integer: PageRenderer.combine(.integer(value as! Int), into: &hash)
            case .structure: structure(value)
            case .prehashed: prehashed(value)
            case .other: cascade(value)
            }
        }

        /// Every case of a value, tried in turn: what a type `Kind` does not sort out (an optional, an
        /// existential, a class) takes, and what the rarer kinds take.
        private func cascade<T: Encodable>(_ value: T) {
            switch value {
            case let text as String: PageRenderer.combine(.text(text), into: &hash)
            case let flag as Bool: PageRenderer.combine(.flag(flag), into: &hash)
            case let number as Int: PageRenderer.combine(.integer(number), into: &hash)
            case let number as Double: PageRenderer.combine(.number(number), into: &hash)
            case let number as Float: PageRenderer.combine(.number(Double(number)), into: &hash)
            case let number as any FixedWidthInteger: PageRenderer.combine(.integer(Int(truncatingIfNeeded: number)), into: &hash)
            case let date as Date: PageRenderer.combine(.date(date), into: &hash)
            case is Prehashed: prehashed(value)
            default: unhashed(value)
            }
        }

        private func prehashed<T: Encodable>(_ value: T) {
            if let fingerprint = (value as! Prehashed).fingerprint {
                hash.combine(byte: 13)
                hash.combine(word: fingerprint)
            } else {
                unhashed(value)
            }
        }

        /// The cases after `Prehashed`.
        private func unhashed<T: Encodable>(_ value: T) {
            switch value {
            case let own as TemplateRepresentable: PageRenderer.combine(own.templateValue, into: &hash)
            case let map as any KeyOrdered: map.combineInKeyOrder(into: self)
            default: structure(value)
            }
        }

        private func structure<T: Encodable>(_ value: T) {
            hash.combine(byte: 11)
            try? value.encode(to: Encoding(sink: self))
            hash.combine(byte: 12)
        }

        /// The kinds this page's values were found to be, from `Kind.known` and added to as it is hashed.
        private var known = Kind.known.withLock { $0 }

        func key(_ key: String) {
            hash.combine(key)
            hash.combine(byte: 0)
        }

        /// Text as `encode` hashes it, without asking what type it is.
        func text(_ text: String) {
            PageRenderer.combine(.text(text), into: &hash)
        }
    }

    /// Which of `encode`'s cases a type's values take, found once per type: a view's values are mostly
    /// text and small structures, and each structure failed a dozen casts (four of them conformance
    /// lookups) before it was hashed by its properties, every value of every page of every build.
    /// Known only for a struct or enum that is not optional, whose values all take one case; an optional
    /// unwraps in a cast and a class's instance may be of a subclass, so they take `cascade` every time.
    enum Kind: Sendable {
        case text, flag, integer, structure, prehashed, other

        static let known = Locked<[ObjectIdentifier: Kind]>([:])

        static func of<T: Encodable>(_ value: T) -> Kind? {
            guard !(T.self is any OptionalValue.Type), !(T.self is AnyObject.Type), Swift.type(of: value) == T.self else { return nil }
            switch value {
            case is String: return .text
            case is Bool: return .flag
            case is Int: return .integer
            case is Double, is Float, is any FixedWidthInteger, is Date: return .other
            case is Prehashed: return .prehashed
            case is TemplateRepresentable, is any KeyOrdered: return .other
            default: return .structure
            }
        }
    }

    private struct Encoding: Encoder {
        let sink: Sink
        var codingPath: [CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { KeyedEncodingContainer(Keyed<Key>(sink: sink)) }
        func unkeyedContainer() -> UnkeyedEncodingContainer { Unkeyed(sink: sink) }
        func singleValueContainer() -> SingleValueEncodingContainer { Single(sink: sink) }
    }

    // Text, the commonest value of a view, is hashed by its own overloads; the other primitive overloads
    // fall back to the generic `encode`, which `Sink` sorts out.
    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let sink: Sink
        var codingPath: [CodingKey] { [] }
        mutating func encodeNil(forKey key: Key) throws {
            guard sink.reads(key.stringValue) else { return }
            sink.key(key.stringValue)
            PageRenderer.combine(.null, into: &sink.hash)
        }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            guard sink.reads(key.stringValue) else { return }
            sink.key(key.stringValue)
            sink.encode(value)
        }
        mutating func encode(_ value: String, forKey key: Key) throws {
            guard sink.reads(key.stringValue) else { return }
            sink.key(key.stringValue)
            sink.text(value)
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            guard let value, sink.reads(key.stringValue) else { return }
            sink.key(key.stringValue)
            sink.text(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            sink.key(key.stringValue)
            return Encoding(sink: sink).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            sink.key(key.stringValue)
            return Unkeyed(sink: sink)
        }
        mutating func superEncoder() -> Encoder { Encoding(sink: sink) }
        mutating func superEncoder(forKey key: Key) -> Encoder {
            sink.key(key.stringValue)
            return Encoding(sink: sink)
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        let sink: Sink
        var codingPath: [CodingKey] { [] }
        private(set) var count = 0
        init(sink: Sink) { self.sink = sink }
        mutating func encodeNil() throws {
            count += 1
            PageRenderer.combine(.null, into: &sink.hash)
        }
        mutating func encode<T: Encodable>(_ value: T) throws {
            count += 1
            sink.encode(value)
        }
        mutating func encode(_ value: String) throws {
            count += 1
            sink.text(value)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            count += 1
            return Encoding(sink: sink).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            count += 1
            return Unkeyed(sink: sink)
        }
        mutating func superEncoder() -> Encoder { Encoding(sink: sink) }
    }

    private struct Single: SingleValueEncodingContainer {
        let sink: Sink
        var codingPath: [CodingKey] { [] }
        mutating func encodeNil() throws { PageRenderer.combine(.null, into: &sink.hash) }
        mutating func encode<T: Encodable>(_ value: T) throws { sink.encode(value) }
    }
}

/// `Optional`, which a cast unwraps: `ViewFingerprint.Kind` leaves it to the cascade.
protocol OptionalValue {}
extension Optional: OptionalValue {}

/// A map whose entries are hashed in the order of their keys.
protocol KeyOrdered {
    func combineInKeyOrder(into sink: ViewFingerprint.Sink)
}

extension Dictionary: KeyOrdered where Key == String, Value: Encodable {
    func combineInKeyOrder(into sink: ViewFingerprint.Sink) {
        sink.hash.combine(byte: 9)
        for key in keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where sink.reads(key) {
            sink.key(key)
            sink.encode(self[key]!)
        }
        sink.hash.combine(byte: 10)
    }
}

/// A value that knows its own fingerprint, so a page that shows it hashes one word instead of its text: an
/// article's body (its checksum in the article cache, `PageBody`) and a card (hashed once for the many
/// pages that show it, `CardView`).
protocol Prehashed {
    /// Nil when it is to be hashed from its values.
    var fingerprint: UInt64? { get }
}
