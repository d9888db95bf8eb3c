/// Which field of an exported record holds which article field: `--map title=headline,body=content`.
public struct FieldMap: Sendable, Equatable {
    public enum Field: String, CaseIterable, Sendable {
        case title, body, date, author, source, tags, summary, url, image, image_alt, image_caption
    }

    /// For each article field, the record fields tried in order.
    public private(set) var names: [Field: [String]] = [
        .title: ["title", "headline"],
        .body: ["body", "content", "text"],
        .date: ["date", "published", "date_published", "date_extracted", "created_at"],
        .author: ["author", "byline"],
        .source: ["source", "publisher"],
        .tags: ["tags", "keywords", "categories"],
        .summary: ["summary", "description", "excerpt"],
        .url: ["url", "link"],
        // The picture's URL (or a path beside the written article), its alt text and caption.
        .image: ["image", "image_url"],
        .image_alt: ["image_alt"],
        .image_caption: ["image_caption"],
    ]

    public init() {}

    public enum MapError: Error, Equatable, CustomStringConvertible {
        case malformed(String)
        case unknownField(String)

        public var description: String {
            switch self {
            case .malformed(let pair): return "--map: expected field=name, got '\(pair)'"
            case .unknownField(let field): return "--map: unknown article field '\(field)' (known: \(Field.allCases.map(\.rawValue).joined(separator: ", ")))"
            }
        }
    }

    /// Parses `title=title,body=content,...`; fields not named keep their defaults.
    public init(_ text: String) throws(MapError) {
        for pair in text.split(separator: ",") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else { throw .malformed(String(pair)) }
            guard let field = Field(rawValue: parts[0]) else { throw .unknownField(parts[0]) }
            names[field] = [parts[1]]
        }
    }

    func value(_ field: Field, in record: [String: JSONValue]) -> JSONValue? {
        for name in names[field] ?? [] {
            if let value = record[name], value != .null { return value }
        }
        return nil
    }
}

import Foundation
