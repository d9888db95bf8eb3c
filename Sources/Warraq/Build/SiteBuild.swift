import Foundation
import Templates

/// The one place that knows the order of a build: read the configuration and the theme, read the
/// archive, plan the site, render every page, write what changed.
///
/// Everything that can fail for the whole site (configuration, templates, rendering) happens before the
/// output folder is touched, so a failed build leaves the previous site whole.
public struct SiteBuild {
    public let options: BuildOptions

    public init(_ options: BuildOptions) {
        self.options = options
    }

    /// The steps up to the plan: what `build`, `related` and the preview server share.
    public func plan() throws(SiteError) -> (plan: SitePlan, theme: Theme, archive: Archive, readAlso: ReadAlsoEngine) {
        var clock = StepClock()
        let planned = try plan(&clock)
        return (planned.plan, planned.theme, planned.archive, planned.readAlso)
    }

    private func plan(_ clock: inout StepClock) throws(SiteError) -> (plan: SitePlan, theme: Theme, archive: Archive, readAlso: ReadAlsoEngine, images: ImageReader.Outcome) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: options.archive.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .archiveNotFound(path: options.archiveDisplay)
        }
        let configPath = options.archive.appendingPathComponent("site.yml").path
        var (config, configWarnings) = try SiteConfigReader(path: configPath).read()
        if let override = options.baseURL {
            guard let base = BaseURL(override) else { throw .invalidConfig(path: "--base-url", line: nil, reason: "'\(override)' is not an http or https URL without control characters") }
            config.baseURL = base
            config.baseURLIsSet = true
        }
        let theme: Theme
        do {
            theme = try Theme.load(overrides: options.archive.appendingPathComponent("templates"))
        } catch {
            throw .invalidTemplate(path: shown(error.path), line: error.line, reason: error.reason)
        }
        clock.lap("configuration and theme")
        let reader = ArchiveReader(folder: options.archive, displayPrefix: options.archiveDisplay, config: config)
        let (files, skipped) = reader.walked()
        let reading = StepProgress(options.progress, "read", unit: "articles", total: files.count)
        var archive = reader.read(files, skipped: skipped, fileDone: reading.itemDone)
        reading.end()
        clock.lap("read")
        archive.diagnostics = configWarnings.map { Diagnostic(.warning, path: options.archiveDisplay + "/site.yml", line: $0.line, $0.message) }
            + baseURLWarning(config)
            + theme.warnings.map { Diagnostic(.warning, path: shown($0.path), line: $0.line, $0.reason) }
            + archive.diagnostics
        let (statics, skippedStatics) = staticFiles(followSymlinks: config.followSymlinks)
        archive.diagnostics += skippedStatics
        let images = ImageReader(archive: options.archive, displayPrefix: options.archiveDisplay,
                                 cache: options.imageCache ?? options.archive.appendingPathComponent(".warraq-cache/images"),
                                 followSymlinks: config.followSymlinks)
            .read(archive.articles.filter { options.includeDrafts || !$0.draft }, staticFiles: Set(statics))
        archive.diagnostics += images.diagnostics
        clock.lap("images")
        let planning = StepProgress(options.progress, "plan", unit: "articles", total: nil)
        defer { planning.end() }
        let (plan, readAlso) = try SitePlanner(config: config, includeDrafts: options.includeDrafts, staticFiles: statics, images: images).plan(archive)
        clock.lap("plan (read-also included)")
        return (plan, theme, archive, readAlso, images)
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

    private func execute(writing: Bool) throws(SiteError) -> BuildReport {
        let started = Date()
        var clock = StepClock()
        // The read-also engine's indexes are not needed to render: let them go.
        let (plan, theme, archive, _, images) = try plan(&clock)
        let renderer = PageRenderer(plan: plan, theme: theme, archiveFolder: options.archive)
        let writer = writing ? try OutputWriter(root: options.output, verify: options.verify) : nil
        if writing { clock.lap("previous manifest") }
        var failure: SiteError?
        let lock = NSLock()
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
                let input = renderer.fingerprint(page)
                if let unchanged = writer.unchanged(page.path, input: input) { return unchanged }
                _ = rendered.increment()
                return try writer.stage(page.path, renderer.render(page), input: input)
            } catch {
                lock.withLock { if failure == nil { failure = error } }
                return nil
            }
        }
        rendering.end()
        clock.lap(writing ? "render and stage" : "render")
        if let failure {
            writer?.discardStaging()
            throw failure
        }
        var report = BuildReport()
        report.articles = plan.articles.count
        report.files = plan.pages.count
        report.rendered = rendered.value
        report.imagesProcessed = images.processed
        report.imagesCached = images.cached
        report.diagnostics = archive.diagnostics + plan.diagnostics
        if let writer {
            let changes = staged.filter { if case .changed = $0 { return true } else { return false } }.count
            let outcome: OutputWriter.Outcome
            do {
                let committing = StepProgress(options.progress, "write", unit: "files", total: changes)
                defer { committing.end() }
                outcome = try writer.commit(staged.compactMap { $0 }, fileWritten: committing.itemDone)
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
        }
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
