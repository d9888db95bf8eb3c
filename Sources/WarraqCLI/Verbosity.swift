import ArgumentParser

/// How much a long command says while it works: `--quiet` only the problems, `--verbose` a line per step too.
struct Verbosity: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors and warnings: no progress, no summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print a line as each step ends (what it counted, how long it took).")
    var verbose = false

    /// How long a step runs before its progress is drawn; tests set 0 to see it on a small archive.
    @Option(name: .customLong("progress-delay"), help: .hidden)
    var progressDelay = 1.0

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose contradict each other; give one") }
    }

    func progress() -> TerminalProgress {
        TerminalProgress(quiet: quiet, verbose: verbose, delay: progressDelay)
    }
}
