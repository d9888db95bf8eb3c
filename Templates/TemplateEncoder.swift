import Foundation

/// Turns a view into its `TemplateValue` through the view's own `Encodable` conformance: every stored
/// property becomes a key, with nothing listed by hand.
public enum TemplateEncoder {
    public static func value<View: Encodable>(_ view: View) -> TemplateValue {
        let box = Box()
        // The views hold strings, numbers, flags, dates, lists and nested views: encoding them cannot fail.
        try? encode(view, into: box)
        return box.resolved
    }

    fileprivate static func encode<T: Encodable>(_ value: T, into box: Box) throws {
        switch value {
        case let text as String: box.content = .value(.text(text))
        case let flag as Bool: box.content = .value(.flag(flag))
        case let number as Int: box.content = .value(.integer(number))
        case let number as Double: box.content = .value(.number(number))
        case let number as Float: box.content = .value(.number(Double(number)))
        case let number as any FixedWidthInteger: box.content = .value(.integer(Int(truncatingIfNeeded: number)))
        case let date as Date: box.content = .value(.date(date))
        case let own as TemplateRepresentable: box.content = .value(own.templateValue)
        default: try value.encode(to: Encoding(box: box))
        }
    }

    /// One value as it is being encoded.
    fileprivate final class Box {
        enum Content {
            case empty
            case value(TemplateValue)
            case map([String: Box])
            case list([Box])
        }

        var content: Content = .empty

        var resolved: TemplateValue {
            switch content {
            case .empty: return .null
            case .value(let value): return value
            case .map(let entries): return .map(entries.mapValues(\.resolved))
            case .list(let items): return .list(items.map(\.resolved))
            }
        }

        func child(_ key: String) -> Box {
            let box = Box()
            if case .map(var entries) = content {
                content = .empty
                entries[key] = box
                content = .map(entries)
            } else {
                content = .map([key: box])
            }
            return box
        }

        func append() -> Box {
            let box = Box()
            if case .list(var items) = content {
                content = .empty
                items.append(box)
                content = .list(items)
            } else {
                content = .list([box])
            }
            return box
        }
    }

    fileprivate struct Encoding: Encoder {
        let box: Box
        var codingPath: [CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .map = box.content {} else { box.content = .map([:]) }
            return KeyedEncodingContainer(Keyed<Key>(box: box))
        }

        func unkeyedContainer() -> UnkeyedEncodingContainer {
            if case .list = box.content {} else { box.content = .list([]) }
            return Unkeyed(box: box)
        }

        func singleValueContainer() -> SingleValueEncodingContainer { Single(box: box) }
    }

    fileprivate struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws { box.child(key.stringValue).content = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try TemplateEncoder.encode(value, into: box.child(key.stringValue))
        }
        mutating func encode(_ value: Bool, forKey key: Key) throws { try TemplateEncoder.encode(value, into: box.child(key.stringValue)) }
        mutating func encode(_ value: String, forKey key: Key) throws { try TemplateEncoder.encode(value, into: box.child(key.stringValue)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { try TemplateEncoder.encode(value, into: box.child(key.stringValue)) }
        mutating func encode(_ value: Float, forKey key: Key) throws { try TemplateEncoder.encode(value, into: box.child(key.stringValue)) }
        mutating func encode(_ value: Int, forKey key: Key) throws { try TemplateEncoder.encode(value, into: box.child(key.stringValue)) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { try TemplateEncoder.encode(value, into: box.child(key.stringValue)) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { try TemplateEncoder.encode(value, into: box.child(key.stringValue)) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { try TemplateEncoder.encode(value, into: box.child(key.stringValue)) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { try TemplateEncoder.encode(value, into: box.child(key.stringValue)) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { try TemplateEncoder.encode(value, into: box.child(key.stringValue)) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { try TemplateEncoder.encode(value, into: box.child(key.stringValue)) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { try TemplateEncoder.encode(value, into: box.child(key.stringValue)) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { try TemplateEncoder.encode(value, into: box.child(key.stringValue)) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { try TemplateEncoder.encode(value, into: box.child(key.stringValue)) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            Encoding(box: box.child(key.stringValue)).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            Encoding(box: box.child(key.stringValue)).unkeyedContainer()
        }
        mutating func superEncoder() -> Encoder { Encoding(box: box.child("super")) }
        mutating func superEncoder(forKey key: Key) -> Encoder { Encoding(box: box.child(key.stringValue)) }
    }

    fileprivate struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        var codingPath: [CodingKey] { [] }
        var count: Int {
            if case .list(let items) = box.content { return items.count }
            return 0
        }

        mutating func encodeNil() throws { box.append().content = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func encode(_ value: Bool) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func encode(_ value: String) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func encode(_ value: Double) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func encode(_ value: Float) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func encode(_ value: Int) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func encode(_ value: Int8) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func encode(_ value: Int16) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func encode(_ value: Int32) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func encode(_ value: Int64) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func encode(_ value: UInt) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func encode(_ value: UInt8) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func encode(_ value: UInt16) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func encode(_ value: UInt32) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func encode(_ value: UInt64) throws { try TemplateEncoder.encode(value, into: box.append()) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            Encoding(box: box.append()).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { Encoding(box: box.append()).unkeyedContainer() }
        mutating func superEncoder() -> Encoder { Encoding(box: box.append()) }
    }

    fileprivate struct Single: SingleValueEncodingContainer {
        let box: Box
        var codingPath: [CodingKey] { [] }

        mutating func encodeNil() throws { box.content = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws { try TemplateEncoder.encode(value, into: box) }
        mutating func encode(_ value: Bool) throws { try TemplateEncoder.encode(value, into: box) }
        mutating func encode(_ value: String) throws { try TemplateEncoder.encode(value, into: box) }
        mutating func encode(_ value: Double) throws { try TemplateEncoder.encode(value, into: box) }
        mutating func encode(_ value: Float) throws { try TemplateEncoder.encode(value, into: box) }
        mutating func encode(_ value: Int) throws { try TemplateEncoder.encode(value, into: box) }
        mutating func encode(_ value: Int8) throws { try TemplateEncoder.encode(value, into: box) }
        mutating func encode(_ value: Int16) throws { try TemplateEncoder.encode(value, into: box) }
        mutating func encode(_ value: Int32) throws { try TemplateEncoder.encode(value, into: box) }
        mutating func encode(_ value: Int64) throws { try TemplateEncoder.encode(value, into: box) }
        mutating func encode(_ value: UInt) throws { try TemplateEncoder.encode(value, into: box) }
        mutating func encode(_ value: UInt8) throws { try TemplateEncoder.encode(value, into: box) }
        mutating func encode(_ value: UInt16) throws { try TemplateEncoder.encode(value, into: box) }
        mutating func encode(_ value: UInt32) throws { try TemplateEncoder.encode(value, into: box) }
        mutating func encode(_ value: UInt64) throws { try TemplateEncoder.encode(value, into: box) }
    }
}
