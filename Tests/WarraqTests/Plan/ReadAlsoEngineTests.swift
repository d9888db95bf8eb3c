import Foundation
import Testing
@testable import Warraq

@Suite("Read also: explicit links first, then the most related articles")
struct ReadAlsoEngineTests {
    /// An archive where every article but one carries a common tag, and two share a rare one.
    func archive() throws -> ArchiveFixture {
        var files: [String: String] = [:]
        for day in 1...9 {
            files["common-\(day).md"] = ArchiveFixture.markdown(title: "خبر عام رقم \(day) عن موضوع مختلف", date: "2023-09-1\(day)", tags: ["أخبار"],
                                                                body: "كلمات متفرقة \(day) لا علاقة لها بشيء.")
        }
        files["rare-a.md"] = ArchiveFixture.markdown(title: "اكتشاف أثري في العلا", date: "2023-09-20", tags: ["أخبار", "آثار العلا"])
        files["rare-b.md"] = ArchiveFixture.markdown(title: "بعثة تنقب في الحجر", date: "2023-09-10", tags: ["آثار العلا"])
        return try ArchiveFixture(files)
    }

    @Test("two articles sharing a rare tag beat those sharing a common one")
    func rareTagWins() throws {
        let plan = try archive().plan()
        let a = try #require(plan.articles.firstIndex { $0.slug == "rare-a" })
        let b = try #require(plan.articles.firstIndex { $0.slug == "rare-b" })
        #expect(plan.readAlso[a].featured == b)
    }

    @Test("an explicit link wins over every computed one")
    func explicitWins() throws {
        let fixture = try archive()
        try fixture.write("rare-a.md", ArchiveFixture.markdown(title: "اكتشاف أثري في العلا", date: "2023-09-20", tags: ["أخبار", "آثار العلا"],
                                                              extra: "read_also: [common-3]\n"))
        let plan = try fixture.plan()
        let a = try #require(plan.articles.firstIndex { $0.slug == "rare-a" })
        #expect(plan.articles[plan.readAlso[a].featured!].slug == "common-3")
        #expect(plan.readAlso[a].similar.first == .article(plan.articles.firstIndex { $0.slug == "rare-b" }!))
    }

    @Test("an article that shares nothing still gets a read-also: its neighbours in time, same source first")
    func fallbackToNeighbours() throws {
        var files: [String: String] = [:]
        for day in [1, 2, 3, 4, 6, 7, 8, 9] {
            files["other-\(day).md"] = ArchiveFixture.markdown(title: "خبر رقم \(day) عن الاقتصاد", date: "2023-09-1\(day)", tags: ["اقتصاد"],
                                                               extra: "source: \(day == 2 ? "عكاظ" : "واس")\n")
        }
        files["stub.md"] = ArchiveFixture.markdown(title: "Array", date: "2023-09-15", extra: "source: عكاظ\n", body: "Array")
        let plan = try ArchiveFixture(files).plan()
        let stub = try #require(plan.articles.firstIndex { $0.slug == "stub" })
        let featured = try #require(plan.readAlso[stub].featured)
        // The only other article from the same source comes first, though four others are nearer in time.
        #expect(plan.articles[featured].slug == "other-2")
        let similar = plan.readAlso[stub].similar.compactMap { if case .article(let i) = $0 { plan.articles[i].slug } else { nil } }
        #expect(similar.count == 6)
        #expect(Array(similar.prefix(2)).sorted() == ["other-4", "other-6"])
        #expect(!similar.contains("stub") && !similar.contains("other-2"))
    }

    @Test("an unresolved reference is a warning with path and line")
    func unresolved() throws {
        let fixture = try archive()
        try fixture.write("rare-a.md", ArchiveFixture.markdown(title: "اكتشاف أثري في العلا", date: "2023-09-20", extra: "read_also:\n  - لا يوجد مقال بهذا العنوان\n"))
        let plan = try fixture.plan()
        let warning = try #require(plan.diagnostics.first { $0.message.contains("لا يوجد مقال") })
        #expect(warning.path.hasSuffix("rare-a.md"))
        #expect(warning.line == 5)
    }

    @Test("a near-duplicate of the article's own title is never offered, nor the article itself")
    func nearDuplicates() throws {
        let fixture = try ArchiveFixture([
            "a.md": ArchiveFixture.markdown(title: "الحكومة تعلن خطة جديدة للإسكان في الرياض", date: "2023-09-20", tags: ["إسكان"]),
            "b.md": ArchiveFixture.markdown(title: "الحكومة تعلن خطة جديدة للإسكان في الرياض اليوم", date: "2023-09-20", tags: ["إسكان"]),
            "c.md": ArchiveFixture.markdown(title: "أسعار المساكن ترتفع", date: "2023-09-19", tags: ["إسكان"]),
        ])
        let plan = try fixture.plan()
        let a = try #require(plan.articles.firstIndex { $0.slug == "a" })
        let offered = [plan.readAlso[a].featured].compactMap { $0 } + plan.readAlso[a].similar.compactMap { if case .article(let i) = $0 { i } else { nil } }
        #expect(offered.map { plan.articles[$0].slug } == ["c"])
    }

    @Test("text alone finds the related story, clitics taken off")
    func textSimilarity() throws {
        let fixture = try ArchiveFixture([
            "a.md": ArchiveFixture.markdown(title: "والحكومة تقر ميزانية الصحة", date: "2023-09-20", body: "أقرت الحكومة ميزانية المستشفيات والأطباء."),
            "b.md": ArchiveFixture.markdown(title: "الحكومة وميزانية المستشفيات", date: "2023-09-18", body: "المستشفيات والأطباء في الميزانية الجديدة للحكومة."),
            "c.md": ArchiveFixture.markdown(title: "فوز الفريق في المباراة", date: "2023-09-20", body: "سجل اللاعب هدفين في الملعب."),
        ])
        let (plan, engine) = try fixture.planned()
        let a = try #require(plan.articles.firstIndex { $0.slug == "a" })
        #expect(plan.articles[try #require(plan.readAlso[a].featured)].slug == "b")
        let explained = try #require(engine.explain(a, limit: 3).first)
        #expect(explained.textScore > 0)
        #expect(explained.sharedTerms.contains("حكومه"))
    }

    @Test("the same archive gives the same links every time")
    func deterministic() throws {
        let fixture = try archive()
        #expect(try fixture.plan().readAlso == fixture.plan().readAlso)
    }
}
