public import Foundation

/// A date-time from a credential: the instant it denotes and the text exactly as the issuer wrote it.
public struct CredentialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var instant: Date
    public var text: String

    public init(instant: Date, text: String) {
        self.instant = instant
        self.text = text
    }

    /// The instant for a JWT NumericDate (seconds since 1970), written as RFC 3339 UTC.
    init(numericDate seconds: Int) {
        self.instant = Date(timeIntervalSince1970: TimeInterval(seconds))
        self.text = DateTimeText.rfc3339(secondsSince1970: seconds)
    }

    /// Whole seconds since 1970, as JWT `nbf`/`exp` claims carry them (fractions truncated toward the past).
    var secondsSince1970: Int { Int(instant.timeIntervalSince1970.rounded(.down)) }

    public static func < (lhs: CredentialDate, rhs: CredentialDate) -> Bool { lhs.instant < rhs.instant }

    public var description: String { text }
}

/// Reads `xsd:dateTime` / RFC 3339 text without Foundation formatters, which are slow and locale-dependent.
enum DateTimeText {
    /// What a date-time text turned out to be.
    enum Reading: Equatable {
        /// A full date-time with seconds and a timezone.
        case exact(Date)
        /// Valid `xsd:dateTime` without a timezone, read as UTC (VCDM 1.1 allows it; VCDM 2.0 does not).
        case noTimezone(Date)
        /// Only a lenient reader accepts it (date only, no seconds, `hhmm` offsets, space separator); read as given, UTC by default.
        case lenient(Date)
        case invalid(String)
    }

    /// Parses `YYYY-MM-DDThh:mm:ss(.f+)?(Z|±hh:mm)?`; with `lenient`, also the looser forms OB 2.0 issuers wrote.
    static func read(_ text: String, lenient: Bool) -> Reading {
        var scanner = DigitScanner(bytes: Array(text.utf8))
        guard let year = scanner.number(digits: 4), scanner.take(UInt8(ascii: "-")),
            let month = scanner.number(digits: 2), scanner.take(UInt8(ascii: "-")),
            let day = scanner.number(digits: 2)
        else { return .invalid("expected YYYY-MM-DDThh:mm:ssZ") }
        guard (1...12).contains(month) else { return .invalid("month \(month) does not exist") }
        guard (1...daysIn(month: month, year: year)).contains(day) else { return .invalid("day \(day) does not exist in that month") }
        let days = daysSince1970(year: year, month: month, day: day)
        if scanner.atEnd {
            return lenient ? .lenient(date(days: days, seconds: 0)) : .invalid("a date without a time")
        }
        var loose = false
        if !scanner.take(UInt8(ascii: "T")) && !scanner.take(UInt8(ascii: "t")) {
            guard lenient, scanner.take(UInt8(ascii: " ")) else { return .invalid("expected 'T' between date and time") }
            loose = true
        }
        guard let hour = scanner.number(digits: 2), scanner.take(UInt8(ascii: ":")), let minute = scanner.number(digits: 2)
        else { return .invalid("expected hh:mm:ss") }
        var second = 0
        var fraction = 0.0
        if scanner.take(UInt8(ascii: ":")) {
            guard let s = scanner.number(digits: 2) else { return .invalid("expected two digits of seconds") }
            second = s
            if scanner.take(UInt8(ascii: ".")) {
                guard let f = scanner.fraction() else { return .invalid("expected digits after the decimal point") }
                fraction = f
            }
        } else if lenient {
            loose = true
        } else {
            return .invalid("seconds are missing")
        }
        // 60 is a leap second, which RFC 3339 allows; the instant then runs into the next minute.
        guard hour <= 23, minute <= 59, second <= 60 else { return .invalid("time \(hour):\(minute):\(second) does not exist") }
        var seconds = Double(days * 86_400 + hour * 3_600 + minute * 60 + second) + fraction
        if scanner.atEnd {
            return loose ? .lenient(Date(timeIntervalSince1970: seconds)) : .noTimezone(Date(timeIntervalSince1970: seconds))
        }
        let utc = scanner.take(UInt8(ascii: "Z")) || scanner.take(UInt8(ascii: "z"))
        if !utc {
            guard let sign = scanner.takeSign() else { return .invalid("unexpected text after the time") }
            guard let offsetHours = scanner.number(digits: 2) else { return .invalid("expected a ±hh:mm offset") }
            var offsetMinutes = 0
            if scanner.take(UInt8(ascii: ":")) {
                guard let m = scanner.number(digits: 2) else { return .invalid("expected a ±hh:mm offset") }
                offsetMinutes = m
            } else if lenient {
                loose = true
                offsetMinutes = scanner.number(digits: 2) ?? 0
            } else {
                return .invalid("expected a ±hh:mm offset")
            }
            guard offsetHours <= 23, offsetMinutes <= 59 else { return .invalid("offset out of range") }
            seconds -= Double(sign * (offsetHours * 3_600 + offsetMinutes * 60))
        }
        guard scanner.atEnd else { return .invalid("unexpected text after the timezone") }
        let instant = Date(timeIntervalSince1970: seconds)
        return loose ? .lenient(instant) : .exact(instant)
    }

    /// `YYYY-MM-DDThh:mm:ssZ` for whole seconds since 1970.
    static func rfc3339(secondsSince1970 seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = civilDate(daysSince1970: days)
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        return date + "T\(pad(secondOfDay / 3_600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))Z"
    }

    private static func date(days: Int, seconds: Int) -> Date {
        Date(timeIntervalSince1970: Double(days * 86_400 + seconds))
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant, "chrono-compatible low-level date algorithms").
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysSince1970`.
    private static func civilDate(daysSince1970 days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

/// A cursor over ASCII digits and punctuation.
private struct DigitScanner {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position == bytes.count }

    mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    mutating func takeSign() -> Int? {
        if take(UInt8(ascii: "+")) { return 1 }
        if take(UInt8(ascii: "-")) { return -1 }
        return nil
    }

    mutating func number(digits: Int) -> Int? {
        guard position + digits <= bytes.count else { return nil }
        var value = 0
        for i in position..<(position + digits) {
            let b = bytes[i]
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        position += digits
        return value
    }

    /// Digits after a decimal point, as a fraction of a second (precision beyond nanoseconds is ignored).
    mutating func fraction() -> Double? {
        let start = position
        var value = 0.0
        var scale = 1.0
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            if position - start < 9 {
                scale /= 10
                value += Double(bytes[position] - UInt8(ascii: "0")) * scale
            }
            position += 1
        }
        return position > start ? value : nil
    }
}
