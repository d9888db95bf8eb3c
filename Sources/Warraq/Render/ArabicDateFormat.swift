import Foundation

/// Dates as Arabic readers see them: `22 سبتمبر 2023` or `٢٢ أيلول ٢٠٢٣`, per the site's settings.
public struct ArabicDateFormat: Sendable {
    public let zone: TimeZone
    public let arabicIndicDigits: Bool
    public let monthNames: [String]

    public init(_ config: SiteConfig) {
        zone = config.timeZone
        arabicIndicDigits = config.arabicIndicDigits
        monthNames = config.monthNames == .levantine ? Self.levantine : Self.gregorian
    }

    static let gregorian = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
    static let levantine = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]

    public func day(_ date: Date) -> String {
        let c = ArticleDate.components(date, zone: zone)
        return "\(number(c.day)) \(monthNames[c.month - 1]) \(number(c.year))"
    }

    public func month(_ month: Int, of year: Int) -> String {
        "\(monthNames[month - 1]) \(number(year))"
    }

    public func number(_ value: Int) -> String {
        ArabicText.digits(String(value), arabicIndic: arabicIndicDigits)
    }

    /// "3 مقالات" with the Arabic plural forms of a counted noun.
    public func count(_ value: Int, one: String, two: String, few: String, many: String) -> String {
        switch value {
        case 1: return one
        case 2: return two
        case 3...10: return "\(number(value)) \(few)"
        default: return "\(number(value)) \(many)"
        }
    }

    public func articles(_ value: Int) -> String {
        value == 0 ? "لا مقالات" : count(value, one: "مقال واحد", two: "مقالان", few: "مقالات", many: "مقالاً")
    }
}
