import Foundation

/// Chooses each article's "read also" links across the whole archive without comparing all pairs.
///
/// It works as a search engine's "more like this": an article's most telling terms (`ArticleTerms`) are
/// asked of an inverted index of every article's terms. Articles are indexed newest first, so each posting
/// list is in time order, and a long list is read only in a window around the article's own place in
/// time: the work per article is bounded. Text similarity decides; shared tags are evidence that adds a
/// bounded amount (editor tags more than automatic ones, a tag no other article has nothing); closeness
/// in time scales the sum. Copies of the same text printed by other papers are never offered: they are
/// listed apart ("نُشر أيضاً في"), and no list holds two copies of one story.
public struct ReadAlsoEngine: Sendable {
    let articles: [Article]
    let tags: Taxonomy?
    let settings: SiteConfig.ReadAlsoSettings
    let terms: ArticleTerms
    /// Weight of each tag: its rarity, or 0 for a tag only one article has.
    let tagRarity: [Float]
    /// Beside each tag's articles: what the tag counts for in each (1 from an editor, less from `--auto-tags`),
    /// so scoring does not look the tag up among each member's tags.
    let tagShares: [[Float]]
    let references: ReferenceIndex
    /// Each article's folded title as one id (the first article with that title) and as sorted word ids:
    /// comparing titles for every candidate must not hash Arabic strings.
    let titleIDs: [Int32]
    let titleWords: [[Int32]]
    /// Each article's identity from one build to the next (its file and line), and the same with what
    /// orders it in time (date and title): how a fingerprint knows the article of a posting.
    let identities: [UInt64]
    let orderKeys: [UInt64]
    /// What choosing a list reads of each article besides its score: its order key, folded title, source,
    /// signature (by stable term keys) and shingles, hashed once (`choiceKey`).
    let contentKeys: [UInt64]
    /// Every posting and every tag member hashed by `orderKeys` and weight, for fingerprints.
    let postingHashes: WindowHashes
    let memberHashes: WindowHashes

    /// How many entries of one posting list are read for one article.
    static let window = 512
    /// How many of an article's query terms are read over the whole window; the rest read half of it.
    /// (A quarter lost the reference's neighbours in the week's busiest words: 0.585 of the benchmark's
    /// items against 0.606 with half, `Benchmarks/results/quality-windows.txt`.)
    static let wideTerms = 16
    /// How many of the best-scoring candidates are looked at for copies and diversity.
    static let pool = 40
    /// Shingle containment from which two texts are one story printed twice.
    /// (The benchmark's measure of a copy is 0.5 over whole texts; this compares their openings, so it
    /// asks a little less.)
    static let copyContainment = 0.4
    /// Shingle containment from which another paper's copy is listed under "نُشر أيضاً في".
    static let publishedContainment = 0.5
    /// What an automatic tag counts for, beside an editor's.
    static let automaticTagShare: Float = 0.3
    /// How much likeness to an item already chosen costs a candidate (maximal marginal relevance).
    static let diversity = 0.2

