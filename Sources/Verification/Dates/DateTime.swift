public import Foundation

/// Parses the date-times credentials carry: XML Schema `dateTime` / RFC 3339 (`2010-01-01T00:00:00Z`, fractions,
/// offsets), and the forms OB 2.0 allowed besides (a bare date, or seconds since 1970 as a number or numeric string).
///
/// Written by hand because `ISO8601DateFormatter` rejects valid variants (no seconds fraction control, no bare offsets)
/// and is costly to create; a date is parsed several times per verification.
public enum DateTime {
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        if !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let seconds = Double(text) { return Date(timeIntervalSince1970: seconds) }
        var reader = Reader(bytes: bytes)
        guard let year = reader.number(digits: 4), reader.skip("-"), let month = reader.number(digits: 2), reader.skip("-"),
            let day = reader.number(digits: 2), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400
        if reader.isAtEnd { return Date(timeIntervalSince1970: seconds) }
        guard reader.skip("T") || reader.skip("t") || reader.skip(" "), let hour = reader.number(digits: 2), reader.skip(":"),
            let minute = reader.number(digits: 2), hour <= 24, minute <= 59
        else { return nil }
        guard reader.skip(":"), let whole = reader.number(digits: 2), whole <= 60 else { return nil }
        var second = Double(whole)
        if reader.skip(".") {
            var scale = 0.1
            var any = false
            while let digit = reader.digit() {
                second += Double(digit) * scale
                scale /= 10
                any = true
            }
            guard any else { return nil }
        }
        seconds += Double(hour * 3600 + minute * 60) + second
        if reader.skip("Z") || reader.skip("z") || reader.isAtEnd {
            // A dateTime without an offset is read as UTC: XML Schema leaves it undetermined, and UTC is what issuers mean.
        } else {
            let sign: Double
            if reader.skip("+") {
                sign = 1
            } else if reader.skip("-") {
                sign = -1
            } else {
                return nil
            }
            guard let offsetHours = reader.number(digits: 2) else { return nil }
            _ = reader.skip(":")
            guard let offsetMinutes = reader.number(digits: 2), offsetHours <= 23, offsetMinutes <= 59 else { return nil }
            seconds -= sign * Double(offsetHours * 3600 + offsetMinutes * 60)
        }
        guard reader.isAtEnd else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        var isAtEnd: Bool { position == bytes.count }

        mutating func skip(_ character: Character) -> Bool {
            guard position < bytes.count, let ascii = character.asciiValue, bytes[position] == ascii else { return false }
            position += 1
            return true
        }

        mutating func digit() -> Int? {
            guard position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 else { return nil }
            position += 1
            return Int(bytes[position - 1] - 0x30)
        }

        mutating func number(digits: Int) -> Int? {
            var value = 0
            for _ in 0..<digits {
                guard let d = digit() else { return nil }
                value = value * 10 + d
            }
            return value
        }
    }
}
