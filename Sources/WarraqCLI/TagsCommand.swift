import ArgumentParser
import Foundation
import Warraq

struct TagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "Work with an archive's tags.",
        subcommands: [SuggestCommand.self]
    )

    struct SuggestCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "suggest",
            abstract: "Suggest tags for the archive's untagged articles (keyphrases by TF-IDF)."
        )

        @Argument(help: "The archive folder.")
        var archive = "seeds"

        @Option(help: "How many tags per article.")
        var count = 5

        func run() throws {
            let plan = try plannedArchive(archive).plan
            let tagger = KeyphraseTagger(plan.articles.map { KeyphraseTagger.Document(title: $0.title, body: $0.text) })
            let suggested = tagger.tagsForAll(count: count)
            for (index, article) in plan.articles.enumerated() where article.tags.isEmpty && article.autoTags.isEmpty {
                print("\(article.file):\(article.line): \(article.title)")
                print("  tags: \(suggested[index].joined(separator: "، "))")
            }
        }
    }
}
