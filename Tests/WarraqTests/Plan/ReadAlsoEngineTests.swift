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

@Suite("Read also an editor would keep: copies apart, one story once, tags as evidence")
struct ReadAlsoEditorRulesTests {
    /// A wire story as papers print it: the same sentences, a word changed here and there.
    static let wire = """
        أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد للأطفال في مدينة أبها بطاقة استيعابية تبلغ ثلاثمائة سرير \
        ويضم المستشفى أقساما للعناية المركزة وحديثي الولادة والجراحة وقال المتحدث الرسمي باسم الوزارة إن \
        المشروع يأتي ضمن خطة لتوسيع الخدمات الصحية في منطقة عسير وإن العمل فيه استمر ثلاث سنوات بتكلفة \
        بلغت أربعمائة مليون ريال وأضاف أن المستشفى سيستقبل المرضى ابتداء من الشهر المقبل
        """
    static let other = """
        زار وفد من وزارة الصحة منطقة عسير لمتابعة مشروعات المستشفيات الجديدة واطلع الوفد على سير العمل في \
        مستشفى الأطفال بأبها وأقسام العناية المركزة وحديثي الولادة وناقش مع المسؤولين خطط التشغيل
        """
    static let unrelated = "فاز فريق النصر على الهلال بهدفين في المباراة التي أقيمت على ملعب الملك فهد في الرياض مساء أمس"

    func fixture(_ extra: [String: String] = [:]) throws -> ArchiveFixture {
        var files = [
            "okaz.md": ArchiveFixture.markdown(title: "افتتاح مستشفى للأطفال في أبها", date: "2023-09-20", extra: "source: عكاظ\n", body: Self.wire),
            "jazirah.md": ArchiveFixture.markdown(title: "الصحة تفتتح مستشفى الأطفال بأبها", date: "2023-09-20", extra: "source: الجزيرة\n",
                                                  body: Self.wire.replacingOccurrences(of: "اليوم", with: "أمس")),
            "visit.md": ArchiveFixture.markdown(title: "وفد الصحة يتابع مشروعات عسير", date: "2023-09-19", extra: "source: الوطن\n", body: Self.other),
        ]
        for day in 1...6 {
            files["sport-\(day).md"] = ArchiveFixture.markdown(title: "مباراة رقم \(day)", date: "2023-09-1\(day)", extra: "source: الرياضي\n", body: Self.unrelated)
        }
        files.merge(extra) { _, new in new }
        return try ArchiveFixture(files)
    }

    func index(_ plan: SitePlan, _ slug: String) throws -> Int {
        try #require(plan.articles.firstIndex { $0.slug == slug })
    }

    func offered(_ plan: SitePlan, _ article: Int) -> [String] {
        ([plan.readAlso[article].featured].compactMap { $0 } + plan.readAlso[article].similar.compactMap { if case .article(let i) = $0 { i } else { nil } })
            .map { plan.articles[$0].slug }
    }

    @Test("another paper's copy of the same text is listed under نُشر أيضاً في, never as read-also")
    func copyFromAnotherPaper() throws {
        let fixture = try fixture()
        let plan = try fixture.plan()
        let okaz = try index(plan, "okaz")
        #expect(plan.readAlso[okaz].alsoPublished == [try index(plan, "jazirah")])
        #expect(!offered(plan, okaz).contains("jazirah"))
        #expect(plan.articles[try #require(plan.readAlso[okaz].featured)].slug == "visit")

        _ = try fixture.build()
        let page = try #require(fixture.page("2023/09/okaz/index.html"))
        let block = try #require(page.range(of: "<aside class=\"also-published\"").map { String(page[$0.lowerBound...].prefix(600)) })
        #expect(block.contains("نُشر أيضاً في"))
        #expect(block.contains("<bdi class=\"paper\">الجزيرة</bdi>"))
        #expect(block.contains("href=\"/2023/09/jazirah/\""))
    }

    @Test("a paper that printed the copy twice is named once, by its newest print")
    func onePaperOnce() throws {
        let plan = try fixture([
            "jazirah-2.md": ArchiveFixture.markdown(title: "مستشفى جديد للأطفال في عسير", date: "2023-09-21", extra: "source: الجزيرة\n",
                                                    body: Self.wire.replacingOccurrences(of: "اليوم", with: "الثلاثاء")),
        ]).plan()
        let okaz = try index(plan, "okaz")
        #expect(plan.readAlso[okaz].alsoPublished == [try index(plan, "jazirah-2")])
    }

    @Test("one story once: of two copies of each other, a list shows one")
    func oneStoryOnce() throws {
        let plan = try fixture().plan()
        let visit = try index(plan, "visit")
        let shown = offered(plan, visit)
        #expect(shown.filter { $0 == "okaz" || $0 == "jazirah" }.count == 1, "\(shown)")
    }

    @Test("a tag only one article has carries no weight")
    func singletonTagWeightless() throws {
        let fixture = try fixture([
            "visit.md": ArchiveFixture.markdown(title: "وفد الصحة يتابع مشروعات عسير", date: "2023-09-19", tags: ["وسم لا يتكرر", "الصحة"],
                                                extra: "source: الوطن\n", body: Self.other),
            "okaz.md": ArchiveFixture.markdown(title: "افتتاح مستشفى للأطفال في أبها", date: "2023-09-20", tags: ["الصحة"], extra: "source: عكاظ\n", body: Self.wire),
        ])
        let (plan, engine) = try fixture.planned()
        let visit = try index(plan, "visit")
        let okaz = try explained(engine, visit, plan, "okaz")
        // The one shared tag holds all the tag weight: the singleton is not in the sum it is divided by.
        #expect(abs(okaz.tagScore - 0.2) < 1e-6)
        #expect(okaz.sharedTags.map { plan.tags!.terms[$0].name } == ["الصحة"])
    }

