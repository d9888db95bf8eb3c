import Foundation
import Testing
@testable import Warraq

@Suite("Terms: one per identity, shown in the archive's most used spelling")
struct TaxonomyPlannerTests {
    func article(_ tags: [String], source: String? = nil) -> Article {
        var article = Article(file: "a.md", title: "عنوان", slug: "a")
        article.tags = tags
        article.source = source
        return article
    }

    @Test("five spellings of one tag are one term, named as most articles write it")
    func spellings() {
        let articles = [
            article(["ناغورني كاراباخ"]), article(["ناغورنی کاراباخ"]), article(["ناغورني كاراباخ"]),
            article(["ناغـــورني كاراباخ"]), article(["ناغورني\u{200C} كاراباخ", "ناغورني كاراباخ"]),
        ]
        let taxonomy = TaxonomyPlanner(config: TaxonomyConfig.defaults[0]).plan(articles)
        #expect(taxonomy.terms.count == 1)
        #expect(taxonomy.terms[0].name == "ناغورني كاراباخ")
        #expect(taxonomy.terms[0].slug == "ناغورني-كاراباخ")
        #expect(taxonomy.terms[0].articles == [0, 1, 2, 3, 4])
        #expect(taxonomy.termsOfArticle[4] == [0])
    }

    @Test("terms in Arabic alphabetical order of their keys")
    func order() {
        let taxonomy = TaxonomyPlanner(config: TaxonomyConfig.defaults[0]).plan([article(["يمن", "بحرين", "أردن", "مصر"])])
        #expect(taxonomy.terms.map(\.name) == ["أردن", "بحرين", "مصر", "يمن"])
    }

    @Test("sources are a taxonomy of their own")
    func sources() {
        let taxonomy = TaxonomyPlanner(config: TaxonomyConfig.defaults[1]).plan([article([], source: "رويترز"), article([], source: "رويترز ")])
        #expect(taxonomy.terms.map(\.name) == ["رويترز"])
        #expect(taxonomy.terms[0].articles == [0, 1])
    }
}
