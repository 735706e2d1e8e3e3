import Credentials
import Foundation
import StrictJSON
import Verification

/// The rows one batch writes, each table's rows as one JSON array that SQL reads with `jsonb_to_recordset`,
/// so a batch costs a handful of statements whatever its size.
struct IngestRows {
    var issuers: [String: JSONObject] = [:]
    var achievements: [String: JSONObject] = [:]
    var earners: [String: JSONObject] = [:]
    var credentials: [JSONValue] = []
    var results: [JSONValue] = []
    var evidence: [JSONValue] = []
    var verifications: [JSONValue] = []
    var superseded: [JSONValue] = []
    /// Alignments of each achievement in the batch, keyed like `achievements`.
    var alignments: [String: [JSONValue]] = [:]

    /// Key of an achievement within a batch: achievement ids are unique per issuer.
    static func achievementKey(issuer: String, achievement: String) -> String { issuer + "\u{0}" + achievement }

    mutating func add(_ item: IngestItem, id: UUID, version: Int, supersedes: UUID?, receivedBy: UUID?) {
        let parsed = item.credential
        let badge = parsed.badge
        issuers[badge.issuer.id] = JSONObject(compacting: [
            "uri": .string(badge.issuer.id), "name": .text(badge.issuer.name), "url": .text(badge.issuer.url),
            "email": .text(badge.issuer.email), "image": .text(badge.issuer.image?.id),
            "profile": badge.issuer.isEmbedded ? badge.issuer.json : nil,
        ])
        let achievement = badge.achievement
        let definition = achievement.json
        let key = Self.achievementKey(issuer: badge.issuer.id, achievement: achievement.id)
        // Most credentials of a batch share their achievement: its row (digest included) and alignments are built once
        // per distinct definition; a later, different definition of the same achievement still replaces the earlier.
        if achievements[key]?["definition"] != definition {
            addAchievement(badge, definition: definition, key: key)
        }
        earners[badge.earnerSubject] = ["subject": .string(badge.earnerSubject)]

        let idText = JSONValue.string(id.uuidString)
        credentials.append(
            .object(
                JSONObject(compacting: [
                    "id": idText, "earner_subject": .string(badge.earnerSubject), "issuer_uri": .string(badge.issuer.id),
                    "achievement_uri": .string(achievement.id), "uri": .string(badge.id), "version": .number(version),
                    "clr_uri": .text(parsed.clr?.clrId), "format": .string(parsed.format.rawValue),
                    "packaging": .string(parsed.packaging.rawValue), "spec_version": .string(badge.specVersion.rawValue),
                    "valid_from": .string(Self.timestamp(badge.validFrom.instant)),
                    "valid_until": .text(badge.validUntil.map { Self.timestamp($0.instant) }),
                    "awarded_at": .string(Self.timestamp(badge.awarded.date.instant)),
                    "document": .string(Data(parsed.document).base64EncodedString()), "content_sha256": .string(parsed.contentKey),
                    "document_sha256": .string(parsed.documentSHA256),
                    "media_type": .text(item.mediaType), "normalized": badge.json,
                    "warnings": .array(
                        parsed.warnings.map {
                            ["code": .string($0.code.rawValue), "message": .string($0.message), "pointer": .string($0.pointer.description)]
                        }
                    ),
                    "status_entries": .array(badge.statusEntries.map(\.json)),
                    "verification": .string(item.verification.outcome.rawValue),
                    "verified_at": .string(Self.timestamp(item.verification.checkedAt)),
                    "received_by": .text(receivedBy?.uuidString),
                ])
            )
        )
        for (position, result) in badge.results.enumerated() {
            let p = result.proficiency
            results.append(
                .object(
                    JSONObject(compacting: [
                        "credential_id": idText, "position": .number(position),
                        "result_description_uri": .text(result.resultDescriptionId), "level_uri": .text(result.achievedLevelId),
                        "level_name": .text(p?.levelName), "ordinal": .number(p?.ordinal), "level_count": .number(p?.levelCount),
                        "normalized": .number(p?.normalised), "points": .text(p?.points), "value": .text(result.value),
                        "status": .text(result.status),
                    ])
                )
            )
        }
        for (position, e) in badge.evidence.enumerated() {
            evidence.append(
                .object(
                    JSONObject(compacting: [
                        "credential_id": idText, "position": .number(position), "url": .text(e.url), "name": .text(e.name),
                        "narrative": .text(e.narrative), "description": .text(e.description), "genre": .text(e.genre),
                        "audience": .text(e.audience),
                    ])
                )
            )
        }
        verifications.append(
            .object(
                JSONObject(compacting: [
                    "credential_id": idText, "checked_at": .string(Self.timestamp(item.verification.checkedAt)),
                    "outcome": .string(item.verification.outcome.rawValue), "checks": item.verification.checksJSON,
                    "proof_type": .text(item.verification.proofType), "key_id": .text(item.verification.keyID),
                ])
            )
        )
        if let supersedes {
            superseded.append(["old": .string(supersedes.uuidString), "new": idText])
        }
    }

