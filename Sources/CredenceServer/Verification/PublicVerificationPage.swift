import Foundation
import Mustache
import Verification

/// The one-click page a hiring manager opens (`GET /verify/{id}`), and its error page, rendered from the Mustache
/// templates in `Resources/templates`. Values are HTML-escaped by Mustache; links are only ever http(s).
struct PublicVerificationPage: Sendable {
    let library: MustacheLibrary

    /// Loads the templates shipped with the service.
    init() throws {
        library = try .shipped(["verification-page", "verification-error", "verification-style"])
    }

    func render(_ verification: PublicVerification, now: Date) -> String {
        library.render(Self.context(verification, now: now), withTemplate: "verification-page") ?? ""
    }

    func renderError(status: Int, title: String, message: String, requestID: String?) -> String {
        let context = Self.compact([
            "status": String(status), "title": title, "heading": title, "message": message, "requestId": requestID,
        ])
        return library.render(context, withTemplate: "verification-error") ?? ""
    }

    /// Everything the page template reads; absent values are left out, so `{{#name}}` sections simply do not render.
    static func context(_ verification: PublicVerification, now: Date) -> [String: Any] {
        let facts = PublicCredentialFacts(badge: verification.badge)
        let issuerName = facts.issuerName ?? facts.issuerID
        let outcome = verification.outcome
        let tone: String
        let mark: String
        switch outcome {
        case .verified: (tone, mark) = ("good", "✓")
        case .failed, .revoked: (tone, mark) = ("bad", "✗")
        case .suspended, .expired, .notYetValid, .unverifiable: (tone, mark) = ("warn", "!")
        }
        let checks: [[String: Any]] = (verification.report?.checks ?? []).map { check in
            let (symbol, status) = Self.mark(check.outcome)
            return [
                "outcome": check.outcome.rawValue, "mark": symbol, "status": status, "label": CheckExplanation.label(check.name),
                "sentence": CheckExplanation.sentence(check), "detail": check.detail,
            ]
        }
        let checkedLine: String
        if let checkedAt = verification.report?.checkedAt {
            checkedLine =
                verification.fresh
                ? "Revocation status and dates checked \(PageDate.text(checkedAt)). The signature was checked when the credential was received."
                : "As last checked \(PageDate.text(checkedAt)); it could not be checked again just now."
        } else {
            checkedLine = "No verification has been recorded for this credential."
        }
        let results: [[String: Any]] = facts.results.map { result in
            let position = result.ordinal.flatMap { ordinal in result.levelCount.map { "level \(ordinal) of \($0)" } }
            let achieved = [result.levelName, position.map { "(\($0))" }, result.value, result.status].compactMap { $0 }.joined(separator: " ")
            return compact([
                "title": result.name ?? "Result", "achievedText": achieved,
                "requirement": result.meetsRequirement.map { $0 ? "meets the required level" : "below the required level" },
                "hasRubric": !result.rubric.isEmpty,
                "hasDescriptions": result.rubric.contains { $0.description != nil },
                "hasPoints": result.rubric.contains { $0.points != nil },
                "rubric": result.rubric.map { level in
                    compact([
                        "name": level.name ?? level.label ?? "Level", "label": level.name == nil ? nil : level.label,
                        "description": level.description, "points": level.points, "achieved": level.achieved,
                    ])
                },
            ])
        }
        let evidence: [[String: Any]] = facts.evidence.map { link in
            compact([
                "url": safeURL(link.url), "title": link.name ?? link.description ?? link.url ?? "Evidence", "genre": link.genre,
                "narrative": link.narrative,
            ])
        }
        let expired = facts.validUntil.flatMap(PageDate.instant).map { $0 < now } ?? false
        let activity = [facts.activityStart.map(PageDate.text), facts.activityEnd.map(PageDate.text)].compactMap { $0 }.joined(separator: " – ")
        return compact([
            "verdict": [
                "title": CheckExplanation.title(outcome), "summary": CheckExplanation.summary(outcome, issuer: issuerName, report: verification.report), "tone": tone,
                "mark": mark,
            ],
            "achievement": compact([
                "name": facts.achievementName, "description": facts.description, "image": safeImage(facts.image),
                "type": facts.achievementType.map(readable), "code": facts.humanCode,
                "field": [facts.fieldOfStudy, facts.specialization].compactMap { $0 }.joined(separator: ", "),
            ]),
            "credentialName": facts.credentialName == facts.achievementName ? nil : facts.credentialName,
            "earnerName": verification.earnerName,
            "checkedLine": checkedLine,
            "supersededBy": verification.supersededBy.map { "/verify/\($0.uuidString)" },
            "awarded": facts.awardedDate.map(PageDate.text),
            "validFrom": facts.validFrom.map(PageDate.text),
            "validUntil": facts.validUntil.map(PageDate.text),
            "expired": expired,
            "term": facts.term, "activity": activity, "credits": facts.creditsEarned, "role": facts.role,
            "activityNarrative": facts.activityNarrative,
            "hasSkills": !facts.skills.isEmpty,
            "skills": facts.skills.map { compact(["name": $0.name ?? $0.code ?? $0.url ?? "Skill", "url": safeURL($0.url), "framework": $0.framework]) },
            "criteria": facts.criteriaNarrative,
            "criteriaURL": safeURL(facts.criteriaURL),
            "hasAssessment": facts.criteriaNarrative != nil || facts.criteriaURL != nil || !facts.results.isEmpty,
            "results": results,
            "hasEvidence": !evidence.isEmpty,
            "evidence": evidence,
            "issuer": compact([
                "name": issuerName, "url": safeURL(facts.issuerURL), "id": facts.issuerID, "email": facts.issuerEmail,
                "trust": trustLine(verification.issuerTrust),
            ]),
            "hasChecks": !checks.isEmpty,
            "checks": checks,
            "credentialId": verification.credentialURI,
            "proofType": verification.report?.proofType,
        ])
    }