    /// `words`: where the last build's words are found and this build's kept (`ArticleTerms`).
    public init(articles: [Article], tags: Taxonomy?, settings: SiteConfig.ReadAlsoSettings, words: WordsStore? = nil,
                lap: (String) -> Void = { _ in }) {
        self.articles = articles
        self.tags = tags
        self.settings = settings
        terms = ArticleTerms(articles, store: words)
        lap("plan: read-also words and weights")
        // On the same grid as the words' rarity, so that one article more leaves the other tags' weights as they were.
        let total = ArticleTerms.onGrid(articles.count)
        tagRarity = tags?.terms.map { $0.articles.count > 1 ? log(1 + total / ArticleTerms.onGrid($0.articles.count)) : 0 } ?? []
        tagShares = tags.map { tags in
            tags.terms.enumerated().map { tag, term in
                term.articles.map { member in
                    let slot = tags.termsOfArticle[member].firstIndex(of: tag)
                    return slot.map { tags.automaticOfArticle[member][$0] ? Self.automaticTagShare : 1 } ?? 0
                }
            }
        } ?? []
        let foldedTitles = Parallel.map(articles, minimumChunk: 256) { ArabicText.fold($0.title) }
        let references = ReferenceIndex(articles: articles, foldedTitles: foldedTitles)
        lap("plan: read-also titles and references")
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
        let identities = articles.map(Self.identity)
        self.identities = identities
        let orderKeys = zip(articles, identities).map { article, identity in
            var hash = FingerprintHash()
            hash.add(identity)
            hash.add(article.date.map { $0.timeIntervalSinceReferenceDate.bitPattern } ?? 0x7FF8_DEAD_0000_0001)
            hash.add(StableHash(Array(article.title.utf8)).value)
            return hash.value
        }
        self.orderKeys = orderKeys
        let terms = self.terms, tagShares = self.tagShares
        contentKeys = Parallel.map(Array(articles.indices), minimumChunk: 256) { index in
            var hash = FingerprintHash()
            hash.add(orderKeys[index])
            hash.add(StableHash(Array(foldedTitles[index].utf8)).value)
            hash.add(articles[index].source.map { StableHash(Array($0.utf8)).value } ?? 0x50_0CE0)
            for (term, weight) in terms.signatures[index] {
                hash.add(terms.termKeys[Int(term)])
                hash.add(UInt64(weight.bitPattern))
            }
            hash.add(0x5EED)
            hash.add(terms.shingleDigests[index])
            return hash.value
        }
        let postings = terms.postings
        postingHashes = WindowHashes(counts: (0..<postings.count).map(postings.count(of:))) { term, position in
            postings.withList(term) { Self.postingHash($0, position, orderKeys: orderKeys) }
        }
        let members = tags?.terms.map(\.articles) ?? []
        memberHashes = WindowHashes(counts: members.map(\.count)) { tag, position in
            Self.entryHash(orderKeys[members[tag][position]], tagShares[tag][position])
        }
        lap("plan: read-also keys and window hashes")
    }

    /// A posting of `list` (one term's) as a fingerprint sees it.
    static func postingHash(_ list: UnsafeBufferPointer<PostingLists.Entry>, _ position: Int, orderKeys: [UInt64]) -> UInt64 {
        entryHash(orderKeys[Int(list[position].article)], list[position].weight)
    }

    /// One posting or tag member as a fingerprint sees it: its article and its weight there.
    static func entryHash(_ orderKey: UInt64, _ weight: Float) -> UInt64 {
        var hash = FingerprintHash()
        hash.add(orderKey)
        hash.add(UInt64(weight.bitPattern))
        return hash.value
    }

    /// An article's identity from one build to the next: its file and its line there.
    static func identity(of article: Article) -> UInt64 {
        var hash = StableHash(Array(article.file.utf8))
        hash.combine([0])
        hash.combine(Array(String(article.line).utf8))
        var mixed = FingerprintHash()
        mixed.add(hash.value)
        return mixed.value
    }

    // MARK: - Choosing

