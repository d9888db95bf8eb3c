import ArgumentParser
import Foundation
import Warraq

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring articles into an archive as Markdown files.",
        subcommands: [JSONCommand.self, PageCommand.self]
    )

    struct JSONCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "json",
            abstract: "Import JSON arrays or JSON Lines exports.",
            discussion: "Fields: title, body, date, author, source, tags, summary, url, image, image_alt, image_caption. Example: --map title=headline,body=content,date=date_extracted"
        )

        @Argument(help: "JSON or JSON Lines files.")
        var files: [String]

        @Option(help: "The archive folder to write into.")
        var into: String

        @Option(help: "Which record field holds which article field: field=name,...")
        var map: String?

        @Option(help: "The zone of dates written without one (e.g. Asia/Riyadh).")
        var timezone = "UTC"

        @Option(name: .customLong("auto-tags"), help: "Suggest this many tags for each untagged article.")
        var autoTags = 0

        @OptionGroup var verbosity: Verbosity

        @Option(name: .customLong("line-breaks"), help: "A single newline in a body is a paragraph break (paragraph) or a wrapped line, paragraphs then parted by blank lines (wrap).")
        var lineBreaks = "paragraph"

        func run() throws {
            var importer = JSONImporter()
            if let map {
                do { importer.map = try FieldMap(map) } catch { throw ValidationError(error.description) }
            }
            guard let zone = TimeZone(identifier: timezone) else { throw ValidationError("unknown time zone '\(timezone)'") }
            importer.zone = zone
            importer.autoTags = autoTags
            guard let breaks = JSONImporter.LineBreaks(rawValue: lineBreaks) else { throw ValidationError("--line-breaks: expected paragraph or wrap, got '\(lineBreaks)'") }
            importer.lineBreaks = breaks
            let progress = verbosity.progress()
            progress.begin("import", unit: "records", total: nil)
            importer.progress = { progress.advance($0, of: $1) }
            let report: JSONImporter.Report
            do {
                report = try importer.run(files: files.map { URL(fileURLWithPath: $0) }, into: URL(fileURLWithPath: into))
            } catch {
                progress.end()
                printError("\(error)")
                throw ExitCode(2)
            }
            progress.end()
            for diagnostic in report.skipped + report.duplicates { printError(diagnostic.description) }
            if verbosity.quiet { return }
            print("\(report.records) records: \(report.kept) kept (\(report.written.count) files written, \(report.unchanged) unchanged), "
                  + "\(report.duplicates.count) merged (\(report.mergedSameURL) same URL, \(report.mergedSameText) same source, title, day and text), "
                  + "\(report.skipped.count) skipped; \(report.controlCharacters) control characters removed")
            if let siteConfig = report.siteConfig { print("wrote \(siteConfig): set base_url there before publishing") }
        }
    }

    struct PageCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "page",
            abstract: "Write scraped pages (.txt) as Markdown with front matter, as Warraq understands them."
        )

        @Argument(help: "Scraped page files.")
        var files: [String]

        @Option(help: "The folder to write into.")
        var into: String

        func run() throws {
            let result: (written: [String], diagnostics: [Diagnostic])
            do {
                result = try PageImporter().run(files: files.map { URL(fileURLWithPath: $0) }, into: URL(fileURLWithPath: into))
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
            for diagnostic in result.diagnostics { printError(diagnostic.description) }
            for path in result.written { print(path) }
            if result.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
        }
    }
}
