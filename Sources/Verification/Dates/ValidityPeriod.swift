import Foundation
import StrictJSON

/// Compares a credential's validity period with the clock (VCDM 2.0 §4.9, 1.1 §7.1; OB 3.0 §13 step 4).
struct ValidityPeriod {
    var validFrom: (member: String, value: JSONValue)?
    var validUntil: (member: String, value: JSONValue)?
    /// JWT `nbf` / `exp`, which bound the period too when the credential is a VC-JWT.
    var notBefore: Date?
    var expires: Date?

    /// A `valid_from` and a `valid_until` check, each allowing `skew` seconds of clock difference.
    func checks(now: Date, skew: TimeInterval) -> [VerificationCheck] {
        [startCheck(now: now, skew: skew), endCheck(now: now, skew: skew)]
    }

    private func startCheck(now: Date, skew: TimeInterval) -> VerificationCheck {
        var start = notBefore
        var label = notBefore.map { "nbf \(Self.format($0))" }
        if let validFrom {
            guard let date = Self.date(validFrom.value) else {
                return .failed(.validFrom, "\(validFrom.member) is not a date-time")
            }
            if start.map({ date > $0 }) ?? true {
                start = date
                label = "\(validFrom.member) \(validFrom.value.stringValue ?? Self.format(date))"
            }
        }
        guard let start, let label else { return .skipped(.validFrom, "the credential states no start of validity") }
        if start > now.addingTimeInterval(skew) {
            return .failed(.validFrom, "not valid until \(label), which is in the future", effect: .notYetValid)
        }
        return .passed(.validFrom, "valid since \(label)")
    }

    private func endCheck(now: Date, skew: TimeInterval) -> VerificationCheck {
        var end = expires
        var label = expires.map { "exp \(Self.format($0))" }
        if let validUntil {
            guard let date = Self.date(validUntil.value) else {
                return .failed(.validUntil, "\(validUntil.member) is not a date-time")
            }
            if end.map({ date < $0 }) ?? true {
                end = date
                label = "\(validUntil.member) \(validUntil.value.stringValue ?? Self.format(date))"
            }
        }
        guard let end, let label else { return .skipped(.validUntil, "the credential does not expire") }
        if end < now.addingTimeInterval(-skew) {
            return .failed(.validUntil, "expired at \(label)", effect: .expired)
        }
        return .passed(.validUntil, "valid until \(label)")
    }

    /// A date from a string, or from a number of seconds (OB 2.0 allowed timestamps).
    static func date(_ value: JSONValue) -> Date? {
        if let text = value.stringValue { return DateTime.parse(text) }
        if let number = value.numberValue { return Date(timeIntervalSince1970: number.double) }
        return nil
    }

    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}
