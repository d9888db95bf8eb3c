import Foundation

/// The search step of a build: the records of the plan's articles, indexed by Pagefind only when they
/// differ from those the index in the output was made from.
extension SiteBuild {
    struct SearchOutcome {
        var staged: [OutputWriter.Staged] = []
        var diagnostics: [Diagnostic] = []
        /// Whether the indexer ran (false: the records were those of the index already written).
        var indexed = false
    }

    func searchIndex(_ plan: SitePlan, indexer: Pagefind, writer: OutputWriter) throws(SiteError) -> SearchOutcome {
        let records = SearchRecords.records(plan)
        guard !records.isEmpty else { return SearchOutcome() }
        let language = plan.config.language
        let fingerprint = SearchRecords.fingerprint(records, language: language, indexer: indexer.version)
        if let kept = writer.unchangedSearchBundle(input: fingerprint) { return SearchOutcome(staged: kept) }
        let indexing = StepProgress(options.progress, "search", unit: "articles", total: nil)
        defer { indexing.end() }
        let files: [(path: String, data: Data)]
        do throws(Pagefind.IndexError) {
            files = try indexer.index(records, language: language)
        } catch {
            // The site is still worth publishing; the search page says the index is missing.
            return SearchOutcome(diagnostics: [Diagnostic(.error, path: options.output.path + "/" + OutputWriter.searchFolder,
                                                          "the search index was not written: \(indexer.command.joined(separator: " ")): \(error)")])
        }
        return SearchOutcome(staged: try writer.stageSearchBundle(files, input: fingerprint), indexed: true)
    }

    /// Whether this build makes a search index, and with what: `site.yml`'s `search:` and the options
    /// decide, and a missing indexer is said once, with how to install it.
    func searchIndexer(_ config: SiteConfig) -> (indexer: Pagefind?, diagnostics: [Diagnostic]) {
        guard options.search, config.search != false else { return (nil, []) }
        if let found = Pagefind.locate(environment: options.searchEnvironment ?? ProcessInfo.processInfo.environment) { return (found, []) }
        let path = options.archiveDisplay + (config.search == true ? "/site.yml" : "")
        return (nil, [.warning(path, "search is off: Pagefind is not installed (\(Pagefind.installHint)); the site is written without a search page")])
    }
}
