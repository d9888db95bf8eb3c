/// What a build did, for the summary line and the exit status.
public struct BuildReport: Sendable {
    public var articles = 0
    public var files = 0
    /// Pages rendered; the others were unchanged in what they are made of and skipped.
    public var rendered = 0
    public var written: [String] = []
    public var unchanged = 0
    public var removed: [String] = []
    public var kept: [String] = []
    /// Output files that held other bytes than the manifest says (a killed build, an edit by hand): rewritten.
    public var repaired: [String] = []
    /// The last build was stopped midway through writing; this one checked what it left.
    public var recovered = false
    public var diagnostics: [Diagnostic] = []
    /// Article images decoded and scaled in this build, and those whose variants came from the cache.
    public var imagesProcessed = 0
    public var imagesCached = 0
    public var seconds = 0.0
    /// Seconds spent in each step, in order (`warraq build --timings`): where a slow build spends its time.
    public var steps: [(name: String, seconds: Double)] = []

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
    /// A build with an article that could not be read wrote the rest, but must not look like a success.
    public var succeeded: Bool { errorCount == 0 }
}
