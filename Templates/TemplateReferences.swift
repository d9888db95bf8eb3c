import Foundation
import Mustache

/// The partials (`{{> name}}`) and parents (`{{< name}}`) each template names, checked before anything is
/// rendered: swift-mustache renders a missing one as nothing (empty pages, exit 0) and recurses without end
/// into a template that includes itself (a crash), so both are errors naming the template and line.
struct TemplateReferences {
    struct Reference {
        let name: String
        let line: Int
        let isParent: Bool
    }

    /// By template name, in the order they appear.
    let references: [String: [Reference]]

    init(texts: [String: String]) {
        var references: [String: [Reference]] = [:]
        let pattern = try! NSRegularExpression(pattern: #"\{\{\s*([<>])\s*([^\s}]+)\s*\}\}"#)
        for (template, text) in texts {
            let range = NSRange(text.startIndex..., in: text)
            references[template] = pattern.matches(in: text, range: range).map { match in
                let start = Range(match.range, in: text)!.lowerBound
                return Reference(name: String(text[Range(match.range(at: 2), in: text)!]),
                                 line: text[..<start].reduce(1) { $1 == "\n" ? $0 + 1 : $0 },
                                 isParent: text[Range(match.range(at: 1), in: text)!] == "<")
            }
        }
        self.references = references
    }

    /// The first reference to a template the theme does not have, or of a template to itself through any
    /// chain of others: (template, line, what is wrong in words).
    func problem(known: Set<String>) -> (template: String, line: Int, reason: String)? {
        for template in references.keys.sorted() {
            for reference in references[template]! where !known.contains(reference.name) {
                let what = reference.isParent ? "inherits from" : "includes the partial"
                return (template, reference.line, "\(what) '\(reference.name)', which the theme does not have (no \(reference.name).mustache)")
            }
        }
        // Depth-first, each template once: a template met again on the current path is a cycle.
        var done: Set<String> = []
        for start in references.keys.sorted() where !done.contains(start) {
            var path: [(template: String, next: Int)] = [(start, 0)]
            var onPath: Set<String> = [start]
            while let top = path.last {
                let list = references[top.template] ?? []
                guard top.next < list.count else {
                    done.insert(top.template)
                    onPath.remove(top.template)
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let reference = list[top.next]
                if onPath.contains(reference.name) {
                    let cycle = path.map(\.template).drop { $0 != reference.name } + [reference.name]
                    return (top.template, reference.line, "includes itself (\(cycle.joined(separator: " → "))): the page would never finish rendering")
                }
                if !done.contains(reference.name) {
                    path.append((reference.name, 0))
                    onPath.insert(reference.name)
                }
            }
        }
        return nil
    }

    /// Whether any template names `name`.
    func isUsed(_ name: String) -> Bool {
        references.values.contains { $0.contains { $0.name == name } }
    }
}

extension MustacheTemplate.ParserError {
    /// What the parser found, in words.
    var explanation: String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with another name than it was opened with ({{/name}} must match {{#name}})"
        case .unfinishedName: return "a tag is not closed (a name without its '}}')"
        case .expectedSectionEnd: return "a section is opened and never closed (a {{#name}} or {{^name}} without its {{/name}})"
        case .invalidSetDelimiter: return "the delimiter change is not of the form {{=<% %>=}}"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to a parent or block"
        case .illegalTokenInsideInheritSection: return "only blocks ({{$name}}) may stand inside a parent ({{<name}})"
        case .textInsideInheritSection: return "text stands inside a parent ({{<name}}) outside any block ({{$name}})"
        case .invalidConfigVariableSyntax: return "the pragma is not of the form {{% NAME: value}}"
        case .unrecognisedConfigVariable: return "the pragma names a setting swift-mustache does not know"
        @unknown default: return "\(error)"
        }
    }
}

/// The edit distance between two names: how a misspelt override finds the name it meant.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var previous = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let current = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = current
        }
    }
    return a.isEmpty ? b.count : row[b.count]
}
