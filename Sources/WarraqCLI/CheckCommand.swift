import ArgumentParser
import Foundation
import Warraq

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every problem a build would, writing nothing.",
        discussion: """
            Reads the archive, plans the site and renders every page as `build` does, then throws the pages \
            away: the same `path:line:` messages and exit status (1 for an article that cannot be read, 2 for \
            a configuration or template error), and no file written anywhere.
            """
    )

    @Argument(help: "The archive folder.")
    var archive = "seeds"

    @Flag(help: "Check drafts too.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Overrides base_url of site.yml.")
    var baseURL: String?

    @OptionGroup var verbosity: Verbosity

    func run() throws {
        // The output folder is never created or read: check renders into memory only.
        let options = BuildOptions(archive: URL(fileURLWithPath: archive), archiveDisplay: archive,
                                   output: FileManager.default.temporaryDirectory.appendingPathComponent("warraq-check-unused"),
                                   includeDrafts: drafts, baseURL: baseURL, progress: verbosity.progress())
        let report: BuildReport
        do {
            report = try SiteBuild(options).check()
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        for diagnostic in report.diagnostics { printError(diagnostic.description) }
        if !verbosity.quiet {
            print(String(format: "%d articles, %d pages checked; %d errors, %d warnings; %.2f s",
                         report.articles, report.files, report.errorCount, report.warningCount, report.seconds))
        }
        if !report.succeeded { throw ExitCode.failure }
    }
}