    /// Read-also links for every article, explicit ones first, computed ones filling up to the site's count.
    /// An article whose scoring would read what it read last time (`previous`) is not scored again.
    /// `sink`: where the shortlists for the next build are written as each chunk is done (else they are
    /// held in the outcome's memory).
    public func readAlsoForAll(remembering previous: (any ReadAlsoRecall)? = nil, sink: (any ShortlistSink)? = nil) -> ReadAlsoOutcome {
        let indexOfIdentity = Dictionary(identities.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        // Two articles one identity (never seen: it is a 64-bit hash of file and line) would mix up what
        // is remembered: then nothing is.
        let remembers = indexOfIdentity.count == articles.count
        let previous = remembers ? previous : nil
        // One scratch per chunk of work, not per article: it is as long as the archive. Each chunk's
        // shortlists are written as bytes as they are made (`ReadAlsoMemory`).
        struct Chunk {
            var scratch: Scratch
            var shortlists = CacheBytesWriter()
            var entries: [ReadAlsoMemory.Entry] = []
        }
        let (results, pieces) = Parallel.mapChunks(Array(articles.indices), minimumChunk: 64, state: { Chunk(scratch: Scratch(count: articles.count, terms: terms.count)) }) { chunk, index in
            let fingerprint = fingerprint(for: index)
            let past = previous?.shortlist(of: identities[index])
            var remembered: [(article: Int, score: Double)]?
            if let past, past.fingerprint == fingerprint {
                let found = past.candidates.compactMap { indexOfIdentity[$0] }
                if found.count == past.candidates.count { remembered = Array(zip(found, past.scores)) }
            }
            let best = remembered ?? candidates(for: index, limit: Self.pool, scratch: &chunk.scratch) { other, _, _, score in (other, score) }
            let links = explicitLinks(of: index)
            let key = choiceKey(for: index, best: best, links: links)
            var choice = past?.choice.flatMap { choice in
                choice.key == key && choice.neighbours.map { $0 == neighboursKey(of: index) } != false
                    ? Self.readAlso(choice, indexOfIdentity: indexOfIdentity) : nil
            }
            let chosenAgain = choice == nil
            if choice == nil {
                let (readAlso, usedNeighbours) = readAlso(for: index, best: best, links: links, scratch: &chunk.scratch)
                choice = (readAlso, usedNeighbours ? neighboursKey(of: index) : nil)
            }
            let (readAlso, neighbours) = choice!
            if remembers {
                let shortlist = ReadAlsoMemory.Shortlist(fingerprint: fingerprint, candidates: best.map { identities[$0.article] },
                                                         scores: best.map(\.score), choice: rememberedChoice(readAlso, key: key, neighbours: neighbours))
                let start = chunk.shortlists.bytes.count
                ReadAlsoMemory.write(shortlist, to: &chunk.shortlists)
                chunk.entries.append(.init(identity: identities[index], piece: 0, length: UInt32(chunk.shortlists.bytes.count - start), offset: start))
            }
            return (readAlso, links.diagnostics(articles[index]), remembered == nil, chosenAgain)
        } keep: { chunk in
            guard let sink, remembers else { return (chunk.shortlists.take(), chunk.entries) }
            let start = sink.keep(chunk.shortlists.bytes)
            return ([UInt8](), chunk.entries.map { $0.moved(by: start) })
        }
        var entries: [ReadAlsoMemory.Entry] = []
        entries.reserveCapacity(remembers ? articles.count : 0)
        for (piece, (_, pieceEntries)) in pieces.enumerated() {
            for var entry in pieceEntries {
                entry.piece = UInt32(piece)
                entries.append(entry)
            }
        }
        let memory = !remembers ? ReadAlsoMemory()
            : sink.map { ReadAlsoMemory(keptBy: $0, entries: entries) } ?? ReadAlsoMemory(pieces: pieces.map(\.0), entries: entries)
        return ReadAlsoOutcome(readAlso: results.map(\.0), diagnostics: results.flatMap(\.1), memory: memory,
                               scored: results.count { $0.2 }, chosen: results.count { $0.3 })
    }

    /// One article's links, from `best`: its best candidates by score, best first (`candidates`), after its
    /// explicit ones; and whether the list was filled up from its neighbours in time.
    func readAlso(for index: Int, best scored: [(article: Int, score: Double)], links: ExplicitLinks, scratch: inout Scratch) -> (ReadAlso, usedNeighbours: Bool) {
        let article = articles[index]
        var result = ReadAlso()
        // The article itself and every linked one, by title: a story is never offered twice.
        var usedTitles: Set<Int32> = [titleIDs[index]]
        var chosen: [Int] = []
        var unlinkedHeadlines: Set<String> = []

        func offer(_ candidate: Int) -> Bool {
            guard !usedTitles.contains(titleIDs[candidate]), !Self.nearDuplicate(titleWords[index], titleWords[candidate]),
                  !chosen.contains(where: { isCopy($0, candidate, scratch: &scratch) }) else { return false }
            usedTitles.insert(titleIDs[candidate])
            chosen.append(candidate)
            return true
        }
        func take(_ candidate: Int) {
            if result.featured == nil { result.featured = candidate } else { result.similar.append(.article(candidate)) }
        }

        for case (_, let target?) in links.references where offer(target) { take(target) }
        for (headline, folded, target) in links.headlines {
            if let target {
                if offer(target) { result.similar.append(.article(target)) }
            } else if unlinkedHeadlines.insert(folded).inserted {
                result.similar.append(.headline(headline))
            }
        }

        var linkCount = result.similar.filter { if case .article = $0 { return true } else { return false } }.count
        // Copies of this text: other papers' go under "نُشر أيضاً في", none is read-also.
        var pool: [(article: Int, score: Double)] = []
        let likenessToArticle = scratch.similarities(of: index, to: scored.map(\.0), terms: terms)
        for ((other, score), likeness) in zip(scored, likenessToArticle) {
            let containment = likeness >= Self.copySimilarity ? scratch.containment(index, other, terms: terms) : 0
            if containment >= Self.copyContainment {
                // Named as the same story only when clearly the same text; a looser copy is just left out.
                if articles[other].source != article.source || article.source == nil,
                   containment >= Self.publishedContainment { result.alsoPublished.append(other) }
                usedTitles.insert(titleIDs[other])
            } else {
                pool.append((other, score))
            }
        }
        // One link per paper, its newest print: a reader wants to know which papers ran the story.
        var papers: Set<String> = []
        result.alsoPublished = result.alsoPublished.sorted().filter { papers.insert(articles[$0].source ?? "").inserted }
        // Maximal marginal relevance: each pick is the best candidate once its likeness to what is
        // already chosen is paid for, so one story does not fill the list.
        // Each candidate's likeness to the chosen items is kept up to date with the newest one only.
        var likeness = [Double](repeating: 0, count: pool.count)
        var seen = 0
        while result.featured == nil || linkCount < settings.similar, !pool.isEmpty {
            for newcomer in chosen[seen...] {
                let toNewcomer = scratch.similarities(of: newcomer, to: pool.map(\.article), terms: terms)
                for position in pool.indices { likeness[position] = max(likeness[position], Double(toNewcomer[position])) }
            }
            seen = chosen.count
            var best = 0
            var bestValue = -Double.infinity
            for (position, candidate) in pool.enumerated() {
                let value = candidate.score - Self.diversity * likeness[position] * candidate.score
                if value > bestValue { (best, bestValue) = (position, value) }
            }
            let candidate = pool.remove(at: best).article
            likeness.remove(at: best)
            guard offer(candidate) else { continue }
            if result.featured != nil { linkCount += 1 }
            take(candidate)
        }
        // An article that shares nothing with the archive (a one-line brief, a scraping stub) still gets
        // something to read next, as a news page would: the nearest articles in time, its own source first.
        let usedNeighbours = result.featured == nil || linkCount < settings.similar
        if usedNeighbours {
            for neighbour in neighboursInTime(of: index) where offer(neighbour) {
                if result.featured != nil { linkCount += 1 }
                take(neighbour)
                if result.featured != nil && linkCount >= settings.similar { break }
            }
        }
        return (result, usedNeighbours)
    }

    /// Whether two articles print one text. Shingles are compared only for texts alike enough to be
    /// copies (the cheap dot product of their signatures first), so the check costs little per candidate.
    func isCopy(_ a: Int, _ b: Int, scratch: inout Scratch) -> Bool {
        terms.similarity(a, b) >= Self.copySimilarity && scratch.containment(a, b, terms: terms) >= Self.copyContainment
    }

    /// Below this signature similarity two texts are never copies of each other.
    static let copySimilarity: Float = 0.15

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
        let shared = ArticleTerms.sharedCount(a, b)
        return Double(shared) / Double(a.count + b.count - shared) >= 0.8
    }

