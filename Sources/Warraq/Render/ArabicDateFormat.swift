import Foundation

/// Dates as Arabic readers see them: `22 سبتمبر 2023` or `٢٢ أيلول ٢٠٢٣`, per the site's settings, with
/// the weekday, the time of day and the Umm al-Qura Hijri date where the page has room for them.
public struct ArabicDateFormat: Sendable {
    public let zone: TimeZone
    public let arabicIndicDigits: Bool
    public let monthNames: [String]
    /// Whether the Hijri date is shown beside the Gregorian one (`calendars: [gregorian, hijri]`).
    public let showsHijri: Bool
    /// Umm al-Qura, the calendar of Saudi and Gulf papers; asked for days already moved into the site's zone.
    private let hijri: Calendar

    public init(_ config: SiteConfig) {
        zone = config.timeZone
        arabicIndicDigits = config.arabicIndicDigits
        monthNames = config.monthNames == .levantine ? Self.levantine : Self.gregorian
        showsHijri = config.calendars.contains(.hijri)
        var calendar = Calendar(identifier: .islamicUmmAlQura)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        hijri = calendar
    }

    static let gregorian = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
    static let levantine = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
    /// The month names of the Umm al-Qura calendar as Saudi papers print them.
    static let hijriMonths = ["محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"]
    /// Day 0 of the civil calendar (1970-01-01) was a Thursday.
    static let weekdays = ["الخميس", "الجمعة", "السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء"]

    /// `22 سبتمبر 2023`: lists and cards.
    public func day(_ date: Date) -> String {
        let c = ArticleDate.components(date, zone: zone)
        return "\(number(c.day)) \(monthNames[c.month - 1]) \(number(c.year))"
    }

    /// `الجمعة 22 سبتمبر 2023 - 7 ربيع الأول 1445 هـ، 10:30`: an article's own date line. The Hijri date
    /// only when the site asks for it, the time only when the article has one (a time of exactly midnight
    /// is how a date without a time is read, so it is not shown).
    public func full(_ date: Date) -> String {
        let c = ArticleDate.components(date, zone: zone)
        var text = "\(weekday(c.year, c.month, c.day)) \(day(date))"
        if showsHijri, let hijri = hijriDay(c.year, c.month, c.day) { text += " - " + hijri }
        if let time = time(date) { text += "، " + time }
        return text
    }

    /// `10:30` in the site's zone, or nil for a date given without a time.
    public func time(_ date: Date) -> String? {
        let c = ArticleDate.components(date, zone: zone)
        guard c.hour != 0 || c.minute != 0 || c.second != 0 else { return nil }
        return number(c.hour) + ":" + (c.minute < 10 ? number(0) : "") + number(c.minute)
    }

    public func weekday(_ year: Int, _ month: Int, _ day: Int) -> String {
        Self.weekdays[((ArticleDate.daysFromCivil(year, month, day) % 7) + 7) % 7]
    }

    /// `7 ربيع الأول 1445 هـ` for a Gregorian day, or nil where the calendar gives none.
    public func hijriDay(_ year: Int, _ month: Int, _ day: Int) -> String? {
        let noon = Date(timeIntervalSince1970: Double(ArticleDate.daysFromCivil(year, month, day) * 86400 + 43200))
        let h = hijri.dateComponents([.year, .month, .day], from: noon)
        guard let y = h.year, let m = h.month, let d = h.day, (1...12).contains(m) else { return nil }
        return "\(number(d)) \(Self.hijriMonths[m - 1]) \(number(y)) هـ"
    }

    public func month(_ month: Int, of year: Int) -> String {
        "\(monthNames[month - 1]) \(number(year))"
    }

    public func number(_ value: Int) -> String {
        ArabicText.digits(String(value), arabicIndic: arabicIndicDigits)
    }

    /// A counted noun with Arabic number agreement (CLDR's plural categories for Arabic): `مقال واحد`,
    /// `مقالان`, `3 مقالات` (3–10), `11 مقالاً` (11–99), `100 مقال`; the last two digits decide past 100.
    public func count(_ value: Int, _ noun: CountedNoun) -> String {
        let rest = value % 100
        switch value {
        case 0: return noun.zero
        case 1: return noun.one
        case 2: return noun.two
        default:
            switch rest {
            case 3...10: return "\(number(value)) \(noun.few)"
            case 11...99: return "\(number(value)) \(noun.many)"
            default: return "\(number(value)) \(noun.other)"
            }
        }
    }

    public func articles(_ value: Int) -> String {
        count(value, .articles)
    }
}
