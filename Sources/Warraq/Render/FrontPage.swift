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

    func frontView() -> FrontView {
        let (lead, latest, sections) = frontArticles()
        var view = FrontView(latest: latest.map { cards[$0] }, has_latest: !latest.isEmpty)
        view.lead = lead.map { lead in
            var card = cards[lead]
            card.lead = ArticleText(summaryOf: plan.articles[lead], limit: 400)
            if let image = imageView(plan.images[lead]) {
                card.image = image
                card.thumbnail = nil
            }
            return card
        }
        if let sources = plan.taxonomies.firstIndex(where: { $0.config.field == .source }) {
            view.sections = sections.enumerated().map { number, section in
                FrontView.Section(title: terms[sources][section.term].name, url: terms[sources][section.term].url,
                                  anchor: "section-\(number + 1)", articles: section.articles.map { cards[$0] })
            }
            view.has_sections = !sections.isEmpty
        }
        return view
    }
}
