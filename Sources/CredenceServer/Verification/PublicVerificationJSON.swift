import Foundation
import StrictJSON
import Verification

/// `GET /v1/public/verifications/{id}`: the public facts and the verdict as JSON, each check with its plain sentence.
enum PublicVerificationJSON {
    static func json(_ verification: PublicVerification) -> JSONValue {
        let facts = PublicCredentialFacts(badge: verification.badge)
        let issuer = facts.issuerName ?? facts.issuerID
        return .object(
            JSONObject(compacting: [
                "id": .string(verification.id.uuidString),
                "credentialId": .string(verification.credentialURI),
                "page": .string("/verify/\(verification.id.uuidString)"),
                "name": .text(facts.credentialName),
                "achievement": .object(
                    JSONObject(compacting: [
                        "id": .text(facts.achievementID), "name": .string(facts.achievementName), "achievementType": .text(facts.achievementType),
                        "description": .text(facts.description), "image": .text(facts.image),
                        "criteria": facts.criteriaURL == nil && facts.criteriaNarrative == nil
                            ? nil : .object(JSONObject(compacting: ["id": .text(facts.criteriaURL), "narrative": .text(facts.criteriaNarrative)])),
                        "humanCode": .text(facts.humanCode), "fieldOfStudy": .text(facts.fieldOfStudy),
                        "specialization": .text(facts.specialization),
                        "alignment": facts.skills.isEmpty
                            ? nil
                            : .array(
                                facts.skills.map {
                                    .object(
                                        JSONObject(compacting: [
                                            "targetName": .text($0.name), "targetUrl": .text($0.url), "targetFramework": .text($0.framework),
                                            "targetCode": .text($0.code),
                                        ])
                                    )
                                }
                            ),
                    ])
                ),
                "issuer": .object(
                    JSONObject(compacting: [
                        "id": .string(facts.issuerID), "name": .text(facts.issuerName), "url": .text(facts.issuerURL),
                        "email": .text(facts.issuerEmail), "image": .text(facts.issuerImage), "trust": .string(verification.issuerTrust.rawValue),
                    ])
                ),
                "earner": verification.earnerName.map { .object(["name": .string($0)]) },
                "results": facts.results.isEmpty ? nil : .array(facts.results.map(json)),
                "evidence": facts.evidence.isEmpty
                    ? nil
                    : .array(
                        facts.evidence.map {
                            .object(
                                JSONObject(compacting: [
                                    "id": .text($0.url), "name": .text($0.name), "narrative": .text($0.narrative),
                                    "description": .text($0.description), "genre": .text($0.genre),
                                ])
                            )
                        }
                    ),
                "validFrom": .text(facts.validFrom),
                "validUntil": .text(facts.validUntil),
                "awardedDate": .text(facts.awardedDate),
                "supersededBy": verification.supersededBy.map { .string("/v1/public/verifications/\($0.uuidString)") },
                "verification": .object(
                    JSONObject(compacting: [
                        "outcome": .string(verification.outcome.rawValue),
                        "title": .string(CheckExplanation.title(verification.outcome)),
                        "summary": .string(CheckExplanation.summary(verification.outcome, issuer: issuer, report: verification.report)),
                        "fresh": .bool(verification.fresh),
                        "checkedAt": .text(verification.report?.checkedAt.rfc3339),
                        "proofType": .text(verification.report?.proofType),
                        "keyId": .text(verification.report?.keyID),
                        "checks": .array(
                            (verification.report?.checks ?? []).map { check in
                                .object(
                                    JSONObject(compacting: [
                                        "name": .string(check.name.rawValue), "outcome": .string(check.outcome.rawValue),
                                        "summary": .string(CheckExplanation.sentence(check)), "detail": .string(check.detail),
                                        "effect": .text(check.effect?.rawValue),
                                    ])
                                )
                            }
                        ),
                    ])
                ),
            ])
        )
    }

    private static func json(_ result: PublicCredentialFacts.Result) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "resultDescription": .text(result.name), "resultType": .text(result.resultType), "levelName": .text(result.levelName),
                "level": .text(result.levelLabel), "ordinal": .number(result.ordinal), "levelCount": .number(result.levelCount),
                "points": .text(result.points), "value": .text(result.value), "status": .text(result.status),
                "meetsRequirement": result.meetsRequirement.map(JSONValue.bool),
                "rubric": result.rubric.isEmpty
                    ? nil
                    : .array(
                        result.rubric.map {
                            .object(
                                JSONObject(compacting: [
                                    "name": .text($0.name), "level": .text($0.label), "description": .text($0.description),
                                    "points": .text($0.points), "achieved": .bool($0.achieved),
                                ])
                            )
                        }
                    ),
            ])
        )
    }
}
