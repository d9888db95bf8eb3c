import Foundation

/// Chooses each article's "read also" links across the whole archive without comparing all pairs.
///
/// Candidates come from inverted indexes (tag → articles, word → articles). Articles are indexed newest
/// first, so each posting list is in time order, and a long list is read only in a window around the
/// article's own place in time: the work per article is bounded, and the neighbours read are the ones the
/// time factor favours anyway. Scores mix shared tags weighted by rarity, TF-IDF similarity of the text,
/// and closeness in time.
public struct ReadAlsoEngine {
    let articles: [Article]
    let tags: Taxonomy?
    let settings: SiteConfig.ReadAlsoSettings
    let terms: ArticleTerms
    /// Postings of each term: articles whose signature holds it, with the weight there, in time order.
    let postings: [[(article: Int32, weight: Float)]]
    let tagRarity: [Float]
    let references: ReferenceIndex
    /// Each article's folded title as one id (the first article with that title) and as sorted word ids:
    /// comparing titles for every candidate must not hash Arabic strings.
    let titleIDs: [Int32]
    let titleWords: [[Int32]]

    /// How many entries of one posting list are read for one article.
    static let window = 256

    public init(articles: [Article], tags: Taxonomy?, settings: SiteConfig.ReadAlsoSettings) {
        self.articles = articles
        self.tags = tags
        self.settings = settings
        terms = ArticleTerms(articles)
        var postings = [[(article: Int32, weight: Float)]](repeating: [], count: terms.count)
        for (index, signature) in terms.signatures.enumerated() {
            for (term, weight) in signature { postings[Int(term)].append((Int32(index), weight)) }
        }
        self.postings = postings
        let total = Float(max(articles.count, 1))
        tagRarity = tags?.terms.map { log(1 + total / Float($0.articles.count)) } ?? []
        let foldedTitles = Parallel.map(articles, minimumChunk: 256) { ArabicText.fold($0.title) }
        let references = ReferenceIndex(articles: articles, foldedTitles: foldedTitles)
        self.references = references
        titleIDs = foldedTitles.map { Int32(references.byTitle[$0]![0]) }
        var wordID: [Substring: Int32] = [:]
        titleWords = foldedTitles.map { title in
            Set(title.split(separator: " ").map { word in
                if let id = wordID[word] { return id }
                wordID[word] = Int32(wordID.count)
                return Int32(wordID.count - 1)
            }).sorted()
        }
    }

    // MARK: - Choosing

    /// Read-also links for every article, explicit ones first, computed ones filling up to the site's count.
    public func readAlsoForAll() -> (readAlso: [ReadAlso], diagnostics: [Diagnostic]) {
        // One scratch per chunk of work, not per article: it is as long as the archive.
        let results = Parallel.map(Array(articles.indices), minimumChunk: 64, state: { Scratch(count: articles.count) }) { scratch, index in
            readAlso(for: index, scratch: &scratch)
        }
        return (results.map(\.0), results.flatMap(\.1))
    }