    /// What the achievement aligns to: its alignments, its result descriptions' and rubric levels', then its tags
    /// and name as free text for skill resolution to match when nothing else resolves.
    /// Alignments on results belong to one credential, not to the achievement, and are not among them.
    private mutating func addAchievement(_ badge: EarnedBadge, definition: JSONValue, key: String) {
        let achievement = badge.achievement
        achievements[key] = JSONObject(compacting: [
            "issuer_uri": .string(badge.issuer.id), "uri": .string(achievement.id), "name": .string(achievement.name),
            "description": .text(achievement.description), "criteria_url": .text(achievement.criteria?.id),
            "criteria_narrative": .text(achievement.criteria?.narrative), "achievement_type": .text(achievement.achievementType),
            "version": .text(achievement.version), "tags": .array(achievement.tags.map(JSONValue.string)),
            "human_code": .text(achievement.humanCode), "field_of_study": .text(achievement.fieldOfStudy),
            "specialization": .text(achievement.specialization), "image": .text(achievement.image?.id),
            "in_language": .text(achievement.inLanguage), "definition": definition,
            "definition_sha256": .string(ContentDigest.sha256Hex(definition.serializedBytes(sortedKeys: true))),
        ])
        alignments[key] = Self.alignmentRows(badge)
    }

    static func alignmentRows(_ badge: EarnedBadge) -> [JSONValue] {
        var rows: [JSONValue] = []
        for placed in badge.alignments {
            let ref: String
            switch placed.source {
            case .achievement: ref = ""
            case .resultDescription(let descriptionId): ref = descriptionId
            case .rubricLevel(_, let levelId): ref = levelId
            case .result: continue
            }
            let a = placed.alignment
            rows.append(
                .object(
                    JSONObject(compacting: [
                        "source": .string(placed.source.kind), "source_ref": .string(ref), "target_type": .text(a.targetType),
                        "target_framework": .text(a.targetFramework), "target_code": .text(a.targetCode), "target_url": .text(a.targetUrl),
                        "target_name": .text(a.targetName), "target_description": .text(a.targetDescription),
                    ])
                )
            )
        }
        for tag in Set(badge.achievement.tags).sorted() {
            rows.append(["source": "tag", "source_ref": .string(tag), "target_name": .string(tag)])
        }
        rows.append(["source": "name", "source_ref": "", "target_name": .string(badge.achievement.name)])
        return rows
    }

    static func timestamp(_ date: Date) -> String { date.rfc3339 }
}

extension VerificationReport {
    /// The checks as stored (and served): name, outcome, detail, and the overall outcome a failed check forces.
    var checksJSON: JSONValue {
        .array(
            checks.map { check in
                .object(
                    JSONObject(compacting: [
                        "name": .string(check.name.rawValue), "outcome": .string(check.outcome.rawValue), "detail": .string(check.detail),
                        "effect": .text(check.effect?.rawValue),
                    ])
                )
            }
        )
    }
}
