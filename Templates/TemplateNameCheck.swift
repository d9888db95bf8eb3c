import Foundation

/// The names a site's own templates look up that no page gives. swift-mustache renders such a name as
/// nothing and has no hook to report it, so the override's text is read for its tags before anything is
/// rendered: a misspelt `{{artcle.title}}` is a warning with its file and line, not an empty heading.
struct TemplateNameCheck {
    /// Every name some page offers, at any depth (a template sees the names of every enclosing value).
    let known: Set<String>
    /// Names below which anything goes (front matter keys of the writer's own).
    let open: Set<String>

    private static let tag = try! NSRegularExpression(pattern: #"\{\{\{?\s*([#^&/]?)\s*([A-Za-z0-9_.\-]+)\s*\}?\}\}"#)

    /// (line, name) of each unknown name in `text`, each name once, in order. Inside a section opened on
    /// an open name (`{{#article.params.desk}}`) every name is the writer's own.
    func unknownNames(in text: String) -> [(line: Int, name: String)] {
        var found: [(Int, String)] = []
        var seen: Set<String> = []
        var sections: [(name: String, open: Bool)] = []
        let range = NSRange(text.startIndex..., in: text)
        for match in Self.tag.matches(in: text, range: range) {
            let sigil = text[Range(match.range(at: 1), in: text)!]
            let name = String(text[Range(match.range(at: 2), in: text)!])
            let inOpen = sections.last?.open ?? false
            if sigil == "/" {
                if let index = sections.lastIndex(where: { $0.name == name }) { sections.removeSubrange(index...) }
                continue
            }
            if sigil == "#" || sigil == "^" { sections.append((name, inOpen || isOpen(name))) }
            guard !inOpen, name != ".", !seen.contains(name), !isKnown(name) else { continue }
            seen.insert(name)
            let start = Range(match.range, in: text)!.lowerBound
            found.append((text[..<start].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }, name))
        }
        return found
    }

    private func isOpen(_ name: String) -> Bool {
        name.split(separator: ".").contains { open.contains(String($0)) }
    }

    private func isKnown(_ name: String) -> Bool {
        for segment in name.split(separator: ".").map(String.init) {
            if open.contains(segment) { return true }
            if !known.contains(segment) { return false }
        }
        return true
    }
}