    func readAlso(for index: Int, scratch: inout Scratch) -> (ReadAlso, [Diagnostic]) {
        let article = articles[index]
        var diagnostics: [Diagnostic] = []
        var result = ReadAlso()
        // The article itself and every linked one, by title: a story is never offered twice.
        var usedTitles: Set<Int32> = [titleIDs[index]]
        var unlinkedHeadlines: Set<String> = []

        func offer(_ candidate: Int) -> Bool {
            guard !usedTitles.contains(titleIDs[candidate]), !Self.nearDuplicate(titleWords[index], titleWords[candidate]) else { return false }
            usedTitles.insert(titleIDs[candidate])
            return true
        }

        for reference in article.readAlso {
            guard let target = references.resolve(reference.target, from: index) else {
                diagnostics.append(.warning(article.file, line: reference.line, "read also '\(reference.target)' matches no published article"))
                continue
            }
            guard offer(target) else { continue }
            if result.featured == nil { result.featured = target } else { result.similar.append(.article(target)) }
        }
        for headline in article.similarTitles {
            let folded = ArabicText.fold(headline)
            if let target = references.byTitle[folded]?.first {
                if offer(target) { result.similar.append(.article(target)) }
            } else if unlinkedHeadlines.insert(folded).inserted {
                result.similar.append(.headline(headline))
            }
        }

        var linkCount = result.similar.filter { if case .article = $0 { return true } else { return false } }.count
        let wanted = (result.featured == nil ? 1 : 0) + max(0, settings.similar - linkCount)
        if wanted > 0 {
            for candidate in candidates(for: index, limit: wanted + 8, scratch: &scratch, { other, _, _ in other }) where offer(candidate) {
                if result.featured == nil {
                    result.featured = candidate
                } else {
                    result.similar.append(.article(candidate))
                    linkCount += 1
                }
                if linkCount >= settings.similar { break }
            }
        }
        // An article that shares nothing with the archive (a one-line brief, a scraping stub) still gets
        // something to read next, as a news page would: the nearest articles in time, its own source first.
        if result.featured == nil || linkCount < settings.similar {
            for neighbour in neighboursInTime(of: index) where offer(neighbour) {
                if result.featured == nil {
                    result.featured = neighbour
                } else {
                    result.similar.append(.article(neighbour))
                    linkCount += 1
                }
                if result.featured != nil && linkCount >= settings.similar { break }
            }
        }
        return (result, diagnostics)
    }

    /// How far the fallback looks on each side of an article in time.
    static let fallbackWindow = 32

    /// Articles next to `index` in time (the archive is indexed newest first), nearest first; those from
    /// the same source before the others.
    func neighboursInTime(of index: Int) -> [Int] {
        var near: [Int] = []
        for distance in 1...Self.fallbackWindow {
            for other in [index - distance, index + distance] where articles.indices.contains(other) { near.append(other) }
        }
        guard let source = articles[index].source else { return near }
        return near.filter { articles[$0].source == source } + near.filter { articles[$0].source != source }
    }

    /// Titles that differ only by a word or two are the same story told twice: 80% of their distinct
    /// words shared, counted by a merge of sorted word ids.
    static func nearDuplicate(_ a: [Int32], _ b: [Int32]) -> Bool {
        guard a.count >= 3, b.count >= 3 else { return false }
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return Double(shared) / Double(a.count + b.count - shared) >= 0.8
    }

    // MARK: - Scoring

    /// Per-thread accumulators, reset only where they were touched.
    struct Scratch {
        var tagScore: [Float]
        var textScore: [Float]
        var touched: [Int32] = []
        init(count: Int) {
            tagScore = Array(repeating: 0, count: count)
            textScore = Array(repeating: 0, count: count)
        }
    }

    /// The best-scoring other articles, best first; ties go to the newer article. `make` turns each into a
    /// result from its index and its tag and text scores, while they are still in the scratch.
    func candidates<Result>(for index: Int, limit: Int, scratch: inout Scratch, _ make: (Int, Double, Double) -> Result) -> [Result] {
        let articleTags = tags?.termsOfArticle[index] ?? []
        let tagNorm = articleTags.reduce(Float(0)) { $0 + tagRarity[$1] }
        if let tags {
            for tag in articleTags {
                let weight = tagRarity[tag] / tagNorm
                Self.visit(window: tags.terms[tag].articles, around: index) { other in
                    if scratch.tagScore[other] == 0 && scratch.textScore[other] == 0 { scratch.touched.append(Int32(other)) }
                    scratch.tagScore[other] += weight
                }
            }
        }
        for (term, weight) in terms.signatures[index] {
            let list = postings[Int(term)]
            Self.visit(window: list, around: index, position: { Int($0.article) }) { entry in
                let other = Int(entry.article)
                if scratch.tagScore[other] == 0 && scratch.textScore[other] == 0 { scratch.touched.append(entry.article) }
                scratch.textScore[other] += weight * entry.weight
            }
        }
        var scored: [(article: Int, score: Double)] = []
        scored.reserveCapacity(scratch.touched.count)
        for other32 in scratch.touched {
            let other = Int(other32)
            if other != index {
                let score = combined(tag: Double(scratch.tagScore[other]), text: Double(scratch.textScore[other]), time: timeFactor(index, other))
                if score > 0 { scored.append((other, score)) }
            }
        }
        let best = Self.top(scored, limit: limit)
        let result = best.map { make($0.article, Double(scratch.tagScore[$0.article]), Double(scratch.textScore[$0.article])) }
        for other in scratch.touched {
            scratch.tagScore[Int(other)] = 0
            scratch.textScore[Int(other)] = 0
        }
        scratch.touched.removeAll(keepingCapacity: true)
        return result
    }

