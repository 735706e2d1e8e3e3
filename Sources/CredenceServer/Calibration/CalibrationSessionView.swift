import Calibration
import Foundation
import StrictJSON

/// A session as the API shows it to one caller: organisers see the sample and reviewers' progress, reviewers see
/// their own ratings; nobody sees an earner, and issuer levels appear only when the session is set to show them.
enum CalibrationSessionView {
    static func session(
        _ data: SessionData,
        reviewers: [ReviewerInvitation],
        access: SessionAccess,
        viewer: UUID
    ) -> JSONValue {
        let record = data.record
        let rubric = data.rubric.version
        var body = summary(record)
        body["rubric"] = [
            "id": .string(record.rubricID.uuidString), "version": .number(JSONNumber(rubric.number)),
            "criteria": RubricView.criteria(rubric.criteria),
        ]
        if access.isMember {
            body["sample"] = .object(
                JSONObject(compacting: [
                    "requested": .number(record.sample.requested), "drawn": .number(data.artefacts.count),
                    "stratified": .bool(record.sample.stratified),
                    "stratifyBy": .text(record.sample.stratifyBy), "allocation": .string(record.sample.allocation.rawValue),
                    "seed": .number(JSONNumber(Int(record.sample.seed))), "strata": record.sample.strata,
                ])
            )
            body["reviewers"] = .array(
                reviewers.map {
                    .object(
                        JSONObject(compacting: [
                            "keyId": .text($0.keyID?.uuidString), "organizationId": .string($0.organizationID.uuidString),
                            "organizationName": .string($0.organizationName),
                        ]))
                }
            )
            body["progress"] = progress(data)
        }
        body["artefacts"] = .array(
            data.artefacts.map {
                artefact(
                    $0, rubric: rubric, showLevels: record.showIssuerLevel)
            })
        if access.isReviewer {
            body["myRatings"] = .array(data.ratings.filter { $0.reviewerKeyID == viewer }.map(rating))
            body["myHiringBar"] = .array(data.verdicts.filter { $0.reviewerKeyID == viewer }.map(verdict))
        }
        return .object(body)
    }

    /// The fields every listing shows.
    static func summary(_ record: SessionRecord) -> JSONObject {
        JSONObject(compacting: [
            "id": .string(record.id.uuidString),
            "title": .string(record.title),
            "state": .string(record.state.rawValue),
            "organization": ["id": .string(record.organizationID.uuidString), "name": .string(record.organizationName)],
            "achievement": [
                "id": .string(record.achievementID.uuidString), "uri": .string(record.achievementURI), "name": .string(record.achievementName),
            ],
            "rubricVersion": .number(record.rubricVersionNumber),
            "hiringBarRole": .text(record.hiringBarRole),
            "showIssuerLevel": .bool(record.showIssuerLevel),
            "createdAt": .string(record.createdAt.rfc3339),
            "openedAt": .text(record.openedAt?.rfc3339),
            "closedAt": .text(record.closedAt?.rfc3339),
        ])
    }

    static func artefact(_ artefact: ArtefactRecord, rubric: RubricVersion, showLevels: Bool) -> JSONValue {
        let levels: [JSONValue] = rubric.criteria.compactMap { criterion in
            guard let levelID = artefact.issuerLevels[criterion.id], let level = criterion.levels.first(where: { $0.id == levelID }) else {
                return nil
            }
            return ["criterionId": .string(criterion.id), "levelId": .string(level.id), "levelName": .string(level.name)]
        }
        return .object(
            JSONObject(compacting: [
                "id": .string(artefact.id.uuidString),
                "label": .string(artefact.label),
                "evidence": artefact.evidence,
                "redacted": artefact.redacted ? .bool(true) : nil,
                "issuerLevels": showLevels ? .array(levels) : nil,
            ])
        )
    }

    static func rating(_ rating: RatingRecord) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "id": .string(rating.id.uuidString), "artefactId": .string(rating.artefactID.uuidString), "criterionId": .string(rating.criterionID),
                "levelId": .string(rating.levelID), "comment": .text(rating.comment), "changes": .number(rating.changes),
                "updatedAt": .string(rating.updatedAt.rfc3339),
            ])
        )
    }

    static func verdict(_ verdict: VerdictRecord) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "id": .string(verdict.id.uuidString), "artefactId": .string(verdict.artefactID.uuidString), "meetsBar": .bool(verdict.meetsBar),
                "role": .text(verdict.role), "comment": .text(verdict.comment), "changes": .number(verdict.changes),
                "updatedAt": .string(verdict.updatedAt.rfc3339),
            ])
        )
    }

    /// A reviewer's current ratings of one artefact, after a submission.
    static func submission(artefact: UUID, ratings: [RatingRecord], verdict: VerdictRecord?) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "artefactId": .string(artefact.uuidString), "ratings": .array(ratings.map(rating)), "hiringBar": verdict.map(self.verdict),
            ])
        )
    }

    /// Per reviewer key: how many ratings and hiring-bar answers, over how many artefacts.
    static func progress(_ data: SessionData) -> JSONValue {
        var reviewers: [UUID: (organization: UUID, ratings: Int, artefacts: Set<UUID>, verdicts: Int)] = [:]
        for rating in data.ratings {
            var entry = reviewers[rating.reviewerKeyID] ?? (rating.reviewerOrganizationID, 0, [], 0)
            entry.ratings += 1
            entry.artefacts.insert(rating.artefactID)
            reviewers[rating.reviewerKeyID] = entry
        }
        for verdict in data.verdicts {
            var entry = reviewers[verdict.reviewerKeyID] ?? (verdict.reviewerOrganizationID, 0, [], 0)
            entry.verdicts += 1
            entry.artefacts.insert(verdict.artefactID)
            reviewers[verdict.reviewerKeyID] = entry
        }
        return .array(
            reviewers.sorted { $0.key.uuidString < $1.key.uuidString }.map { key, entry in
                [
                    "reviewerId": .string(key.uuidString), "organizationId": .string(entry.organization.uuidString),
                    "ratings": .number(JSONNumber(entry.ratings)), "artefactsRated": .number(JSONNumber(entry.artefacts.count)),
                    "hiringBarAnswers": .number(JSONNumber(entry.verdicts)), "artefacts": .number(JSONNumber(data.artefacts.count)),
                ]
            }
        )
    }

    /// The report: figures (live or frozen at close), proposals with their decisions, and the achievement's summary.
    static func report(
        _ record: SessionRecord,
        figures: JSONValue,
        proposals: [JSONValue],
        achievementSummary: CalibrationFeedback.Stored?
    ) -> JSONValue {
        var body = summary(record)
        body["final"] = .bool(record.state == .closed)
        body["figures"] = figures
        body["proposals"] = .array(proposals)
        if let achievementSummary {
            var object = achievementSummary.summary.objectValue ?? JSONObject()
            object["computedAt"] = .string(achievementSummary.computedAt.rfc3339)
            body["achievementSummary"] = .object(object)
        }
        body["method"] = CalibrationReportView.method
        return .object(body)
    }
}
