import ArgumentParser
import Foundation
import Warraq

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a site or an article.",
        subcommands: [SiteCommand.self, ArticleCommand.self]
    )

    struct SiteCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "site",
            abstract: "Write a ready archive: site.yml with every key explained, a sample article, templates/ and static/."
        )

        @Argument(help: "The folder to create (it must be new or empty).")
        var folder: String

        func run() throws {
            let written: [String]
            do {
                written = try SiteScaffold(folder: URL(fileURLWithPath: folder), display: folder).write()
            } catch {
                printError("\(error)")
                throw ExitCode.failure
            }
            for path in written { print((folder.hasSuffix("/") ? folder : folder + "/") + path) }
            print("\nnext: warraq serve \(folder)   (preview at http://127.0.0.1:1313/)")
        }
    }

    struct ArticleCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "article",
            abstract: "Write a draft article at ARCHIVE/YYYY/MM/<slug>.md and print its path.",
            discussion: "The date is in the site's time zone (time_zone of site.yml). An existing file is never overwritten."
        )

        @Argument(help: "The article's title (e.g. \"قمة الرياض: اتفاق على خطة\").")
        var title: String

        @Option(help: "The archive folder.")
        var archive = "seeds"

        @Option(help: "The article's date, as front matter takes it: 2023-09-22 or 2023-09-22T10:30:00+03:00 (default: now).")
        var date: String?

        @Option(help: "Tags, separated by , or ، (the option may be repeated).")
        var tags: [String] = []

        func run() throws {
            let archiveURL = URL(fileURLWithPath: archive)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: archiveURL.path, isDirectory: &isFolder), isFolder.boolValue else {
                printError(SiteError.archiveNotFound(path: archive).description)
                throw ExitCode(2)
            }
            let config: SiteConfig
            do {
                config = try SiteConfigReader(path: archiveURL.appendingPathComponent("site.yml").path).read().config
            } catch {
                printError("\(error)")
                throw ExitCode(2)
            }
            var when = Date()
            if let date {
                guard let parsed = ArticleDate.parse(date, zone: config.timeZone) else {
                    throw ValidationError("'\(date)' is not a date such as 2023-09-22 or 2023-09-22T10:30:00+03:00")
                }
                when = parsed
            }
            let article = NewArticle(title: title, date: when, tags: NewArticle.tags(tags))
            do {
                let relative = try article.write(into: archiveURL, archiveDisplay: archive, zone: config.timeZone)
                print((archive.hasSuffix("/") ? archive : archive + "/") + relative)
            } catch {
                printError("\(error)")
                throw ExitCode.failure
            }
        }
    }
}
