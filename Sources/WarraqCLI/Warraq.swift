import ArgumentParser
import Foundation
import Warraq

@main
struct WarraqCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warraq",
        abstract: "Builds right-to-left static sites from Arabic news archives.",
        version: WarraqVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, NewCommand.self, ImportCommand.self,
                      TagsCommand.self, RelatedCommand.self],
        defaultSubcommand: BuildCommand.self
    )

    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let problem = CommandGuess(root: self, exists: { FileManager.default.fileExists(atPath: $0) }).problem(arguments) {
            printError(problem)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        await main(arguments)
    }
}
