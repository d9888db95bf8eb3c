/// Whoever wants to know how far a long build has got: the command line draws it on a terminal. The
/// library only counts; how (or whether) progress is shown is the caller's business.
///
/// Steps come one after another, `begin` and `end` from the thread that runs the build; `advance` comes
/// from any thread, once per item, so an implementation must be cheap and thread-safe there.
public protocol BuildProgress: AnyObject, Sendable {
    /// A step starts: `step` is its name (`read`, `plan`, `render`, `write`), `unit` what it counts
    /// (articles, pages, files), `total` how many, or nil when it cannot say beforehand.
    func begin(_ step: String, unit: String, total: Int?)
    /// `done` items of the current step are through. Counts only grow, but calls from several threads may
    /// arrive out of order.
    func advance(_ done: Int)
    /// The current step is over.
    func end()
}

/// Reports a step's items as they are done, from any thread.
struct StepProgress: Sendable {
    private let progress: BuildProgress?
    private let counter = Counter()

    /// Starts the step on `progress` (nothing happens without one).
    init(_ progress: BuildProgress?, _ step: String, unit: String, total: Int?) {
        self.progress = progress
        progress?.begin(step, unit: unit, total: total)
    }

    func itemDone() {
        guard let progress, let done = counter.increment() else { return }
        progress.advance(done)
    }

    func end() {
        progress?.end()
    }
}
