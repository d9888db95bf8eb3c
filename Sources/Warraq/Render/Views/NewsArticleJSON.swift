/// An article's JSON-LD `NewsArticle`, as news search engines read it, written out only when its page is
/// rendered: its fingerprint is the hash of what it is made from, so finding that a page is unchanged
/// builds no JSON (it was a third of making an article page's view). `<` is escaped when it is written, so
/// no text can close the script.
struct NewsArticleJSON: Sendable, Hashable, Codable, Prehashed {
    var headline = ""
    var language = ""
    var url = ""
    var publisher = ""
    var description = ArticleText("")
    var published: String?
    var modified: String?
    var authors: [String] = []
    var keywords: [String] = []
    var image: String?

    init(headline: String, language: String, url: String, publisher: String, description: ArticleText,
         published: String?, modified: String?, authors: [String], keywords: [String], image: String?) {
        (self.headline, self.language, self.url, self.publisher, self.description) = (headline, language, url, publisher, description)
        (self.published, self.modified, self.authors, self.keywords, self.image) = (published, modified, authors, keywords, image)
    }

    var encoded: String {
        var object: [String: ScriptJSON] = [
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": .text(headline),
            "inLanguage": .text(language),
            "url": .text(url),
            "mainEntityOfPage": .text(url),
            "publisher": ["@type": "Organization", "name": .text(publisher)],
        ]
        let description = description.text
        if !description.isEmpty { object["description"] = .text(description) }
        if let published { object["datePublished"] = .text(published) }
        if let modified { object["dateModified"] = .text(modified) }
        let people: [ScriptJSON] = authors.map { ["@type": "Person", "name": .text($0)] }
        if people.count == 1 { object["author"] = people[0] } else if !people.isEmpty { object["author"] = .list(people) }
        if !keywords.isEmpty { object["keywords"] = .list(keywords.map(ScriptJSON.text)) }
        if let image { object["image"] = [.text(image)] }
        return ScriptJSON.object(object).encoded
    }

    /// Every value in turn, each text ended by its length (`PageHash.combine`), each optional and list
    /// marked: no two different objects hash the same values.
    var fingerprint: UInt64? {
        var hash = PageHash()
        for text in [headline, language, url, publisher] { hash.combine(text) }
        hash.combine(word: description.fingerprint ?? 0)
        for text in [published, modified, image] {
            hash.combine(byte: text == nil ? 0 : 1)
            if let text { hash.combine(text) }
        }
        for list in [authors, keywords] {
            hash.combine(word: UInt64(list.count))
            for text in list { hash.combine(text) }
        }
        return hash.value
    }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(encoded)
    }

    /// For `TemplateNames`, which reads the views' names through their `Decodable` conformances: to a
    /// template this is one text.
    init(from decoder: Decoder) throws {
        _ = try decoder.singleValueContainer().decode(String.self)
    }

    init() {}
}
