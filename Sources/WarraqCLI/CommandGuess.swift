import ArgumentParser

/// What an argument is when it names no subcommand where one is expected. `build` is the default, so an
/// archive folder may stand first (`warraq seeds`), but a word that is no folder is a mistyped command
/// (`warraq biuld`), and is answered as one rather than as "no such archive folder"; so is a mistyped
/// subcommand of `new`, `import` or `tags` (`warraq new sit`).
struct CommandGuess {
    let root: ParsableCommand.Type
    let exists: (String) -> Bool

    /// The message to fail with, or nil when the arguments are fine as they are.
    func problem(_ arguments: [String]) -> String? {
        var command = root
        var path: [String] = []
        for argument in arguments {
            let subcommands = command.configuration.subcommands
            guard !argument.hasPrefix("-"), !subcommands.isEmpty else { return nil }
            if let subcommand = subcommands.first(where: { $0.configuration.commandName == argument }) {
                command = subcommand
                path.append(argument)
                continue
            }
            if command.configuration.defaultSubcommand != nil && exists(argument) { return nil }
            // `warraq help build`: ArgumentParser's own.
            if path.isEmpty && argument == "help" { return nil }
            let names = subcommands.compactMap { $0.configuration.commandName }
            let typed = (path + [argument]).joined(separator: " ")
            if let near = Self.nearest(argument, among: names) {
                return "error: unknown command '\(typed)': did you mean '\((path + [near]).joined(separator: " "))'?"
            }
            let what = command.configuration.defaultSubcommand != nil ? "neither a command nor an archive folder" : "not a command"
            return "error: '\(typed)' is \(what) (commands: \(names.joined(separator: ", ")))"
        }
        return nil
    }

    /// The command a typo most likely meant: the fewest edits away, and close enough to be a typo
    /// (a third of the word, at least one edit) or a beginning of it (`ser` for `serve`).
    static func nearest(_ word: String, among commands: [String]) -> String? {
        let lowered = word.lowercased()
        if let prefixed = commands.first(where: { lowered.count >= 2 && $0.hasPrefix(lowered) }) { return prefixed }
        let scored = commands.map { (command: $0, distance: Self.distance(lowered, $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }),
              best.distance <= max(1, best.command.count / 3) else { return nil }
        return best.command
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbours (`biuld` is one swap from `build`) each count one.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