    // MARK: - Scoring

    /// Per-thread accumulators, reset only where they were touched.
    struct Scratch {
        /// Each article's tag part (x), text part (y) and largest single word's part of it (z), side by
        /// side: one cache line per article visited.
        var scores: [SIMD4<Float>]
        var touched: [Int32] = []
        /// One article's signature spread out by term id, so its likeness to many others costs one
        /// lookup per term of theirs instead of a merge per pair.
        var signature: [Float]
        /// Shingles lately compared (`ArticleTerms.Shingles`), by article: a chunk's articles are
        /// neighbours in time and share candidates, and with a words store each is a read of its file.
        var shingles: [Int: [UInt32]] = [:]
        static let shinglesKept = 4096

        init(count: Int, terms: Int) {
            scores = Array(repeating: .zero, count: count)
            signature = Array(repeating: 0, count: terms)
        }

        /// `terms.containment(a, b)`, each article's shingles asked for once while they are kept.
        mutating func containment(_ a: Int, _ b: Int, terms: ArticleTerms) -> Double {
            ArticleTerms.containment(shingles(of: a, terms: terms), shingles(of: b, terms: terms))
        }

        private mutating func shingles(of article: Int, terms: ArticleTerms) -> [UInt32] {
            if let known = shingles[article] { return known }
            if shingles.count >= Self.shinglesKept { shingles.removeAll(keepingCapacity: true) }
            let found = terms.shingles[article]
            shingles[article] = found
            return found
        }

