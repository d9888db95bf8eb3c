/// The top of the home page, above its list: the lead story, the latest after it, and a section per
/// source (the papers readers follow), each with its newest articles.
extension PageRenderer {
    /// Articles under the lead story, and per section.
    static let frontLatest = 4
    static let frontSectionArticles = 4
    static let frontSections = 6

    /// The articles the front page's top shows, in order: what its fingerprint depends on.
    func frontArticles() -> (lead: Int?, latest: [Int], sections: [(term: Int, articles: [Int])]) {
        let all = plan.articles.indices
        let lead = all.first
        let latest = Array(all.dropFirst().prefix(Self.frontLatest))
        guard let sources = plan.taxonomies.firstIndex(where: { $0.config.field == .source }) else { return (lead, latest, []) }
        let terms = plan.taxonomies[sources].terms
        guard terms.count > 1 else { return (lead, latest, []) }
        // The papers with the most articles, in that order: a reader's main sections.
        let chosen = terms.indices.sorted { (terms[$0].articles.count, $1) > (terms[$1].articles.count, $0) }.prefix(Self.frontSections)
        return (lead, latest, chosen.map { ($0, Array(terms[$0].articles.prefix(Self.frontSectionArticles))) })
    }

    func frontContext() -> [String: Any] {
        let (lead, latest, sections) = frontArticles()
        var context: [String: Any] = ["latest": latest.map { summaries[$0] }, "has_latest": !latest.isEmpty]
        if let lead {
            var item = summaries[lead]
            item["lead"] = ArabicText.shortened(plan.articles[lead].summary ?? plan.articles[lead].lead, limit: 400)
            if let image = imageContext(plan.images[lead]) {
                item["image"] = image
                item["thumbnail"] = nil
            }
            context["lead"] = item
        }
        if let sources = plan.taxonomies.firstIndex(where: { $0.config.field == .source }) {
            context["sections"] = sections.enumerated().map { number, section in
                ["title": termLinks[sources][section.term]["name"]!, "url": termLinks[sources][section.term]["url"]!,
                 "anchor": "section-\(number + 1)", "articles": section.articles.map { summaries[$0] }] as [String: Any]
            }
            context["has_sections"] = !sections.isEmpty
        }
        return context
    }
}
