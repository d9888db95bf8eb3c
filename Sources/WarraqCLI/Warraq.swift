import ArgumentParser

@main
struct WarraqCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warraq",
        abstract: "Builds right-to-left static sites from Arabic news archives.",
        subcommands: [BuildCommand.self, ServeCommand.self, ImportCommand.self, TagsCommand.self, RelatedCommand.self],
        defaultSubcommand: BuildCommand.self
    )
}