        /// `terms.similarity(article, other)` for each of `others`, the same sums in the same order.
        mutating func similarities(of article: Int, to others: [Int], terms: ArticleTerms) -> [Float] {
            let own = terms.signatures[article]
            for (term, weight) in own { signature[Int(term)] = weight }
            defer { for (term, _) in own { signature[Int(term)] = 0 } }
            return others.map { other in
                var sum: Float = 0
                for (term, weight) in terms.signatures[other] { sum += signature[Int(term)] * weight }
                return sum
            }
        }
    }

    /// The best-scoring other articles, best first; ties go to the newer article. `make` turns each into a
    /// result from its index, its tag and text scores and its score, while they are still in the scratch.
    func candidates<Result>(for index: Int, limit: Int, scratch: inout Scratch, _ make: (Int, Double, Double, Double) -> Result) -> [Result] {
        // The inner loops of the whole engine (tens of millions of postings per build): through unsafe
        // buffers, without the bounds and uniqueness checks of each `scratch` access. The scores are taken
        // out of the scratch for them (and put back), so they are one uniquely held buffer.
        var scores: [SIMD4<Float>] = [], touched: [Int32] = []
        swap(&scores, &scratch.scores)
        swap(&touched, &scratch.touched)
        scores.withUnsafeMutableBufferPointer { scores in
            if let tags {
                let articleTags = tags.termsOfArticle[index]
                let own = zip(articleTags, tags.automaticOfArticle[index]).map { tagRarity[$0] * ($1 ? Self.automaticTagShare : 1) }
                // Normalised by rarity alone, so an article tagged only by `--auto-tags` gets at most the
                // automatic share of the tag part, however many tags it shares.
                let norm = articleTags.reduce(Float(0)) { $0 + tagRarity[$1] }
                for (position, tag) in articleTags.enumerated() where norm > 0 && tagRarity[tag] > 0 {
                    let weight = own[position] / norm
                    let members = tags.terms[tag].articles, shares = tagShares[tag]
                    for slot in Self.window(count: members.count, around: index, size: Self.window, position: { members[$0] }) {
                        let other = members[slot]
                        if scores[other] == .zero { touched.append(Int32(other)) }
                        scores[other].x += weight * shares[slot]
                    }
                }
            }
            for (rank, (term, weight)) in terms.query(index).enumerated() {
                // The heaviest terms are read widely, the rest near the article's own time: the work per
                // article is bounded (16 × 512 + 44 × 256 postings) however common its words.
                terms.postings.withList(Int(term)) { list in
                    let window = Self.window(count: list.count, around: index, size: Self.windowSize(rank: rank)) {
                        Int(list[$0].article)
                    }
                    for entry in list[window] {
                        let other = Int(entry.article)
                        if scores[other] == .zero { touched.append(entry.article) }
                        let part = weight * entry.weight
                        scores[other].y += part
                        scores[other].z = max(scores[other].z, part)
                        scores[other].w += 1
                    }
                }
            }
        }
        swap(&scores, &scratch.scores)
        swap(&touched, &scratch.touched)
        var scored: [(article: Int, score: Double)] = []
        scored.reserveCapacity(scratch.touched.count)
        for other32 in scratch.touched {
            let other = Int(other32)
            if other != index {
                let part = scratch.scores[other]
                let score = combined(tag: Double(part.x), text: Self.text(part), time: 1)
                if score > 0 { scored.append((other, score)) }
            }
        }
        // Tens of thousands of articles are touched; the time factor (a power) is paid only by the best
        // few before it: it scales a score by 1 − time_weight at most, so the rest cannot overtake them.
        let shortlist = Self.top(scored, limit: limit * 4).map { candidate in
            (article: candidate.article, score: candidate.score * timeFactor(index, candidate.article))
        }
        let best = Self.top(shortlist, limit: limit)
        let result = best.map { make($0.article, Double(scratch.scores[$0.article].x), Self.text(scratch.scores[$0.article]), $0.score) }
        for other in scratch.touched { scratch.scores[Int(other)] = .zero }
        scratch.touched.removeAll(keepingCapacity: true)
        return result
    }