    func combined(tag: Double, text: Double, time: Double) -> Double {
        (settings.tagWeight * tag + settings.textWeight * text) * time
    }

    /// 1 for articles of the same moment, fading towards `1 - timeWeight` with a half-life in days.
    func timeFactor(_ a: Int, _ b: Int) -> Double {
        guard let dateA = articles[a].date, let dateB = articles[b].date else { return 1 - settings.timeWeight / 2 }
        let days = abs(dateA.timeIntervalSince(dateB)) / 86_400
        return (1 - settings.timeWeight) + settings.timeWeight * pow(0.5, days / settings.halfLifeDays)
    }

    private func explain(_ index: Int, _ other: Int, tag: Double, text: Double) -> RelatedCandidate {
        let time = timeFactor(index, other)
        let otherTags = Set(tags?.termsOfArticle[other] ?? [])
        let sharedTags = (tags?.termsOfArticle[index] ?? []).filter { otherTags.contains($0) }
        let otherTerms = Dictionary(terms.signatures[other].map { ($0.term, $0.weight) }, uniquingKeysWith: { a, _ in a })
        let sharedTerms = terms.signatures[index]
            .compactMap { term, weight in otherTerms[term].map { (term, weight * $0) } }
            .sorted { $0.1 > $1.1 }
            .map { terms.word($0.0, in: articles) }
        return RelatedCandidate(article: other, score: combined(tag: tag, text: text, time: time), tagScore: tag, textScore: text,
                                timeFactor: time, sharedTags: sharedTags, sharedTerms: sharedTerms)
    }

    /// The `limit` best by score, then newest (lowest index): a partial selection, not a full sort.
    static func top(_ scored: [(article: Int, score: Double)], limit: Int) -> [(article: Int, score: Double)] {
        func better(_ a: (article: Int, score: Double), _ b: (article: Int, score: Double)) -> Bool {
            a.score != b.score ? a.score > b.score : a.article < b.article
        }
        guard scored.count > limit * 4 else { return Array(scored.sorted(by: better).prefix(limit)) }
        var best: [(article: Int, score: Double)] = []
        best.reserveCapacity(limit + 1)
        for entry in scored where best.count < limit || better(entry, best[best.count - 1]) {
            let position = best.firstIndex { better(entry, $0) } ?? best.count
            best.insert(entry, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best
    }

    /// Visits at most `window` entries of a time-ordered posting list, centred on `index`.
    static func visit<Entry>(window list: [Entry], around index: Int, position: (Entry) -> Int, _ body: (Entry) -> Void) {
        guard list.count > window else {
            for entry in list { body(entry) }
            return
        }
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if position(list[mid]) < index { low = mid + 1 } else { high = mid }
        }
        let start = max(0, min(list.count - window, low - window / 2))
        for entry in list[start..<(start + window)] { body(entry) }
    }

    static func visit(window list: [Int], around index: Int, _ body: (Int) -> Void) {
        visit(window: list, around: index, position: { $0 }, body)
    }

    // MARK: - Explaining

    /// The candidates for one article with the parts of their scores, for `warraq related`.
    public func explain(_ index: Int, limit: Int) -> [RelatedCandidate] {
        var scratch = Scratch(count: articles.count)
        return candidates(for: index, limit: limit, scratch: &scratch) { other, tag, text in explain(index, other, tag: tag, text: text) }
    }
}
