import Foundation
import Templates

/// The one place that knows the order of a build: read the configuration and the theme, read the
/// archive, plan the site, render every page, write what changed.
///
/// Everything that can fail for the whole site (configuration, templates, rendering) happens before the
/// output folder is touched, so a failed build leaves the previous site whole. A build whose inputs and
/// output are as the last one recorded (`BuildState`) stops after reading the configuration and the theme.
public struct SiteBuild {
    public let options: BuildOptions

    public init(_ options: BuildOptions) {
        self.options = options
    }

    /// The steps up to the plan: what `build`, `related` and the preview server share.
    public func plan() throws(SiteError) -> (plan: SitePlan, theme: Theme, archive: Archive, readAlso: ReadAlsoEngine) {
        var clock = StepClock()
        let planned = try plan(prepare(&clock, search: false), &clock, keepsEngine: true)
        return (planned.plan, planned.theme, planned.archive, planned.readAlso!)
    }

    /// What a build reads before any article: the configuration, the theme, the search indexer, and the
    /// names of the files.
    private struct Inputs {
        var config: SiteConfig
        var configWarnings: [Diagnostic]
        var siteFile: Data?
        var theme: Theme
        var indexer: Pagefind?
        var searchWarnings: [Diagnostic]
        var reader: ArchiveReader
        var files: [String]
        /// The archive's other files (pictures), whose changes a rebuild must see.
        var others: [String]
        var skipped: [Diagnostic]
        var statics: [String]
        var skippedStatics: [Diagnostic]
    }