    /// How much of the largest single word's part a text score gives up (`text`).
    static let singleWordDiscount = 0.5

    /// The text part of a candidate's score: the sum over shared words, less half the largest single
    /// word's part, so that one rare word shared (a surname, a place, "صقور" for falcons and for pilots)
    /// is weaker evidence than as much likeness spread over several words. Readers rated such items
    /// unrelated (`Benchmarks/results/blind-readalso-2015-07-21/`), and the share of items in the
    /// reference top 10 rose from 0.606 to 0.617 with it (0.598 with the whole part given up).
    ///
    /// It is then scaled by how many of the article's query words the candidate shares (`part.w`), up to
    /// `breadthWords`: Lucene's coordination factor, softened by a square root. A long column on China's
    /// markets shared "الصين" and "بكين" with a heat wave and a Taiwan election, and gave them the top of
    /// its list; a reader rated them unrelated (`Benchmarks/results/blind-readalso-2015-07-27/`). With it,
    /// its six items are all about the markets; the share in the reference top 10 goes from 0.617 to 0.613.
    static func text(_ part: SIMD4<Float>) -> Double {
        let breadth = (min(1, Double(part.w) / breadthWords)).squareRoot()
        return (Double(part.y) - singleWordDiscount * Double(part.z)) * breadth
    }

    /// How many shared query words make a match count whole (4: 0.616, 6: 0.613, 8: 0.607 in the
    /// reference top 10, `Benchmarks/results/quality-breadth.txt`).
    static let breadthWords = 6.0

    /// How many postings of the term of this rank in an article's query are read.
    static func windowSize(rank: Int) -> Int {
        rank < wideTerms ? window : window / 2
    }

    /// Everything `candidates` reads to score one article, hashed in the order it reads it: its own tag and
    /// query weights and, in each window, every article (by `orderKeys`: identity, date and title) with its
    /// weight, each window hashed at once (`WindowHashes`). Equal fingerprints give equal candidates and
    /// scores; the archive's other articles cannot change them.
    func fingerprint(for index: Int) -> UInt64 {
        var hash = FingerprintHash()
        hash.add(orderKeys[index])
        if let tags {
            let articleTags = tags.termsOfArticle[index]
            let norm = articleTags.reduce(Float(0)) { $0 + tagRarity[$1] }
            for (position, tag) in articleTags.enumerated() where norm > 0 && tagRarity[tag] > 0 {
                hash.add(UInt64(tagRarity[tag].bitPattern))
                hash.add(UInt64(norm.bitPattern))
                hash.add(tags.automaticOfArticle[index][position] ? 1 : 2)
                let members = tags.terms[tag].articles
                let run = Self.window(count: members.count, around: index, size: Self.window) { members[$0] }
                hash.add(UInt64(run.count))
                let shares = tagShares[tag]
                hash.add(memberHashes.hash(tag, run) { Self.entryHash(orderKeys[members[$0]], shares[$0]) })
            }
        }
        hash.add(0x5EED)
        for (rank, (term, weight)) in terms.query(index).enumerated() {
            hash.add(UInt64(weight.bitPattern))
            terms.postings.withList(Int(term)) { list in
                let run = Self.window(count: list.count, around: index, size: Self.windowSize(rank: rank)) { Int(list[$0].article) }
                hash.add(UInt64(run.count))
                hash.add(postingHashes.hash(Int(term), run) { Self.postingHash(list, $0, orderKeys: orderKeys) })
            }
        }
        return hash.value
    }

