import Foundation

/// The names a page's template can look up, through its partials and parents. A page's fingerprint hashes
/// only these of its view, so a value that no template of the page reads (a tag's article count, which term
/// pages show and article pages do not) changes no page when it changes. Mustache finds a name by name
/// alone, at whatever depth, so a name that appears in no tag of the template's texts is never read.
///
/// Nil where the texts cannot be read for names with certainty: changed delimiters (`{{=<% %>=}}`), a
/// dynamic partial (`{{>*name}}`), or `{{.}}`, which renders the current value whole.
enum TemplateReads {
    private static let tag = try! NSRegularExpression(pattern: #"\{\{\{?([^}]*)\}?\}\}"#)

    static func names(of template: String, texts: [String: String], references: TemplateReferences) -> Set<String>? {
        var names: Set<String> = []
        var seen: Set<String> = [template]
        var pending = [template]
        while let next = pending.popLast() {
            guard let text = texts[next] else { return nil }
            for reference in references.references[next] ?? [] where seen.insert(reference.name).inserted {
                pending.append(reference.name)
            }
            let range = NSRange(text.startIndex..., in: text)
            for match in tag.matches(in: text, range: range) {
                var content = text[Range(match.range(at: 1), in: text)!].trimmingCharacters(in: .whitespaces)[...]
                switch content.first {
                case "!", "$": continue
                case "=": return nil
                case ">", "<":
                    if content.dropFirst().trimmingCharacters(in: .whitespaces).hasPrefix("*") { return nil }
                    continue
                case "#", "^", "/", "&": content = content.dropFirst()
                default: break
                }
                let name = content.trimmingCharacters(in: .whitespaces)
                if name == "." { return nil }
                // Every word of a dotted name or a transform (`uppercased(article.title)`).
                for word in name.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) {
                    names.insert(String(word))
                }
            }
        }
        return names
    }
}
