import ArgumentParser
import Foundation
import Warraq

struct TagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tags",
        abstract: "Work with an archive's tags.",
        subcommands: [ListCommand.self, SuggestCommand.self]
    )

    /// What an editor reviews: every tag with how many articles carry it, and how many of those an
    /// editor tagged rather than `--auto-tags`.
    struct ListCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the archive's tags with their article counts, most used first."
        )

        @Argument(help: "The archive folder.")
        var archive = "seeds"

        @Flag(help: "Only tags that one article carries (candidates to merge or drop).")
        var usedOnce = false

        @Flag(help: "Sort by name (Arabic folding order) instead of by count.")
        var byName = false

        func run() throws {
            let plan = try plannedArchive(archive).plan
            guard let tags = plan.tags else { return }
            var editor = [Int](repeating: 0, count: tags.terms.count)
            for (terms, automatic) in zip(tags.termsOfArticle, tags.automaticOfArticle) {
                for (term, automatic) in zip(terms, automatic) where !automatic { editor[term] += 1 }
            }
            var order = Array(tags.terms.indices).filter { !usedOnce || tags.terms[$0].articles.count == 1 }
            if !byName {
                order.sort { tags.terms[$0].articles.count != tags.terms[$1].articles.count
                    ? tags.terms[$0].articles.count > tags.terms[$1].articles.count : $0 < $1 }
            }
            print("articles\teditor\ttag\tslug")
            for term in order {
                print("\(tags.terms[term].articles.count)\t\(editor[term])\t\(tags.terms[term].name)\t\(tags.terms[term].slug)")
            }
            let once = tags.terms.filter { $0.articles.count == 1 }.count
            printError("\(tags.terms.count) tags, \(once) used by one article")
        }
    }

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
            let tagger = KeyphraseTagger(plan.articles.map { KeyphraseTagger.Document(title: $0.title, body: $0.text, paper: $0.source.map(plan.config.sourceName)) })
            let suggested = tagger.tagsForAll(count: count)
            for (index, article) in plan.articles.enumerated() where article.tags.isEmpty && article.autoTags.isEmpty {
                print("\(article.file):\(article.line): \(article.title)")
                print("  tags: \(suggested[index].joined(separator: "، "))")
            }
        }
    }
}
