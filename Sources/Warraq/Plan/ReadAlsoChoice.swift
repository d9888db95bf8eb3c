/// What choosing an article's list reads, so that a rebuild chooses again only the lists whose inputs
/// changed (`ReadAlsoMemory.Choice`): its explicit links as resolved, and the keys of everything else.
extension ReadAlsoEngine {
    /// An article's explicit links, resolved against the archive: its "read also" references (nil: no
    /// published article) and the headlines of its similar list with the article each names, if any.
    struct ExplicitLinks {
        var references: [(reference: Article.Reference, target: Int?)]
        var headlines: [(headline: String, folded: String, target: Int?)]

        func diagnostics(_ article: Article) -> [Diagnostic] {
            references.compactMap { reference, target in
                target == nil ? .warning(article.file, line: reference.line, "read also '\(reference.target)' matches no published article") : nil
            }
        }
    }

    func explicitLinks(of index: Int) -> ExplicitLinks {
        let article = articles[index]
        return ExplicitLinks(
            references: article.readAlso.map { ($0, references.resolve($0.target, from: index)) },
            headlines: article.similarTitles.map { headline in
                let folded = ArabicText.fold(headline)
                return (headline, folded, references.byTitle[folded]?.first)
            })
    }

    /// Everything choosing an article's list from `best` reads, but for its neighbours in time: the
    /// article's and each candidate's `contentKeys`, identities and scores, and its explicit links as
    /// resolved. Equal keys give equal lists (the neighbours aside, `neighboursKey`).
    func choiceKey(for index: Int, best: [(article: Int, score: Double)], links: ExplicitLinks) -> UInt64 {
        var hash = FingerprintHash()
        hash.add(identities[index])
        hash.add(contentKeys[index])
        hash.add(UInt64(settings.similar))
        for (reference, target) in links.references {
            hash.add(StableHash(Array(reference.target.utf8)).value)
            hash.add(target.map { identities[$0] ^ contentKeys[$0] } ?? 0x0DE1)
        }
        hash.add(0xEAD)
        for (headline, _, target) in links.headlines {
            hash.add(StableHash(Array(headline.utf8)).value)
            hash.add(target.map { identities[$0] ^ contentKeys[$0] } ?? 0x0DE1)
        }
        hash.add(0x5EED)
        for (other, score) in best {
            hash.add(identities[other])
            hash.add(contentKeys[other])
            hash.add(score.bitPattern)
        }
        return hash.value
    }

    /// What the fallback reads: the articles next to `index` in time, in the order it offers them.
    func neighboursKey(of index: Int) -> UInt64 {
        var hash = FingerprintHash()
        for neighbour in neighboursInTime(of: index) {
            hash.add(identities[neighbour])
            hash.add(contentKeys[neighbour])
        }
        return hash.value
    }

    /// A list as the memory keeps it: by identity, with the keys it was chosen under.
    func rememberedChoice(_ readAlso: ReadAlso, key: UInt64, neighbours: UInt64?) -> ReadAlsoMemory.Choice {
        ReadAlsoMemory.Choice(
            key: key, neighbours: neighbours, featured: readAlso.featured.map { identities[$0] },
            similar: readAlso.similar.map { link in
                switch link {
                case .article(let other): .article(identities[other])
                case .headline(let headline): .headline(headline)
                }
            },
            alsoPublished: readAlso.alsoPublished.map { identities[$0] })
    }

    /// A remembered list by index, or nil if one of its articles is no longer in the archive.
    static func readAlso(_ choice: ReadAlsoMemory.Choice, indexOfIdentity: [UInt64: Int]) -> (ReadAlso, UInt64?)? {
        var result = ReadAlso()
        if let featured = choice.featured {
            guard let index = indexOfIdentity[featured] else { return nil }
            result.featured = index
        }
        for link in choice.similar {
            switch link {
            case .article(let identity):
                guard let index = indexOfIdentity[identity] else { return nil }
                result.similar.append(.article(index))
            case .headline(let headline):
                result.similar.append(.headline(headline))
            }
        }
        for identity in choice.alsoPublished {
            guard let index = indexOfIdentity[identity] else { return nil }
            result.alsoPublished.append(index)
        }
        return (result, choice.neighbours)
    }
}
