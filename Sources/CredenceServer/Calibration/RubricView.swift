import Calibration
import Foundation
import StrictJSON

/// Rubrics, versions and diffs as the API shows them.
enum RubricView {
    static func criteria(_ criteria: [RubricCriterion]) -> JSONValue {
        .array(
            criteria.map { criterion in
                .object(
                    JSONObject(compacting: [
                        "id": .string(criterion.id),
                        "name": .string(criterion.name),
                        "description": criterion.description.isEmpty ? nil : .string(criterion.description),
                        "levels": .array(
                            criterion.levels.enumerated().map { position, level in
                                .object(
                                    JSONObject(compacting: [
                                        "id": .string(level.id), "name": .string(level.name), "position": .number(JSONNumber(position)),
                                        "descriptor": .string(level.descriptor), "points": .number(level.points),
                                    ])
                                )
                            }
                        ),
                        "skillAlignmentIds": .array(criterion.skillAlignmentIDs.map(JSONValue.string)),
                    ])
                )
            }
        )
    }

    /// One version with where it came from and the trace of the proposals and feedback it answers.
    static func version(_ stored: StoredRubricVersion, assessedCredentials: Int? = nil) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "version": .number(JSONNumber(stored.version.number)),
                "source": .string(stored.source.rawValue),
                "createdAt": .string(stored.createdAt.rfc3339),
                "effectiveFrom": .text(stored.effectiveFrom?.rfc3339),
                "note": .text(stored.version.note),
                "answeredProposalIds": .array(stored.version.answeredProposalIDs.map(JSONValue.string)),
                "trace": stored.trace,
                "assessedCredentials": .number(assessedCredentials),
                "criteria": criteria(stored.version.criteria),
            ])
        )
    }

    /// Every version, oldest first, each with its trace and how many credentials it assessed.
    static func history(rubric: UUID, versions: [StoredRubricVersion], assessedCredentials: [Int: Int]) -> JSONValue {
        [
            "rubricId": .string(rubric.uuidString),
            "items": .array(versions.map { version($0, assessedCredentials: assessedCredentials[$0.version.number] ?? 0) }),
        ]
    }

    /// What a revision did: the new version and its diff from the previous one, and the proposals decided.
    static func revision(_ outcome: RubricStore.RevisionOutcome, rubric: UUID) -> JSONValue {
        let diff = outcome.version.flatMap { new in outcome.previous.map { self.diff(RubricDiff(from: $0.version, to: new.version)) } }
        return .object(
            JSONObject(compacting: [
                "rubricId": .string(rubric.uuidString), "version": outcome.version.map { version($0) }, "diff": diff,
                "decided": .array(outcome.decided.map(\.json)),
            ])
        )
    }

    static func rubric(_ rubric: RubricRecord, summary: CalibrationFeedback.Stored?, openProposals: Int) -> JSONValue {
        var calibration: JSONValue?
        if let summary {
            var object = summary.summary.objectValue ?? JSONObject()
            object["computedAt"] = .string(summary.computedAt.rfc3339)
            calibration = .object(object)
        }
        return .object(
            JSONObject(compacting: [
                "id": .string(rubric.id.uuidString),
                "achievement": .object(
                    JSONObject(compacting: [
                        "id": .string(rubric.achievementID.uuidString), "uri": .string(rubric.achievementURI),
                        "name": .string(rubric.achievementName),
                        "issuerName": .text(rubric.issuerName),
                    ])
                ),
                "latestVersion": .number(rubric.latestVersion),
                "openProposals": .number(openProposals),
                "calibration": calibration,
                "createdAt": .string(rubric.createdAt.rfc3339),
            ])
        )
    }

    static func diff(_ diff: RubricDiff) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "from": .number(diff.fromVersion),
                "to": .number(diff.toVersion),
                "changes": .array(
                    diff.changes.map { change in
                        .object(
                            JSONObject(compacting: [
                                "kind": .string(change.kind.rawValue), "criterionId": .text(change.criterionID), "levelId": .text(change.levelID),
                                "before": .text(change.before), "after": .text(change.after),
                                "beforeOrder": change.beforeOrder.map { .array($0.map(JSONValue.string)) },
                                "afterOrder": change.afterOrder.map { .array($0.map(JSONValue.string)) },
                            ])
                        )
                    }
                ),
            ])
        )
    }
}
