import Foundation
import StrictJSON

/// Which date-time forms a field accepts.
enum DateRule {
    /// VCDM 2.0 `dateTimeStamp`: a timezone is required.
    case timezoneRequired
    /// VCDM 1.1 `xsd:dateTime`: a missing timezone is valid and read as UTC, with a warning since it is ambiguous.
    case timezoneOptional
    /// OB 2.0 as issued in practice: also date-only, no seconds, `hhmm` offsets and Unix timestamps, with a warning.
    case lenient
}

extension FieldReader {
    /// A date-time field whose invalidity rejects the credential. Absence is left to the caller, which knows the fallbacks.
    func date(_ parent: Node, _ key: String, rule: DateRule) -> CredentialDate? {
        guard let node = parent[key] else { return nil }
        return date(of: node, rule: rule, essential: true)
    }

    /// A date-time that only informs (activity dates): an invalid one is dropped with a warning.
    func optionalDate(_ parent: Node, _ key: String, rule: DateRule) -> CredentialDate? {
        guard let node = parent[key] else { return nil }
        return date(of: node, rule: rule, essential: false)
    }

    private func date(of node: Node, rule: DateRule, essential: Bool) -> CredentialDate? {
        let fail = { (message: String) -> CredentialDate? in
            if essential {
                log.problem(.invalidDate, message, at: node.pointer)
            } else {
                log.warn(.invalidOptionalDate, message + "; ignored", at: node.pointer)
            }
            return nil
        }
        if case .number(let n) = node.value, rule == .lenient, let seconds = n.intValue {
            log.warn(.lenientDate, "a Unix timestamp; OB 2.0 expects an ISO 8601 date-time", at: node.pointer)
            return CredentialDate(instant: Date(timeIntervalSince1970: TimeInterval(seconds)), text: n.text)
        }
        guard let text = node.string else { return fail("expected a date-time text, found \(node.value.kindName)") }
        if rule == .lenient, let seconds = Int(text), text.count >= 9 {
            log.warn(.lenientDate, "a Unix timestamp; OB 2.0 expects an ISO 8601 date-time", at: node.pointer)
            return CredentialDate(instant: Date(timeIntervalSince1970: TimeInterval(seconds)), text: text)
        }
        switch DateTimeText.read(text, lenient: rule == .lenient) {
        case .exact(let instant):
            return CredentialDate(instant: instant, text: text)
        case .noTimezone(let instant):
            switch rule {
            case .timezoneRequired:
                if essential {
                    log.problem(.missingTimezone, "\"\(text)\" has no timezone; VCDM 2.0 dates need Z or ±hh:mm", at: node.pointer)
                    return nil
                }
                log.warn(.invalidOptionalDate, "\"\(text)\" has no timezone; read as UTC", at: node.pointer)
            case .timezoneOptional, .lenient:
                log.warn(.lenientDate, "\"\(text)\" has no timezone; read as UTC", at: node.pointer)
            }
            return CredentialDate(instant: instant, text: text)
        case .lenient(let instant):
            log.warn(.lenientDate, "\"\(text)\" is not a full date-time with seconds and timezone; read leniently", at: node.pointer)
            return CredentialDate(instant: instant, text: text)
        case .invalid(let reason):
            return fail("\"\(text.prefix(64))\" is not a valid date-time: \(reason)")
        }
    }
}
