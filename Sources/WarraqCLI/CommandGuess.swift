/// What the first argument is when it names no subcommand: `build` is the default, so an archive folder
/// may stand there (`warraq seeds`), but a word that is no folder is a mistyped command (`warraq biuld`),
/// and is answered as one rather than as "no such archive folder".
struct CommandGuess {
    let commands: [String]
    let exists: (String) -> Bool

    /// The message to fail with, or nil when the arguments are fine as they are.
    func problem(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first), !exists(first) else { return nil }
        if let near = nearest(first) {
            return "error: unknown command '\(first)': did you mean '\(near)'?"
        }
        return "error: '\(first)' is neither a command nor an archive folder (commands: \(commands.joined(separator: ", ")))"
    }

    /// The command a typo most likely meant: the fewest edits away, and close enough to be a typo
    /// (a third of the word, at least one edit) or a beginning of it (`ser` for `serve`).
    func nearest(_ word: String) -> String? {
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
