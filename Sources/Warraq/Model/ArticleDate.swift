import Foundation

/// Dates as archives write them, parsed without a DateFormatter per call (they are slow and not thread-safe
/// to share), and shown in Arabic.
public enum ArticleDate {

    /// Parses `2023-09-22`, `2023-09-22 10:30`, `2023-09-22T10:30:00`, with optional fraction and zone
    /// (`Z`, `+03:00`, `+0300`). A date without a zone is in `zone`.
    public static func parse(_ text: String, zone: TimeZone) -> Date? {
        let s = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= s.count else { return nil }
            var value = 0
            for k in i..<(i + digits) {
                guard s[k] >= 48 && s[k] <= 57 else { return nil }
                value = value * 10 + Int(s[k] - 48)
            }
            i += digits
            return value
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
              year >= 1, (1...12).contains(month), (1...daysIn(month, of: year)).contains(day) else { return nil }
        var hour = 0, minute = 0, second = 0
        var offset: Int?
        if i < s.count {
            guard s[i] == 84 || s[i] == 32 else { return nil }  // 'T' or ' '
            i += 1
            guard let h = number(2), expect(58), let m = number(2), h < 24, m < 60 else { return nil }
            hour = h
            minute = m
            if expect(58) {
                guard let sec = number(2), sec < 61 else { return nil }
                second = sec
                if expect(46) { while i < s.count, s[i] >= 48 && s[i] <= 57 { i += 1 } }
            }
            while i < s.count, s[i] == 32 { i += 1 }
            if i < s.count {
                if s[i] == 90 {  // 'Z'
                    offset = 0
                    i += 1
                } else if s[i] == 43 || s[i] == 45 {  // '+' or '-'
                    let sign = s[i] == 43 ? 1 : -1
                    i += 1
                    guard let oh = number(2) else { return nil }
                    _ = expect(58)
                    let om = number(2) ?? 0
                    offset = sign * (oh * 3600 + om * 60)
                } else {
                    return nil
                }
            }
        }
        guard i == s.count else { return nil }
        let local = Double(daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second)
        if let offset { return Date(timeIntervalSince1970: local - Double(offset)) }
        // Take the zone's offset at the local time, then correct once for a DST change between the two.
        let guess = Date(timeIntervalSince1970: local - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: local))))
        return Date(timeIntervalSince1970: local - Double(zone.secondsFromGMT(for: guess)))
    }

    /// 2023-02-30 is no day at all, not 2 March: the calendar decides, leap years included. Year 0 does not
    /// exist in the calendar archives write.
    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Year, month, day, hour, minute, second of a date in a zone.
    public static func components(_ date: Date, zone: TimeZone) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
        let days = Int((Double(local) / 86400).rounded(.down))
        let seconds = local - days * 86400
        let (y, m, d) = civilFromDays(days)
        return (y, m, d, seconds / 3600, (seconds % 3600) / 60, seconds % 60)
    }

    /// `2023-09-22T10:30:00+03:00`: for `<time datetime>`, Atom, JSON-LD and sitemaps.
    public static func iso8601(_ date: Date, zone: TimeZone) -> String {
        let c = components(date, zone: zone)
        let offset = zone.secondsFromGMT(for: date)
        let zoneText = offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + padded(abs(offset) / 3600, 2) + ":" + padded((abs(offset) % 3600) / 60, 2)
        return padded(c.year, 4) + "-" + padded(c.month, 2) + "-" + padded(c.day, 2) + "T" + clock(c) + zoneText
    }

    /// `Fri, 22 Sep 2023 10:30:00 +0300`: RSS 2.0's RFC 822 dates, always in English.
    public static func rfc822(_ date: Date, zone: TimeZone) -> String {
        let c = components(date, zone: zone)
        let weekday = weekdayNames[((daysFromCivil(c.year, c.month, c.day) % 7) + 7) % 7]
        let offset = zone.secondsFromGMT(for: date)
        let zoneText = (offset < 0 ? "-" : "+") + padded(abs(offset) / 3600, 2) + padded((abs(offset) % 3600) / 60, 2)
        return weekday + ", " + padded(c.day, 2) + " " + monthNames[c.month - 1] + " " + padded(c.year, 4) + " " + clock(c) + " " + zoneText
    }

    /// Day 0 of the civil calendar (1970-01-01) was a Thursday.
    private static let weekdayNames = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static func clock(_ c: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)) -> String {
        padded(c.hour, 2) + ":" + padded(c.minute, 2) + ":" + padded(c.second, 2)
    }

    /// Zero-padded digits, as `%0Nd` writes them: `String(format:)` costs several times more, and dates
    /// are formatted for every page, feed item and sitemap entry.
    static func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(abs(number))
        let padding = String(repeating: "0", count: max(0, width - digits.count - (number < 0 ? 1 : 0)))
        return (number < 0 ? "-" : "") + padding + digits
    }

    // Howard Hinnant's civil calendar algorithms: exact for the proleptic Gregorian calendar.
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