    func explained(_ engine: ReadAlsoEngine, _ index: Int, _ plan: SitePlan, _ slug: String) throws -> RelatedCandidate {
        try #require(engine.explain(index, limit: 20).first { plan.articles[$0.article].slug == slug })
    }

    @Test("shared tags alone never outrank a strong text match; an editor's tag counts more than an automatic one")
    func tagsAsEvidence() throws {
        let fixture = try fixture([
            "visit.md": ArchiveFixture.markdown(title: "وفد الصحة يتابع مشروعات عسير", date: "2023-09-19", tags: ["رياضة"],
                                                extra: "source: الوطن\n", body: Self.other),
            "sport-1.md": ArchiveFixture.markdown(title: "مباراة رقم 1", date: "2023-09-11", tags: ["رياضة"], extra: "source: الرياضي\n", body: Self.unrelated),
            "sport-2.md": ArchiveFixture.markdown(title: "مباراة رقم 2", date: "2023-09-12", extra: "source: الرياضي\nauto_tags: [رياضة]\n", body: Self.unrelated),
        ])
        let (plan, engine) = try fixture.planned()
        let visit = try index(plan, "visit")
        let featured = try #require(plan.readAlso[visit].featured)
        #expect(["okaz", "jazirah"].contains(plan.articles[featured].slug))
        let byEditor = try explained(engine, visit, plan, "sport-1"), byMachine = try explained(engine, visit, plan, "sport-2")
        #expect(byEditor.tagScore > byMachine.tagScore)
        // The parts add up to the score.
        #expect(abs(byEditor.score - (byEditor.tagScore + byEditor.textScore) * byEditor.timeFactor) < 1e-9)
    }
}

extension ReadAlsoEditorRulesTests {
    @Test("one rare word shared is weaker evidence than as much likeness over several words")
    func oneWordIsWeakEvidence() throws {
        let fixture = try fixture([
            "falcons.md": ArchiveFixture.markdown(title: "مستشفى الصقور يستقبل طيور الهواة", date: "2023-09-18", extra: "source: الرياض\n",
                                                  body: "استقبل مستشفى الصقور في الرياض عشرات الطيور من الهواة لفحصها قبل موسم المقناص."),
            "pilots.md": ArchiveFixture.markdown(title: "الصقور في سماء الاحتفال", date: "2023-09-18", extra: "source: سبق\n",
                                                 body: "حلقت طائرات فريق الصقور فوق الكورنيش في عرض جوي للاحتفال باليوم الوطني."),
        ])
        let (plan, engine) = try fixture.planned()
        let falcons = try index(plan, "falcons"), pilots = try index(plan, "pilots")
        let sharedOnce = try explained(engine, falcons, plan, "pilots")
        // The pilots share one word with the falcon hospital: half its part is given up, and what is left
        // counts as one word of the six a match needs to count whole.
        #expect(sharedOnce.sharedTerms.count == 1)
        let likeness = Double(engine.terms.similarity(falcons, pilots))
        #expect(abs(sharedOnce.textScore - 0.5 * likeness * (1.0 / 6).squareRoot()) < 1e-6)
        // As much likeness over more words is the stronger match.
        #expect(ReadAlsoEngine.text(SIMD4(0, 0.3, 0.1, 2)) < ReadAlsoEngine.text(SIMD4(0, 0.3, 0.1, 6)))
        #expect(ReadAlsoEngine.text(SIMD4(0, 0.3, 0.1, 6)) == ReadAlsoEngine.text(SIMD4(0, 0.3, 0.1, 9)))
        // The visit shares many words with the hospital story: the discount is a small part of its score.
        let okaz = try index(plan, "okaz"), visit = try index(plan, "visit")
        let sharedMany = try explained(engine, okaz, plan, "visit")
        #expect(sharedMany.sharedTerms.count > 5)
        #expect(sharedMany.textScore > 0.8 * Double(engine.terms.similarity(okaz, visit)))
        #expect(abs(sharedMany.score - (sharedMany.tagScore + sharedMany.textScore) * sharedMany.timeFactor) < 1e-9)
    }
}

@Suite("Read also's shortlist: the best few of tens of thousands")
struct ShortlistSelectionTests {
    @Test("the heap keeps exactly what a full sort would: best score first, the newer article on a tie")
    func topMatchesSort() {
        // `warraq related --candidates 0` asks for none: none, not a crash.
        #expect(ReadAlsoEngine.top((0..<100).map { (article: $0, score: 1.0) }, limit: 0).isEmpty)
        var generator = SystemRandomNumberGenerator()
        for count in [0, 3, 160, 161, 5_000] {
            // Scores from a few values only, so that ties are common and the tie rule is exercised.
            let scored = (0..<count).map { (article: $0, score: Double(Int.random(in: 0..<40, using: &generator)) / 8) }.shuffled()
            let sorted = scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.article < $1.article }
            for limit in [1, 40, 160] {
                let top = ReadAlsoEngine.top(scored, limit: limit)
                #expect(top.map(\.article) == sorted.prefix(limit).map(\.article))
            }
        }
    }
}
