import ArgumentParser

@main
struct WarraqCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warraq",
        abstract: "Builds right-to-left static sites from Arabic news archives.",
        subcommands: [BuildCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
