import ArgumentParser
import Foundation
import PreviewServer
import Warraq

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, serve on a local address, rebuild on change and reload open pages."
    )

    @Argument(help: "The archive folder.")
    var archive = "seeds"

    @Option(help: "The port to listen on.")
    var port = 1313

    @Option(help: "The address to listen on. Anything but 127.0.0.1 exposes the preview to the network.")
    var host = "127.0.0.1"

    @Option(name: .shortAndLong, help: "Where the preview is built (default: a new private folder in the temporary directory, removed on exit, so Public/ keeps the published build).")
    var output: String?

    @Flag(help: "Publish drafts too.")
    var drafts = false

    @Flag(name: .customLong("watch-theme"), help: "Also rebuild when the default theme changes (working on Warraq itself).")
    var watchTheme = false

    func run() async throws {
        let archiveURL = URL(fileURLWithPath: archive).standardizedFileURL
        let privateFolder = output == nil ? try PreviewFolder() : nil
        defer { privateFolder?.remove() }
        let outputURL = output.map { URL(fileURLWithPath: $0) } ?? privateFolder!.url
        if host != "127.0.0.1" && host != "localhost" && host != "::1" {
            printError("warning: listening on \(host): the preview is reachable from other machines")
        }
        let server = PreviewServer(archive: archiveURL, archiveDisplay: archive, output: outputURL, host: host, port: port,
                                   includeDrafts: drafts, watchTheme: watchTheme) { result in
            switch result {
            case .success(let report):
                for diagnostic in report.diagnostics { printError(diagnostic.description) }
                printLine(String(format: "built %d articles: %d files written, %d removed (%.2f s)", report.articles, report.written.count,
                             report.removed.count, report.seconds))
            case .failure(let error):
                printError("\(error)")
                printError("the rebuild failed; serving the last good site")
            }
        }
        try await server.run {
            printLine("serving \(archive) at \(server.localBaseURL) (from \(outputURL.path)); Ctrl-C stops")
        }
    }
}