    private static func mark(_ outcome: CheckOutcome) -> (String, String) {
        switch outcome {
        case .passed: return ("✓", "Passed")
        case .failed: return ("✗", "Failed")
        case .warning: return ("!", "Note")
        case .skipped: return ("–", "Not checked")
        }
    }

    private static func trustLine(_ trust: IssuerTrust) -> String {
        switch trust {
        case .trusted: return "Trusted by the operators of this service"
        case .unknown: return "Not reviewed by the operators of this service"
        case .blocked: return "Blocked by the operators of this service: do not rely on credentials from this issuer"
        }
    }

    /// `BachelorDegree` → `Bachelor degree`; `ext:` types keep their text after the prefix.
    private static func readable(_ type: String) -> String {
        let name = type.hasPrefix("ext:") ? String(type.dropFirst(4)) : type
        var words: [String] = []
        for character in name {
            if character.isUppercase, !(words.last?.isEmpty ?? true) { words.append("") }
            if words.isEmpty { words.append("") }
            words[words.count - 1].append(character)
        }
        return words.enumerated().map { $0 == 0 ? $1 : $1.lowercased() }.joined(separator: " ")
    }

    /// The URL when it is http(s): anything else (`javascript:`, `data:`) is never made a link.
    static func safeURL(_ url: String?) -> String? {
        guard let url, let scheme = URL(string: url)?.scheme?.lowercased(), scheme == "https" || scheme == "http" else { return nil }
        return url
    }

    private static func safeImage(_ url: String?) -> String? {
        guard let url else { return nil }
        return url.lowercased().hasPrefix("data:image/") ? url : safeURL(url)
    }

    /// A dictionary without the `nil` and empty-string values.
    static func compact(_ pairs: KeyValuePairs<String, Any?>) -> [String: Any] {
        var result: [String: Any] = [:]
        for (key, value) in pairs {
            guard let value else { continue }
            if let text = value as? String, text.isEmpty { continue }
            result[key] = value
        }
        return result
    }
}

/// Dates as people read them: `1 June 2025`, `1 June 2025 at 14:03 UTC`.
enum PageDate {
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// The issuer's RFC 3339 text as a date (with the time when it is not midnight UTC); the text itself if unreadable.
    static func text(_ rfc3339: String) -> String {
        instant(rfc3339).map { text($0) } ?? rfc3339
    }

    static func text(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let year = c.year, let month = c.month, let day = c.day, (1...12).contains(month) else { return date.rfc3339 }
        let date = "\(day) \(months[month - 1]) \(year)"
        guard let hour = c.hour, let minute = c.minute, hour != 0 || minute != 0 else { return date }
        return date + String(format: " at %02d:%02d UTC", hour, minute)
    }

    static func instant(_ rfc3339: String) -> Date? {
        (try? Date(rfc3339, strategy: .iso8601)) ?? (try? Date(rfc3339, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
    }
}
