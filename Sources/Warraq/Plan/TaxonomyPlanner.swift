/// Groups the archive's articles into the terms of one taxonomy, one term per identity key, shown in
/// the spelling the archive uses most.
struct TaxonomyPlanner {
    let config: TaxonomyConfig
    /// Display names by spelling (`source_names`): the name is shown, the spelling still makes the slug.
    var displayNames: [String: String] = [:]

    func plan(_ articles: [Article]) -> Taxonomy {
        var spellings: [String: [String: Int]] = [:]
        var articlesOfKey: [String: [Int]] = [:]
        var keysOfArticle: [[String]] = Array(repeating: [], count: articles.count)
        var automaticOfArticle: [[Bool]] = Array(repeating: [], count: articles.count)
        // Cleaning and folding every value on every core; only grouping them is one pass.
        let field = config.field
        let cleaned = Parallel.map(articles, minimumChunk: 256) { article in
            Self.values(article, field).map { value, automatic in
                let display = ArabicText.clean(value)
                return (display: display, key: ArabicText.fold(display), automatic: automatic)
            }
        }
        for index in articles.indices {
            // Editor tags first: a tag an editor also gave is the editor's.
            for (display, key, automatic) in cleaned[index] {
                guard !key.isEmpty, !keysOfArticle[index].contains(key) else { continue }
                keysOfArticle[index].append(key)
                automaticOfArticle[index].append(automatic)
                spellings[key, default: [:]][display, default: 0] += 1
                articlesOfKey[key, default: []].append(index)
            }
        }
        let spelled = spellings.mapValues(ArabicText.mostUsedSpelling)
        let slugs = Slug.unique(spelled.map { (key: $0.key, slug: Slug.make($0.value, key: $0.key, fallbackPrefix: config.field.rawValue)) },
                                reserved: [TermIndex.letterFolder])
        let keys = spelled.keys.sorted()
        let terms = keys.map { Term(key: $0, name: displayNames[spelled[$0]!] ?? spelled[$0]!, slug: slugs[$0]!, articles: articlesOfKey[$0]!) }
        let indexOfKey = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        return Taxonomy(config: config, terms: terms, termsOfArticle: keysOfArticle.map { $0.map { indexOfKey[$0]! } },
                        automaticOfArticle: automaticOfArticle)
    }

    /// The article's values for this taxonomy, each with whether it came from `auto_tags`.
    private static func values(_ article: Article, _ field: TaxonomyConfig.ArticleField) -> [(String, automatic: Bool)] {
        switch field {
        case .tags: return article.tags.map { ($0, false) } + article.autoTags.map { ($0, true) }
        case .source: return article.source.map { [($0, false)] } ?? []
        case .author: return article.authors.map { ($0, false) }
        case .place: return article.place.map { [($0, false)] } ?? []
        }
    }
}
