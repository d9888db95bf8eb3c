import Foundation
import Yams

/// A YAML mapping read with its line numbers, so every complaint about a key can name its line.
struct YAMLDocument {
    let mapping: Node.Mapping
    /// The line of the file the YAML starts at (front matter starts after `---`).
    let firstLine: Int

    enum Failure: Error {
        case syntax(line: Int, reason: String)
        case notAMapping(line: Int)
    }

    /// Parses `text`; an empty document is an empty mapping.
    init(_ text: String, firstLine: Int = 1) throws(Failure) {
        self.firstLine = firstLine
        let node: Node?
        do {
            // The encoding given, not Yams' default, which reads the process environment on every parse.
            node = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            throw Self.failure(error, firstLine: firstLine)
        } catch {
            throw .syntax(line: firstLine, reason: "\(error)")
        }
        guard let node else {
            mapping = Node.Mapping([])
            return
        }
        guard let mapping = node.mapping else {
            throw .notAMapping(line: firstLine + (node.mark?.line ?? 1) - 1)
        }
        self.mapping = mapping
    }

    /// Reads front matter or a sidecar: a YAML failure is the article's error, with its line.
    static func article(_ text: String, firstLine: Int = 1, path: String) throws(ArticleError) -> YAMLDocument {
        do {
            return try YAMLDocument(text, firstLine: firstLine)
        } catch {
            switch error {
            case .syntax(let line, let reason): throw .invalidFrontMatter(path: path, line: line, reason: reason)
            case .notAMapping(let line): throw .invalidFrontMatter(path: path, line: line, reason: "expected 'key: value' lines")
            }
        }
    }

    /// The line of the file where a node stands.
    func line(of node: Node) -> Int {
        firstLine + (node.mark?.line ?? 1) - 1
    }

    var entries: [(key: String, value: Node, line: Int)] {
        mapping.compactMap { pair in
            guard let key = pair.key.string else { return nil }
            return (key, pair.value, line(of: pair.key))
        }
    }

    private static func failure(_ error: YamlError, firstLine: Int) -> Failure {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let where_ = context.map { "\($0.text) " } ?? ""
            return .syntax(line: firstLine + mark.line - 1, reason: "\(where_)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .syntax(line: firstLine + context.mark.line - 1, reason: "duplicated key \(duplicates.sorted().joined(separator: ", "))")
        default:
            return .syntax(line: firstLine, reason: "\(error)")
        }
    }
}

extension Node {
    /// A list of strings from a YAML sequence, or from one string split on `,` and the Arabic comma `،`.
    var stringList: [String]? {
        if let sequence {
            return sequence.compactMap { $0.string }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        if let string {
            return string.split(whereSeparator: { $0 == "," || $0 == "،" })
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }
        return nil
    }
}