    /// Tags count at most `tag_weight` (0.2 by default) where a strong text match is worth 0.3 to 1:
    /// shared tags alone never outrank the text.
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
        let sharedTags = (tags?.termsOfArticle[index] ?? []).filter { otherTags.contains($0) && tagRarity[$0] > 0 }
        let otherTerms = Dictionary(terms.signatures[other].map { ($0.term, $0.weight) }, uniquingKeysWith: { a, _ in a })
        let sharedTerms = terms.query(index)
            .compactMap { term, weight in otherTerms[term].map { (term, weight * $0) } }
            .sorted { $0.1 > $1.1 }
            .map { terms.stems[Int($0.0)] }
        return RelatedCandidate(article: other, score: combined(tag: tag, text: text, time: time),
                                tagScore: settings.tagWeight * tag, textScore: settings.textWeight * text,
                                timeFactor: time, sharedTags: sharedTags, sharedTerms: sharedTerms,
                                containment: terms.containment(index, other))
    }

    /// The `limit` best by score, then newest (lowest index): a partial selection, not a full sort. A heap
    /// with the worst kept at its root, so each of the tens of thousands of touched articles costs one
    /// comparison and the few that enter cost a logarithm, not a shift of the whole shortlist.
    static func top(_ scored: [(article: Int, score: Double)], limit: Int) -> [(article: Int, score: Double)] {
        func better(_ a: (article: Int, score: Double), _ b: (article: Int, score: Double)) -> Bool {
            a.score != b.score ? a.score > b.score : a.article < b.article
        }
        guard limit > 0 else { return [] }
        guard scored.count > limit * 4 else { return Array(scored.sorted(by: better).prefix(limit)) }
        var heap: [(article: Int, score: Double)] = []
        heap.reserveCapacity(limit)
        func siftDown(from start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var worst = parent
                if left < heap.count && better(heap[worst], heap[left]) { worst = left }
                if right < heap.count && better(heap[worst], heap[right]) { worst = right }
                if worst == parent { return }
                heap.swapAt(parent, worst)
                parent = worst
            }
        }
        for entry in scored {
            if heap.count < limit {
                heap.append(entry)
                var child = heap.count - 1
                while child > 0, better(heap[(child - 1) / 2], heap[child]) {
                    heap.swapAt(child, (child - 1) / 2)
                    child = (child - 1) / 2
                }
            } else if better(entry, heap[0]) {
                heap[0] = entry
                siftDown(from: 0)
            }
        }
        return heap.sorted(by: better)
    }

    /// The positions of at most `size` entries of a time-ordered list of `count`, centred on the first
    /// whose article is not before `index` (`position` gives an entry's article).
    static func window(count: Int, around index: Int, size: Int, position: (Int) -> Int) -> Range<Int> {
        guard count > size else { return 0..<count }
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if position(mid) < index { low = mid + 1 } else { high = mid }
        }
        let start = max(0, min(count - size, low - size / 2))
        return start..<(start + size)
    }

    // MARK: - Explaining

    /// The candidates for one article with the parts of their scores, for `warraq related`.
    public func explain(_ index: Int, limit: Int) -> [RelatedCandidate] {
        guard limit > 0 else { return [] }
        var scratch = Scratch(count: articles.count, terms: terms.count)
        return candidates(for: index, limit: limit, scratch: &scratch) { other, tag, text, _ in explain(index, other, tag: tag, text: text) }
    }
}

/// A 64-bit hash of a sequence of words, each mixed in by a multiply and a shift, so that every bit of
/// every word reaches every bit of the result and the order counts.
struct FingerprintHash {
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    mutating func add(_ word: UInt64) {
        var mixed = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
        mixed ^= mixed >> 29
        mixed = mixed &* 0xBF58_476D_1CE4_E5B9
        value = mixed ^ (mixed >> 32)
    }

    /// Bytes eight at a time, then the last few with the length mixed in.
    mutating func add(bytes raw: UnsafeRawBufferPointer) {
        let words = add(words: raw)
        add(tail: UnsafeRawBufferPointer(rebasing: raw[words...]), length: raw.count)
    }

    /// The whole eight-byte words at the start of `raw`; how many bytes they took. Bytes given in pieces
    /// this way (each but the last a whole number of words), then `add(tail:length:)`, hash as `add(bytes:)`
    /// of them all at once.
    @discardableResult
    mutating func add(words raw: UnsafeRawBufferPointer) -> Int {
        let words = raw.count / 8 * 8
        for offset in stride(from: 0, to: words, by: 8) { add(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
        return words
    }

    /// The last few bytes, fewer than eight, with the length of everything added.
    mutating func add(tail raw: UnsafeRawBufferPointer, length: Int) {
        var tail = UInt64(length)
        for byte in raw { tail = tail << 8 | UInt64(byte) }
        add(tail)
    }
}
