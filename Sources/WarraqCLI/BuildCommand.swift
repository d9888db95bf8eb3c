import ArgumentParser
import Foundation
import Warraq

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build an archive folder into a static site."
    )

    @Argument(help: "The archive folder.")
    var archive = "seeds"

    @Option(name: .shortAndLong, help: "Where the site is written.")
    var output = "Public"

    @Flag(help: "Publish drafts too.")
    var drafts = false

    @Option(name: .customLong("base-url"), help: "Overrides base_url of site.yml.")
    var baseURL: String?

    @Flag(help: "Print the seconds each step of the build took.")
    var timings = false

    @OptionGroup var verbosity: Verbosity

    @Flag(name: .customLong("no-search"), help: "Do not make the search index (and page), even when Pagefind is installed and site.yml asks for it.")
    var noSearch = false

    @Flag(help: "Hash every output file instead of trusting sizes and times, rewrite any that changed, then check the output against the manifest.")
    var verify = false

    @Flag(name: .customLong("no-cache"), help: "Read every article file and its words again, and score and choose every article's read-also, instead of taking unchanged ones from .warraq-cache/ (a clean build).")
    var noCache = false

    @Flag(name: .customLong("dry-run"), help: "Read and plan the archive, read-also included, and report; render and write nothing (the caches under .warraq-cache/ are kept).")
    var dryRun = false

    func run() throws {
        let progress = verbosity.progress()
        var options = BuildOptions(archive: URL(fileURLWithPath: archive), archiveDisplay: archive,
                                   output: URL(fileURLWithPath: output), includeDrafts: drafts, baseURL: baseURL, progress: progress, verify: verify)
        options.search = !noSearch
        options.readsCache = !noCache
        let report: BuildReport
        do {
            report = try dryRun ? SiteBuild(options).dryRun() : SiteBuild(options).run()
        } catch {
            printError("\(error)")
            switch error.step {
            case .writing: printError("stopped while writing \(output): fix the cause and build again")
            case .reading: printError("stopped while reading the archive: nothing was written; \(output) is as it was")
            case .configuring: printError("stopped at the configuration: nothing was written; \(output) is as it was")
            case .loadingTheme: printError("stopped at the theme: nothing was written; \(output) is as it was")
            }
            throw ExitCode(2)
        }
        for diagnostic in report.diagnostics { printError(diagnostic.description) }
        if report.recovered { printError("\(output): the last build was stopped while writing; its files were checked by hash") }
        for path in report.repaired { printError("\(output)/\(path): held other bytes than Warraq wrote: rewritten") }
        if !verbosity.quiet {
            if dryRun {
                print(String(format: "%d articles, %d files planned (dry run: none rendered or written); %d errors, %d warnings; %.2f s",
                             report.articles, report.files, report.errorCount, report.warningCount, report.seconds))
            } else {
                print(String(format: "%d articles, %d files (%d rendered): %d written, %d unchanged, %d removed; %d errors, %d warnings; %.2f s",
                             report.articles, report.files, report.rendered, report.written.count, report.unchanged, report.removed.count,
                             report.errorCount, report.warningCount, report.seconds))
            }
            if report.imagesProcessed + report.imagesCached > 0 {
                print("images: \(report.imagesProcessed) processed, \(report.imagesCached) from the cache")
            }
        }
        if timings {
            for step in report.steps { print("  " + (step.name.count < 28 ? step.name.padding(toLength: 28, withPad: " ", startingAt: 0) : step.name + " ") + String(format: "%6.2f s", step.seconds)) }
        }
        if !report.succeeded { throw ExitCode.failure }
    }
}

/// A line on standard output, written at once: the terminal (or a log it is piped to) sees each rebuild
/// of the preview as it happens, without changing the buffering of the C library's `stdout`.
func printLine(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
