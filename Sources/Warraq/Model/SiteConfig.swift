import Foundation

/// What `site.yml` says about the whole site. Every key has a default, so an archive without the file builds.
public struct SiteConfig: Sendable {
    public var title = "أرشيف الأخبار"
    public var description = ""
    public var baseURL = BaseURL("http://localhost/")!
    /// False while `baseURL` is the localhost default: canonical links, feeds and sitemaps are then wrong.
    public var baseURLIsSet = false
    public var language = "ar"
    public var direction = "rtl"
    public var pageSize = 20
    public var timeZone = TimeZone(identifier: "UTC")!
    /// Arabic-Indic digits (٢٠٢٣) instead of ASCII ones (2023) in dates and counts shown to readers.
    public var arabicIndicDigits = false
    /// Month names: the Egyptian and Gulf transliterations (سبتمبر) or the Levantine ones (أيلول).
    public var monthNames: MonthNames = .gregorian
    /// The calendars an article's date is shown in (`calendars: [gregorian, hijri]`): the Gregorian always,
    /// the Umm al-Qura Hijri date beside it when asked for.
    public var calendars: [CalendarName] = [.gregorian]
    /// Raw HTML in Markdown bodies is omitted unless the site opts in.
    public var unsafeHTML = false
    /// Publish files reached through symbolic links that point outside the archive (off: they are skipped
    /// with a warning, so a link to a secret file is never published by accident).
    public var followSymlinks = false
    public var smartQuotes = false
    public var readAlso = ReadAlsoSettings()
    public var feeds = FeedSettings()
    public var taxonomies: [TaxonomyConfig] = TaxonomyConfig.defaults
    /// `source_names: {aawsat: "الشرق الأوسط"}`: how a source id is shown; its pages keep the id in the URL.
    public var sourceNames: [String: String] = [:]
    /// `search: true|false`: a Pagefind index of the articles and a search page. Unset (nil): on when the
    /// indexer is installed. A build resolves it to true or false before planning.
    public var search: Bool?
    /// `search_words: N`: how many words of each article's text the index holds (the title, facets and
    /// folded copies always). News puts its story first; the cap keeps the indexer's memory in step
    /// with the archive (Pagefind needed more than 15 GB for 100,000 whole articles). 0: the whole text.
    public var searchWords = 400

    public init() {}

    /// The name readers see for a source as articles spell it.
    public func sourceName(_ source: String) -> String {
        sourceNames[source] ?? sourceNames[source.lowercased()] ?? source
    }

    public enum MonthNames: String, Sendable { case gregorian, levantine }
    public enum CalendarName: String, Sendable, CaseIterable { case gregorian, hijri }

    public struct ReadAlsoSettings: Sendable {
        /// How many similar articles besides the featured one.
        public var similar = 6
        /// How much closeness in time counts (0: not at all, 1: an article far in time scores nothing).
        public var timeWeight = 0.35
        /// After how many days the time factor has halved.
        public var halfLifeDays = 30.0
        /// Shared tags add at most this much to a text similarity of 0 to 1.
        public var tagWeight = 0.2
        public var textWeight = 1.0
    }

    public struct FeedSettings: Sendable {
        public var items = 20
        /// Whole article bodies in feeds, or only their summaries.
        public var fullContent = false
        /// The formats of each term's feeds (tags, sources, authors, places); the site's own feed is always
        /// both. One by default: a reader subscribes to one, and term feeds were most of a site's files.
        public var termFormats: [FeedFormat] = [.rss]
        /// A term gets feeds only from this many articles.
        public var minimumArticles = 1
    }
}

/// A feed's format, and the file it is written to in its folder.
public enum FeedFormat: String, Sendable, CaseIterable, Codable {
    case rss, atom

    public var fileName: String { Permalinks.feed(self, in: []).last ?? "" }
}

/// The address the site is published at, which may carry a path (`https://example.org/archive/`).
public struct BaseURL: Sendable, Equatable {
    /// Scheme and host, without a trailing slash: `https://example.org`.
    public let origin: String
    /// The path every internal link starts with, with slashes at both ends: `/archive/`.
    public let path: String

    /// Only http and https, and no control character, raw or percent-encoded: the base URL lands in every
    /// canonical link, feed and robots.txt, where `javascript://%0a...` or a newline would do harm.
    public init?(_ text: String) {
        guard let url = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
              let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = url.host, !host.isEmpty,
              !(text + host + url.path).unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
              !host.contains(where: { " <>\"'`\\{}|^".contains($0) }) else { return nil }
        origin = "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
        let trimmed = url.path.split(separator: "/").joined(separator: "/")
        path = trimmed.isEmpty ? "/" : "/\(trimmed)/"
    }

    public var absolute: String { origin + path }

    /// The link to a site path (given without leading slash, already percent-encoded).
    public func link(_ sitePath: String) -> String { path + sitePath }
    public func absoluteLink(_ sitePath: String) -> String { origin + path + sitePath }
}
