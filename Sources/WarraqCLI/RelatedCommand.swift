import ArgumentParser
import Foundation
import Warraq

struct RelatedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "related",
        abstract: "Show an article's read-also links and why each was chosen."
    )

    @Argument(help: "The article's file (e.g. seeds/2023/x.md).")
    var path: String

    @Option(help: "The archive folder.")
    var archive = "seeds"

    @Option(help: "How many computed candidates to explain.")
    var candidates = 10

    func validate() throws {
        guard candidates >= 0 else { throw ValidationError("--candidates must be 0 or more") }
    }

    func run() throws {
        let (plan, engine) = try plannedArchive(archive)
        let wanted = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let index = plan.articles.firstIndex(where: { URL(fileURLWithPath: $0.file).standardizedFileURL.path == wanted && $0.line == 1 })
                ?? plan.articles.firstIndex(where: { URL(fileURLWithPath: $0.file).standardizedFileURL.path == wanted }) else {
            throw ValidationError("\(path) is not a published article of \(archive)")
        }
        let article = plan.articles[index]
        let tags = plan.tags
        print("\(article.title)\n  \(article.file):\(article.line)\n")
        let readAlso = plan.readAlso[index]
        func describe(_ other: Int) -> String { "\(plan.articles[other].title)  [\(plan.articles[other].file)]" }
        print("إقرأ أيضاً (featured): " + (readAlso.featured.map(describe) ?? "—"))
        print("مقالات مشابهة:")
        for link in readAlso.similar {
            switch link {
            case .article(let other): print("  • " + describe(other))
            case .headline(let title): print("  • \(title)  [not in the archive: shown unlinked]")
            }
        }
        if !article.readAlso.isEmpty { print("\nexplicit: " + article.readAlso.map(\.target).joined(separator: " | ")) }
        if !readAlso.alsoPublished.isEmpty {
            print("نُشر أيضاً في (copies of this text, never read-also):")
            for other in readAlso.alsoPublished { print("  • " + describe(other)) }
        }
        print("\ncomputed candidates (score = (tags + text) × time; tags and text already weighted by site.yml):")
        for candidate in engine.explain(index, limit: candidates) {
            print(String(format: "  %.3f = (tags %.3f + text %.3f) × time %.2f  shingles %.0f%%%@  %@", candidate.score, candidate.tagScore,
                         candidate.textScore, candidate.timeFactor, candidate.containment * 100,
                         candidate.containment >= 0.4 ? " (copy)" : "", describe(candidate.article)))
            let sharedTags = candidate.sharedTags.compactMap { tags?.terms[$0].name }
            if !sharedTags.isEmpty { print("      tags: " + sharedTags.joined(separator: "، ")) }
            if !candidate.sharedTerms.isEmpty { print("      words: " + candidate.sharedTerms.prefix(8).joined(separator: "، ")) }
        }
    }
}

/// An archive read and planned, without writing anything: what `related` and `tags suggest` look at.
func plannedArchive(_ archive: String) throws -> (plan: SitePlan, readAlso: ReadAlsoEngine) {
    let options = BuildOptions(archive: URL(fileURLWithPath: archive), archiveDisplay: archive, output: FileManager.default.temporaryDirectory)
    do {
        let planned = try SiteBuild(options).plan()
        for diagnostic in planned.archive.diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
        return (planned.plan, planned.readAlso)
    } catch {
        printError("\(error)")
        throw ExitCode(2)
    }
}
