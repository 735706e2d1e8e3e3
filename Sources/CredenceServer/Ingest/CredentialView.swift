import Credentials
import Foundation
import StrictJSON
import Verification

/// The JSON the credential endpoints return.
enum CredentialView {
    static func json(outcome: IngestOutcome, item: IngestItem) -> JSONValue {
        let warnings = JSONValue.array(item.credential.warnings.map { warning in
            ["code": .string(warning.code.rawValue), "message": .string(warning.message), "pointer": .string(warning.pointer.description)]
        })
        switch outcome {
        case .stored(let c), .newVersion(let c, _), .duplicate(let c):
            var previous: JSONValue?
            if case .newVersion(_, let old) = outcome { previous = .string(old.uuidString) }
            let isDuplicate: Bool
            if case .duplicate = outcome { isDuplicate = true } else { isDuplicate = false }
            return .object(
                JSONObject(compacting: [
                    "id": .string(c.id.uuidString),
                    "credentialId": .string(c.credentialURI),
                    "outcome": .string(isDuplicate ? "duplicate" : (previous == nil ? "stored" : "new_version")),
                    "version": .number(c.version),
                    "previousVersion": previous,
                    "earnerId": .string(c.earnerID.uuidString),
                    "achievementId": .string(c.achievementID.uuidString),
                    "issuerId": .string(c.issuerID.uuidString),
                    "format": .string(item.credential.format.rawValue),
                    "verification": isDuplicate
                        ? .object(["outcome": .string(c.verification.rawValue)])
                        : verificationJSON(item.verification),
                    "warnings": warnings,
                ])
            )
        case .conflict(let existing, let reason):
            return .object(
                JSONObject(compacting: [
                    "credentialId": .string(item.credential.badge.id), "outcome": "conflict", "existing": .string(existing.uuidString),
                    "detail": .string(reason),
                ])
            )
        }
    }

    static func verificationJSON(_ report: VerificationReport) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "outcome": .string(report.outcome.rawValue),
                "checkedAt": .string(report.checkedAt.rfc3339),
                "proofType": .text(report.proofType),
                "keyId": .text(report.keyID),
                "checks": report.checksJSON,
            ])
        )
    }

    /// The stored credential: ids, the normalised badge, verification, warnings and the document as received.
    static func json(_ record: CredentialRecord) -> JSONValue {
        let text = String(validating: record.document, as: UTF8.self)
        return .object(
            JSONObject(compacting: [
                "id": .string(record.id.uuidString),
                "credentialId": .string(record.uri),
                "version": .number(record.version),
                "supersededBy": .text(record.supersededBy?.uuidString),
                "earnerId": .string(record.earnerID.uuidString),
                "achievementId": .string(record.achievementID.uuidString),
                "issuerId": .string(record.issuerID.uuidString),
                "format": .string(record.format),
                "packaging": .string(record.packaging),
                "receivedAt": .string(record.receivedAt.rfc3339),
                "badge": record.normalized,
                "verification": .object(
                    JSONObject(compacting: [
                        "outcome": .string(record.verification), "checkedAt": .text(record.verifiedAt?.rfc3339), "checks": record.checks,
                    ])
                ),
                "warnings": record.warnings,
                "document": .object(
                    JSONObject(compacting: [
                        "mediaType": .text(record.mediaType),
                        "sha256": .string(record.contentSHA256),
                        "text": .text(text),
                        "base64": text == nil ? .string(Data(record.document).base64EncodedString()) : nil,
                    ])
                ),
            ])
        )
    }

    /// A rejected credential as a 422 listing every problem by JSON pointer.
    static func problem(for rejection: CredentialRejection) -> Problem {
        var problem = Problem.invalid(
            rejection.problems.map { .init(pointer: $0.pointer.description, detail: $0.message, code: $0.code.rawValue) },
            detail: "the credential was not accepted: "
                + rejection.problems.prefix(3).map(\.message).joined(separator: "; ")
                + (rejection.problems.count > 3 ? "; and \(rejection.problems.count - 3) more" : "")
        )
        problem.type = "/problems/invalid-credential"
        problem.title = "The credential is not acceptable"
        if rejection.omittedProblemCount > 0 { problem.extensions["omittedProblems"] = .number(JSONNumber(rejection.omittedProblemCount)) }
        return problem
    }
}
