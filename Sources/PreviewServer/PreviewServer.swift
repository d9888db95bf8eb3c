import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Templates
import Warraq

/// `warraq serve`: builds the archive with the local address as its base URL, serves the output, watches
/// the archive and rebuilds on change, telling open pages to reload. A failed rebuild keeps the last good
/// site and shows its error in the terminal and in the browser.
public struct PreviewServer: Sendable {
    public var archive: URL
    public var archiveDisplay: String
    public var output: URL
    public var host: String
    public var port: Int
    public var includeDrafts: Bool
    /// Also watch the default theme: for working on Warraq itself.
    public var watchTheme: Bool
    /// Called with each build's outcome (the CLI prints it).
    public var report: @Sendable (Result<BuildReport, SiteError>) -> Void
    /// What each article file was read into, kept in memory between saves (and in the archive's
    /// `.warraq-cache/articles`): a save parses the saved file only.
    let articles: ArticleCache
    /// Read-also's shortlists, kept between saves so that a save scores only what it can change.
    let readAlso: ReadAlsoMemoryFile
    /// An edited article's page, shown at once from the last build's plan while the site is rebuilt.
    let proofs = ProofDesk()

    public init(archive: URL, archiveDisplay: String, output: URL, host: String = "127.0.0.1", port: Int = 1313,
                includeDrafts: Bool = false, watchTheme: Bool = false, report: @escaping @Sendable (Result<BuildReport, SiteError>) -> Void = { _ in }) {
        self.archive = archive
        self.archiveDisplay = archiveDisplay
        self.output = output
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.watchTheme = watchTheme
        self.report = report
        articles = ArticleCache(file: ArticleCache.file(in: archive))
        readAlso = ReadAlsoMemoryFile(file: ReadAlsoMemoryFile.file(in: archive))
    }

    /// The address pages are built for: what the browser sees, so every link stays on the preview.
    public var localBaseURL: String {
        let shownHost = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
        return "http://\(shownHost.contains(":") ? "[\(shownHost)]" : shownHost):\(port)/"
    }

    @discardableResult
    func build(events: ReloadEvents?) async -> Bool {
        var options = BuildOptions(archive: archive, archiveDisplay: archiveDisplay, output: output, includeDrafts: includeDrafts, baseURL: localBaseURL)
        options.articleCache = articles
        options.readAlsoMemory = readAlso
        let proofs = proofs
        options.proofs = { proofs.keep($0) }
        do {
            let result = try SiteBuild(options).run()
            proofs.clear()
            report(.success(result))
            await events?.rebuilt()
            return true
        } catch {
            proofs.clear()
            report(.failure(error))
            await events?.failed(error.description)
            return false
        }
    }

    /// After a save: the edited articles' pages proofed and open pages told to reload, then the rebuild.
    func rebuild(_ changed: [String], events: ReloadEvents) async {
        let root = archive.resolvingSymlinksInPath().path + "/"
        let files = changed.compactMap { path -> String? in
            let path = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : nil
        }
        if files.count == changed.count, proofs.proofread(files) { await events.rebuilt() }
        await build(events: events)
    }

    /// Builds, then serves until the task is cancelled or the process gets SIGINT or SIGTERM.
    public func run(onRunning: @escaping @Sendable () async -> Void = {}) async throws {
        let events = ReloadEvents()
        await build(events: nil)
        let router = Router()
        let proofs = proofs
        router.add(middleware: StaticSite(root: output, reloadScript: ReloadEvents.script, shown: { proofs.page($0) }))
        router.get("/__warraq/events") { _, _ -> Response in
            let stream = await events.subscribe()
            var headers = HTTPFields()
            headers[.contentType] = "text/event-stream; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            // The stream ends on Ctrl-C, so the server does not wait for open pages forever.
            let events = stream.cancelOnGracefulShutdown()
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                do {
                    for try await event in events { try await writer.write(ByteBuffer(string: event)) }
                } catch {
                    // The page was closed: nothing to tell it any more.
                }
                try? await writer.finish(nil)
            })
        }
        var logger = Logger(label: "warraq.serve")
        logger.logLevel = .critical
        let app = Application(router: router,
                              server: .http1(configuration: .init(additionalChannelHandlers: [HTTP10ConnectionCloseInstaller()])),
                              configuration: .init(address: .hostname(host, port: port), serverName: "warraq"),
                              onServerRunning: { _ in await onRunning() }, logger: logger)
        var folders = [archive]
        if watchTheme { folders.append(Theme.defaultFolder) }
        let watcher = ArchiveWatcher(folders: folders)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService() }
            group.addTask {
                await watcher.watch { await self.rebuild($0, events: events) }
            }
            // The server ends first (Ctrl-C); then the watcher is stopped.
            try await group.next()
            group.cancelAll()
        }
    }
}