    private func prepare(_ clock: inout StepClock, search: Bool) throws(SiteError) -> Inputs {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.archive.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .archiveNotFound(path: options.archiveDisplay)
        }
        let configPath = options.archive.appendingPathComponent("site.yml").path
        var (config, configWarnings) = try SiteConfigReader(path: configPath).read()
        if let override = options.baseURL {
            guard let base = BaseURL(override) else { throw .config(path: "--base-url", line: nil, reason: "'\(override)' is not an http or https URL without control characters") }
            config.baseURL = base
            config.baseURLIsSet = true
        }
        let (indexer, searchWarnings) = search ? searchIndexer(config) : (nil, [])
        config.search = indexer != nil
        let theme: Theme
        do {
            theme = try Theme.load(overrides: options.archive.appendingPathComponent("templates"), names: TemplateNames.all, openNames: TemplateNames.open)
        } catch {
            throw .template(path: shown(error.path), line: error.line, reason: error.reason)
        }
        clock.lap("configuration and theme")
        let reader = ArchiveReader(folder: options.archive, displayPrefix: options.archiveDisplay, config: config)
        let (files, others, skipped) = reader.walked()
        let (statics, skippedStatics) = staticFiles(followSymlinks: config.followSymlinks)
        return Inputs(config: config, configWarnings: configWarnings, siteFile: FileManager.default.contents(atPath: configPath),
                      theme: theme, indexer: indexer, searchWarnings: searchWarnings, reader: reader, files: files, others: others, skipped: skipped, statics: statics, skippedStatics: skippedStatics)
    }

    /// `savesCache`: false for `check`, which writes no file, the article cache included.
    /// `keepsEngine`: the read-also engine is given back (to explain its scores), not let go once it has chosen.
    private func plan(_ inputs: Inputs, _ clock: inout StepClock, savesCache: Bool = true, keepsEngine: Bool = false, afterReading: () -> Void = {}) throws(SiteError)
        -> (plan: SitePlan, theme: Theme, archive: Archive, readAlso: ReadAlsoEngine?, indexer: Pagefind?, images: ImageReader.Outcome, cache: ArticleCache?) {
        let (config, theme, reader, files) = (inputs.config, inputs.theme, inputs.reader, inputs.files)
        let reading = StepProgress(options.progress, "read", unit: "articles", total: files.count)
        if savesCache { POSIX.removeAbandonedDrafts(in: options.archive.appendingPathComponent(".warraq-cache").path) }
        let cache = articleCache(inputs, writes: savesCache)
        var archive = reader.read(files, skipped: inputs.skipped, cache: cache, fileDone: reading.itemDone)
        reading.end()
        if let cache {
            if savesCache { cache.save(keeping: files) }
            clock.lap("read (\(cache.misses) parsed, \(files.count - cache.misses) from cache)")
        } else {
            clock.lap("read")
        }
        afterReading()
        archive.diagnostics = inputs.configWarnings.map { Diagnostic(.warning, path: options.archiveDisplay + "/site.yml", line: $0.line, $0.message) }
            + baseURLWarning(config) + inputs.searchWarnings
            + theme.warnings.map { Diagnostic(.warning, path: shown($0.path), line: $0.line, $0.reason) }
            + archive.diagnostics
        archive.diagnostics += inputs.skippedStatics
        let images = ImageReader(archive: options.archive, displayPrefix: options.archiveDisplay,
                                 cache: options.imageCache ?? options.archive.appendingPathComponent(".warraq-cache/images"),
                                 followSymlinks: config.followSymlinks)
            .read(archive.articles.filter { options.includeDrafts || !$0.draft }, staticFiles: Set(inputs.statics))
        archive.diagnostics += images.diagnostics
        clock.lap("images")
        let planning = StepProgress(options.progress, "plan", unit: "articles", total: nil)
        defer { planning.end() }
        let memoryFile = readAlsoMemory()
        let key = cacheKey(inputs)
        let words = wordsFile(key: key, writes: savesCache)
        let (plan, readAlso, memory, scored, chosen) = try SitePlanner(config: config, includeDrafts: options.includeDrafts, staticFiles: inputs.statics, images: images)
            .plan(archive, remembering: memoryFile?.load(key: key), words: words, shortlists: savesCache ? memoryFile?.draft(key: key) : nil,
                  keepsEngine: keepsEngine) { clock.lap($0) }
        if savesCache { memoryFile?.save(memory, key: key) }
        let wordsRead = words.map { "; words: \($0.read) read, \(plan.articles.count - $0.read) remembered" } ?? ""
        clock.lap("plan: pages and memory (read-also: \(scored) scored, \(plan.articles.count - scored) remembered, \(chosen) lists chosen\(wordsRead))")
        return (plan, theme, archive, readAlso, inputs.indexer, images, cache)
    }

    /// Builds the site into the output folder.
    public func run() throws(SiteError) -> BuildReport {
        try execute(writing: true)
    }

    /// Everything `run` does and reports except writing: every page is rendered and thrown away, the
    /// output folder is not touched (nor created). What `warraq check` runs before a site is published.
    public func check() throws(SiteError) -> BuildReport {
        try execute(writing: false)
    }

    /// Reads and plans the archive as `run` does, read-also included, and keeps the caches of
    /// `.warraq-cache/` up to date, but renders no page and does not touch the output folder: what an
    /// archive too large for the disk's output, or a benchmark of the planning alone, asks for.
    public func dryRun() throws(SiteError) -> BuildReport {
        let started = Date()
        var clock = StepClock()
        let inputs = try prepare(&clock, search: false)
        let (plan, _, archive, _, _, images, _) = try plan(inputs, &clock)
        var report = BuildReport()
        report.articles = plan.articles.count
        report.files = plan.pages.count
        report.imagesProcessed = images.processed
        report.imagesCached = images.cached
        report.diagnostics = archive.diagnostics + plan.diagnostics
        report.seconds = Date().timeIntervalSince(started)
        report.steps = clock.laps
        return report
    }

    private func execute(writing: Bool) throws(SiteError) -> BuildReport {
        let started = Date()
        var clock = StepClock()
        let inputs = try prepare(&clock, search: writing && options.search)
        var state: BuildState?
        if writing {
            let (unchanged, next) = compareWithLastBuild(inputs)
            if let unchanged {
                clock.lap("nothing changed (state)")
                return unchangedReport(unchanged, started: started, clock: clock)
            }
            state = next
            clock.lap("input identities")
        }
        // The read-also engine's indexes are not needed to render: let them go.
        // The previous manifest is parsed beside the planning, whose steps leave a core idle, rather than
        // beside the reading, which uses both.
        var preload: ManifestPreload?
        let (plan, theme, archive, _, indexer, images, cache) = try plan(inputs, &clock, savesCache: writing) {
            if writing { preload = ManifestPreload(root: options.output) }
        }
        let unreadableBefore = cache?.unreadable.value ?? 0
        let renderer = PageRenderer(plan: plan, theme: theme, archiveFolder: options.archive)
        let writer = writing ? try OutputWriter(root: options.output, verify: options.verify, preloaded: preload) : nil
        if writing { clock.lap("cards and previous manifest") }
        let failure = Locked<SiteError?>(nil)
        let rendered = Counter()
        let rendering = StepProgress(options.progress, "render", unit: "pages", total: plan.pages.count)
        let staged = Parallel.map(plan.pages, minimumChunk: 32) { page -> OutputWriter.Staged? in
            defer { rendering.itemDone() }
            do throws(SiteError) {
                guard let writer else {
                    _ = rendered.increment()
                    _ = try renderer.render(page)
                    return nil
                }
                let prepared = try renderer.prepare(page)
                if let unchanged = writer.unchanged(page.path, input: prepared.fingerprint) { return unchanged }
                _ = rendered.increment()
                return try writer.stage(page.path, prepared.render(), input: prepared.fingerprint)
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
                return nil
            }
        }
        rendering.end()
        clock.lap(writing ? "render and stage" : "render")
        if let failure = failure.withLock({ $0 }) {
            writer?.discardStaging()
            throw failure
        }
        var search = SearchOutcome()
        if let writer, let indexer {
            do {
                search = try searchIndex(plan, indexer: indexer, writer: writer)
            } catch {
                writer.discardStaging()
                throw error
            }
            clock.lap(search.indexed ? "search index" : "search index (records unchanged)")
        }
        if let cache, cache.unreadable.value > unreadableBefore {
            writer?.discardStaging()
            cache.forget()
            throw .input(path: shown(ArticleCache.file(in: options.archive).path), line: nil,
                         reason: "\(cache.unreadable.value - unreadableBefore) article bodies could not be read back from the article cache; nothing was written. Build again: the cache is checked as it is read")
        }
        var report = BuildReport()
        report.articles = plan.articles.count
        report.files = plan.pages.count + search.staged.count
        report.rendered = rendered.value
        report.imagesProcessed = images.processed
        report.imagesCached = images.cached
        report.diagnostics = archive.diagnostics + plan.diagnostics + search.diagnostics
        if let writer {
            let changes = (staged.compactMap { $0 } + search.staged).filter { if case .changed = $0 { return true } else { return false } }.count
            let outcome: OutputWriter.Outcome
            do {
                let committing = StepProgress(options.progress, "write", unit: "files", total: changes)
                defer { committing.end() }
                outcome = try writer.commit(staged.compactMap { $0 } + search.staged, fileWritten: committing.itemDone)
            }
            clock.lap("commit")
            report.written = outcome.written
            report.unchanged = outcome.unchanged
            report.removed = outcome.removed
            report.kept = outcome.kept
            report.repaired = outcome.repaired
            report.recovered = writer.recovered
            let output = options.output.path + "/"
            report.diagnostics += outcome.kept.map { path in
                Diagnostic.warning(output + path, "not written by Warraq: kept, and the generated page not written")
            }
            report.diagnostics += outcome.blocked.map { Diagnostic(.error, path: output + $0.path, $0.reason) }
            if options.verify {
                report.diagnostics += try OutputWriter.mismatches(in: options.output).map {
                    Diagnostic(.error, path: output + $0, "does not hold what the manifest says Warraq wrote")
                }
                clock.lap("verify")
            }
            record(&state, report: report, outcome: outcome)
            options.proofs?(PageProof(plan: plan, theme: theme, archive: options.archive, archiveDisplay: options.archiveDisplay,
                                      includeDrafts: options.includeDrafts))
        }
        report.seconds = Date().timeIntervalSince(started)
        report.steps = clock.laps
        return report
    }

    /// The article cache this build reads through, made ready for its configuration: what an article is
    /// read into depends on this Warraq, `site.yml`, the base URL given and the name the archive is shown by.
    private func articleCache(_ inputs: Inputs, writes: Bool) -> ArticleCache? {
        guard options.readsCache, !options.verify else { return nil }
        let cache = options.articleCache ?? ArticleCache(file: ArticleCache.file(in: options.archive))
        cache.use(key: cacheKey(inputs), writes: writes)
        return cache
    }

    /// Read-also's shortlists of the last build (`ReadAlsoMemory`), unless this build trusts no cache.
    private func readAlsoMemory() -> ReadAlsoMemoryFile? {
        guard options.readsCache, !options.verify else { return nil }
        return options.readAlsoMemory ?? ReadAlsoMemoryFile(file: ReadAlsoMemoryFile.file(in: options.archive))
    }

    /// The articles' words as the last build read them (`WordsFile`), unless this build trusts no cache.
    private func wordsFile(key: String, writes: Bool) -> WordsFile? {
        guard options.readsCache, !options.verify else { return nil }
        let file = WordsFile(file: WordsFile.file(in: options.archive), writes: writes)
        file.use(key: key)
        return file
    }

    /// What the caches were made under: this Warraq, the archive and its name, `site.yml`.
    private func cacheKey(_ inputs: Inputs) -> String {
        var hash = StableHash()
        if let executable = Bundle.main.executableURL {
            hash.combine(executable.path + "|" + (BuildState.FileIdentity(executable.path).map { "\($0.size)|\($0.modified)|\($0.inode)" } ?? ""))
        }
        for part in [WarraqVersion.current, options.archive.standardizedFileURL.path, options.archiveDisplay, options.baseURL ?? "\u{0}",
                     String(describing: inputs.config.search)] {
            hash.combine(part)
            hash.combine([0])
        }
        hash.combine(inputs.siteFile ?? Data([0xFF]))
        return hash.hex
    }

    /// The last build's state when nothing it was made from has changed and its output is whole; otherwise
    /// the start of the state this build will record (nil when an input changed too recently to be trusted).
    /// Identities are taken before anything is read, so an edit made during this build is seen by the next.
    private func compareWithLastBuild(_ inputs: Inputs) -> (unchanged: BuildState?, next: BuildState?) {
        let startedAt = BuildState.now
        let key = BuildState.key(options: options, siteFile: inputs.siteFile, themeFiles: inputs.theme.files,
                                 indexer: inputs.indexer.map { ($0.command + [$0.version]).joined(separator: " ") } ?? "-")
        let identities = BuildState.identities(archive: options.archive, articleFiles: inputs.files, staticFiles: inputs.statics,
                                               otherFiles: inputs.others)
        if !options.verify, let last = BuildState.recorded(in: options.output), last.key == key, last.inputs == identities,
           last.outputHolds(options.output) {
            return (last, nil)
        }
        guard !BuildState.racy(identities, start: startedAt) else { return (nil, nil) }
        return (nil, BuildState(key: key, inputs: identities, manifest: .init(size: 0, modified: 0, changed: 0, inode: 0), articles: 0, files: 0, diagnostics: []))
    }

    /// Records what this build was made from, so that a rebuild with no change can stop at the start;
    /// a build that left something undone (a file kept or blocked) or saw an input change under it records nothing.
    private func record(_ state: inout BuildState?, report: BuildReport, outcome: OutputWriter.Outcome) {
        let manifest = BuildState.FileIdentity(options.output.standardizedFileURL.path + "/" + Manifest.fileName, followLinks: false)
        guard var recorded = state, let manifest, outcome.kept.isEmpty, outcome.blocked.isEmpty else {
            return BuildState.remove(from: options.output)
        }
        recorded.manifest = manifest
        recorded.articles = report.articles
        recorded.files = report.files
        recorded.diagnostics = report.diagnostics
        recorded.record(in: options.output)
    }

    /// The last build's report, told again: every file as it was, none rendered or written.
    private func unchangedReport(_ state: BuildState, started: Date, clock: StepClock) -> BuildReport {
        var report = BuildReport()
        report.articles = state.articles
        report.files = state.files
        report.unchanged = state.files
        report.diagnostics = state.diagnostics
        report.seconds = Date().timeIntervalSince(started)
        report.steps = clock.laps
        return report
    }

    /// A site published with the default base URL links every feed, sitemap and canonical address to
    /// localhost: said before it goes out. The preview server gives its own address, so it never hears it.
    private func baseURLWarning(_ config: SiteConfig) -> [Diagnostic] {
        guard options.baseURL == nil, !config.baseURLIsSet else { return [] }
        return [.warning(options.archiveDisplay + "/site.yml", "base_url is not set: canonical links, feeds and sitemaps point to "
                         + "\(config.baseURL.absolute) (set base_url, or build with --base-url)")]
    }

    /// A path inside the archive as the user named the archive (`seeds/templates/article.mustache`).
    private func shown(_ path: String) -> String {
        let prefix = options.archive.standardizedFileURL.path + "/"
        return path.hasPrefix(prefix) ? options.archiveDisplay + "/" + path.dropFirst(prefix.count) : path
    }

    /// Files of the archive's `static/` folder, copied as they are, and a warning for each link to a file
    /// outside the archive, skipped unless `follow_symlinks: true`.
    private func staticFiles(followSymlinks: Bool) -> (files: [String], skipped: [Diagnostic]) {
        let folder = options.archive.appendingPathComponent("static")
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return ([], []) }
        var files: [String] = [], skipped: [Diagnostic] = []
        while let relative = walker.nextObject() as? String {
            let parts = relative.split(separator: "/")
            guard !parts.contains(where: { $0.hasPrefix(".") }) else { continue }
            let full = folder.appendingPathComponent(relative).path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            var status = stat()
            if !followSymlinks, lstat(full, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
               ArchiveReader.leadsOutside(full, root: options.archive.path) {
                skipped.append(.warning(options.archiveDisplay + "/static/" + relative, ArchiveReader.linkOutside))
                continue
            }
            files.append(relative)
        }
        return (files.sorted(), skipped)
    }
}

/// Wall time of each step of a build.
struct StepClock {
    private(set) var laps: [(name: String, seconds: Double)] = []
    private var last = DispatchTime.now().uptimeNanoseconds

    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((name, Double(now - last) / 1e9))
        last = now
    }
}
