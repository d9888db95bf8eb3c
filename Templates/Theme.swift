import Foundation
import Mustache

/// The templates and assets pages are rendered with: the default theme shipped in this module, with any
/// template or asset of the same name in a site's own `templates/` folder taking its place.
public struct Theme: Sendable {
    let library: MustacheLibrary
    /// Files copied to the output as they are (the stylesheet), by name.
    public let assets: [String: Data]
    /// Where each template came from, for error messages and for the preview server to watch.
    public let sources: [String: String]
    /// Every template and asset as loaded, by file name: what a page's rendering depends on.
    public let files: [String: Data]
    /// Overrides that take no template's place (a misspelt name): used by nothing, so probably a mistake.
    public let warnings: [ThemeError]
    /// The names each template can look up, with its partials and parents (`TemplateReads`).
    let reads: [String: Set<String>]

    /// The default theme's folder: the module's resources.
    public static var defaultFolder: URL {
        Bundle.module.url(forResource: "theme", withExtension: nil)!
    }

    /// Loads the default theme, then the site's overrides. A template that does not parse fails the whole
    /// load with its file and line, so a build never renders half a theme. Given the `names` pages offer
    /// (and the `openNames` below which any name goes), an override that names anything else is a warning.
    public static func load(overrides: URL? = nil, names: Set<String>? = nil, openNames: Set<String> = []) throws(ThemeError) -> Theme {
        HTMLEscape.registered
        var templates: [String: MustacheTemplate] = [:]
        var assets: [String: Data] = [:]
        var sources: [String: String] = [:]
        var contents: [String: Data] = [:]
        var texts: [String: String] = [:]
        var defaultNames: Set<String> = []
        var overridden: Set<String> = []
        for folder in [defaultFolder] + (overrides.map { [$0] } ?? []) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { continue }
            for name in names.sorted() where !name.hasPrefix(".") {
                let url = folder.appendingPathComponent(name)
                if name.hasSuffix(".mustache") {
                    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                        throw ThemeError(path: url.path, line: nil, reason: "cannot be read as UTF-8 text")
                    }
                    do {
                        // On a line of its own, so the template's first line stays standalone; error lines are corrected for it.
                        templates[String(name.dropLast(".mustache".count))] = try MustacheTemplate(string: HTMLEscape.pragma + "\n" + text)
                    } catch let error as MustacheTemplate.ParserError {
                        throw ThemeError(path: url.path, line: max(1, error.context.lineNumber - 1), reason: error.explanation)
                    } catch {
                        throw ThemeError(path: url.path, line: nil, reason: "\(error)")
                    }
                    sources[String(name.dropLast(".mustache".count))] = url.path
                    texts[String(name.dropLast(".mustache".count))] = text
                    if folder == defaultFolder { defaultNames.insert(String(name.dropLast(".mustache".count))) } else { overridden.insert(name) }
                    contents[name] = Data(text.utf8)
                } else if let data = try? Data(contentsOf: url) {
                    assets[name] = data
                    contents[name] = data
                }
            }
        }
        for required in requiredTemplates where templates[required] == nil {
            throw ThemeError(path: overrides?.path ?? defaultFolder.path, line: nil, reason: "the theme has no '\(required).mustache'")
        }
        let references = TemplateReferences(texts: texts)
        if let problem = references.problem(known: Set(templates.keys)) {
            throw ThemeError(path: sources[problem.template] ?? problem.template, line: problem.line, reason: problem.reason)
        }
        var warnings: [ThemeError] = []
        for name in templates.keys.sorted() where !defaultNames.contains(name) && !references.isUsed(name) {
            let closest = defaultNames.min { (editDistance(name, $0), $0) < (editDistance(name, $1), $1) }
            let hint = closest.map { ": did you mean '\($0).mustache'?" } ?? ""
            warnings.append(ThemeError(path: sources[name] ?? name, line: nil,
                                       reason: "no template of the theme is named '\(name)' and none includes it, so it is never used\(hint)"))
        }
        if let names {
            let check = TemplateNameCheck(known: names, open: openNames)
            for file in overridden.sorted() {
                let template = String(file.dropLast(".mustache".count))
                for (line, name) in check.unknownNames(in: texts[template] ?? "") {
                    warnings.append(ThemeError(path: sources[template] ?? file, line: line,
                                               reason: "names '\(name)', which no page gives: it renders as nothing"))
                }
            }
        }
        var reads: [String: Set<String>] = [:]
        for name in templates.keys { reads[name] = TemplateReads.names(of: name, texts: texts, references: references) }
        return Theme(library: MustacheLibrary(templates: templates), assets: assets, sources: sources, files: contents, warnings: warnings,
                     reads: reads)
    }

    /// The page templates the generator renders with; partials and the base layout are theirs to use.
    public static let requiredTemplates = ["article", "list", "terms", "archive", "404"]

    /// Renders `value` with the template `name`: the template reads the view's properties by name. Every
    /// value is HTML-escaped unless the template uses triple braces, which the default theme does only for
    /// rendered Markdown and JSON-LD.
    public func render(_ name: String, value: TemplateValue) -> String {
        library.render(value, withTemplate: name) ?? ""
    }

    /// Every name the template `name` can look up, its partials and parents included; nil when that cannot
    /// be known from its text (`TemplateReads`), and then every name may be read.
    public func names(readBy name: String) -> Set<String>? {
        reads[name]
    }

    /// Renders a view (any `Encodable` value: its properties are the template's names).
    public func render(_ name: String, _ view: some Encodable) -> String {
        render(name, value: TemplateEncoder.value(view))
    }
}

/// A template that cannot be used, with the file and line to fix.
public struct ThemeError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let reason: String

    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): error: \(reason)"
    }
}
