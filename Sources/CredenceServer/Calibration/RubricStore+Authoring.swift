import Calibration
import Foundation
import Logging
import PostgresNIO
import StrictJSON

extension RubricStore {
    /// A curriculum team's decision on one proposal.
    struct Decision: Sendable {
        var proposalID: String
        /// `.accepted`, `.edited` (accepted in a changed form; a note says how) or `.rejected`.
        var status: ProposalRecord.Status
        var note: String?
    }

    /// What a revision produced: the new version (nil when every proposal was rejected and no criteria were given),
    /// the version it follows, and the proposals decided.
    struct RevisionOutcome: Sendable {
        var version: StoredRubricVersion?
        var previous: StoredRubricVersion?
        var decided: [ProposalRecord]
    }

    /// Creates an achievement's rubric from criteria its curriculum team wrote; an achievement that already has a
    /// rubric (authored, or from its Open Badges definition) is a conflict: revise that one instead.
    func author(
        achievement: UUID,
        criteria: [RubricCriterion],
        note: String?,
        effectiveFrom: Date?,
        by principal: Principal,
        context: AuditContext
    ) async throws -> (rubric: UUID, version: StoredRubricVersion) {
        try await client.transaction(logger: logger) { connection in
            guard try await AchievementOwnership.achievementExists(achievement, on: connection, logger: logger) else {
                throw StoreError.invalid(pointer: "/achievementId", message: "no achievement with id \(achievement)")
            }
            guard try await AchievementOwnership.owns(achievement: achievement, organization: principal.organizationID, on: connection, logger: logger)
            else { throw Problem.forbidden("your organisation does not issue this achievement") }
            try await RubricSync.sync(achievements: [achievement], on: connection, logger: logger)
            let rubric = try await Self.lockRubric(achievement: achievement, on: connection, logger: logger)
            guard try await Self.versions(of: rubric, on: connection, logger: logger).isEmpty else {
                throw StoreError.conflict(
                    "achievement \(achievement) already has rubric \(rubric); add a version with POST /v1/rubrics/\(rubric)/revisions")
            }
            let version = try Self.validated(number: 1, criteria: criteria, answering: [], note: note)
            let stored = try await Self.insert(
                version, rubric: rubric, source: .authored, effective: effectiveFrom.map { .from($0) } ?? .fromTheStart,
                createdBy: context.actor.keyID, on: connection, logger: logger
            )
            try await RubricSync.assignVersions(achievements: [achievement], on: connection, logger: logger)
            try await AuditLog.record(
                "rubric.create", recordType: "rubric", recordID: rubric.uuidString,
                detail: ["achievementId": .string(achievement.uuidString), "criteria": .number(JSONNumber(criteria.count))],
                context: context, on: connection, logger: logger
            )
            return (rubric, stored)
        }
    }

    /// Decides proposals and, when any is accepted or edited, feedback is answered or criteria are given, writes the
    /// next version recording what it answers.
    func revise(
        rubric id: UUID,
        criteria: [RubricCriterion]?,
        decisions: [Decision],
        feedback: [UUID],
        note: String?,
        effectiveFrom: Date?,
        by principal: Principal,
        context: AuditContext
    ) async throws -> RevisionOutcome {
        try await client.transaction(logger: logger) { connection in
            let locked = try await connection.query("SELECT achievement_id FROM rubrics WHERE id = \(id) FOR UPDATE", logger: logger)
            guard let achievement = try await locked.decode(UUID.self).first(where: { _ in true }) else {
                throw StoreError.notFound(what: "rubric", id: id.uuidString)
            }
            guard try await AchievementOwnership.owns(achievement: achievement, organization: principal.organizationID, on: connection, logger: logger)
            else { throw Problem.forbidden("your organisation does not issue this rubric's achievement") }
            let versions = try await Self.versions(of: id, on: connection, logger: logger)
            let proposals = try await ProposalRecord.list(rubric: id, ids: decisions.map(\.proposalID), on: connection, logger: logger)
            for (index, decision) in decisions.enumerated() {
                guard let proposal = proposals.first(where: { $0.id == decision.proposalID }) else {
                    throw StoreError.invalid(pointer: "/decisions" / index / "proposalId", message: "is not a proposal for this rubric")
                }
                guard proposal.status == .open else {
                    throw StoreError.conflict("proposal \(proposal.id) was already \(proposal.status.rawValue)")
                }
            }
            let cited = try await Self.feedback(feedback, rubric: id, on: connection, logger: logger)
            let answering = decisions.filter { $0.status != .rejected }.map(\.proposalID)
            var written: StoredRubricVersion?
            if let criteria {
                let number = (versions.last?.version.number ?? 0) + 1
                let version = try Self.validated(number: number, criteria: criteria, answering: answering, note: note)
                if let latest = versions.last, RubricDiff(from: latest.version, to: version).isEmpty {
                    throw StoreError.invalid(pointer: "/criteria", message: "is identical to version \(latest.version.number)")
                }
                let trace: JSONValue = [
                    "proposals": .array(
                        decisions.compactMap { decision in
                            proposals.first { $0.id == decision.proposalID }.map { Self.trace($0, decision: decision) }
                        }),
                    "feedback": .array(cited),
                ]
                written = try await Self.insert(
                    version, rubric: id, source: decisions.isEmpty && feedback.isEmpty ? .authored : .revision,
                    effective: effectiveFrom.map { .from($0) } ?? .fromNow, trace: trace, createdBy: context.actor.keyID, on: connection,
                    logger: logger
                )
            } else if !answering.isEmpty || !feedback.isEmpty {
                throw StoreError.invalid(
                    pointer: "/criteria", message: "accepting proposals or answering feedback makes a new version: give its criteria"
                )
            }
            let updates = JSONValue.array(
                decisions.map { decision in
                    .object(
                        JSONObject(compacting: [
                            "id": .string(decision.proposalID), "status": .string(decision.status.rawValue), "note": .text(decision.note),
                            "answered": .bool(decision.status != .rejected),
                        ])
                    )
                }
            )
            try await connection.query(
                """
                UPDATE revision_proposals p SET status = x.status, decision_note = x.note, decided_by = \(context.actor.keyID), decided_at = now(),
                    answered_by_version_id = CASE WHEN x.answered THEN \(written?.id) ELSE NULL END
                FROM jsonb_to_recordset(\(updates.serialized())::jsonb) AS x(id text, status text, note text, answered boolean)
                WHERE p.id = x.id AND p.rubric_id = \(id)
                """,
                logger: logger
            )
            try await AuditLog.record(
                "rubric.revise", recordType: "rubric", recordID: id.uuidString,
                detail: JSONObject(compacting: [
                    "version": .number(written?.version.number),
                    "decisions": .array(decisions.map { ["proposalId": .string($0.proposalID), "status": .string($0.status.rawValue)] }),
                    "feedback": .array(feedback.map { .string($0.uuidString) }),
                ]),
                context: context, on: connection, logger: logger
            )
            let decided = try await ProposalRecord.list(rubric: id, ids: decisions.map(\.proposalID), on: connection, logger: logger)
            return RevisionOutcome(version: written, previous: versions.last, decided: decided)
        }
    }

    /// A rubric version, or the problem with the criteria.
    private static func validated(number: Int, criteria: [RubricCriterion], answering: [String], note: String?) throws -> RubricVersion {
        do {
            return try RubricVersion(number: number, criteria: criteria, answeredProposalIDs: answering, note: note)
        } catch {
            throw StoreError.invalid(pointer: "/criteria", message: "is not a valid rubric (\(error))")
        }
    }

    /// The trace entry of a decided proposal: what it said, what was decided, and the comments it cited.
    private static func trace(_ proposal: ProposalRecord, decision: Decision) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "proposalId": .string(proposal.id),
                "decision": .string(decision.status.rawValue),
                "note": .text(decision.note),
                "kind": .string(proposal.kind),
                "criterionId": .string(proposal.criterionID),
                "levelIds": proposal.detail["levelIds"],
                "sessionId": .string(proposal.sessionID.uuidString),
                "sessionTitle": .string(proposal.sessionTitle),
                "rationale": proposal.detail["rationale"],
                "citedRatings": .number(proposal.detail["evidence"]?["ratingIds"]?.arrayValue?.count),
                "citedHiringBarAnswers": .number(proposal.detail["evidence"]?["verdictIds"]?.arrayValue?.count),
                "comments": proposal.detail["evidence"]?["comments"],
            ])
        )
    }

    /// Ratings and hiring-bar answers from closed sessions of this rubric that a revision says it answers.
    private static func feedback(_ ids: [UUID], rubric: UUID, on connection: PostgresConnection, logger: Logger) async throws -> [JSONValue] {
        guard !ids.isEmpty else { return [] }
        let rows = try await connection.query(
            """
            SELECT r.id, 'rating', s.id, s.title, a.label, r.criterion_id, r.level_id, NULL::boolean, r.comment
            FROM calibration_ratings r JOIN calibration_artifacts a ON a.id = r.artifact_id JOIN calibration_sessions s ON s.id = r.session_id
            JOIN rubric_versions v ON v.id = s.rubric_version_id
            WHERE r.id = ANY(\(ids)::uuid[]) AND v.rubric_id = \(rubric) AND s.state = 'closed'
            UNION ALL
            SELECT h.id, 'hiring_bar', s.id, s.title, a.label, NULL, NULL, h.meets_bar, h.comment
            FROM calibration_verdicts h JOIN calibration_artifacts a ON a.id = h.artifact_id JOIN calibration_sessions s ON s.id = h.session_id
            JOIN rubric_versions v ON v.id = s.rubric_version_id
            WHERE h.id = ANY(\(ids)::uuid[]) AND v.rubric_id = \(rubric) AND s.state = 'closed'
            """,
            logger: logger
        )
        var found: [UUID: JSONValue] = [:]
        for try await row in rows.decode((UUID, String, UUID, String, String, String?, String?, Bool?, String?).self) {
            found[row.0] = .object(
                JSONObject(compacting: [
                    "sourceId": .string(row.0.uuidString), "kind": .string(row.1), "sessionId": .string(row.2.uuidString),
                    "sessionTitle": .string(row.3), "artefactLabel": .string(row.4), "criterionId": .text(row.5), "levelId": .text(row.6),
                    "meetsBar": row.7.map(JSONValue.bool), "comment": .text(row.8),
                ])
            )
        }
        return try ids.enumerated().map { index, id in
            guard let entry = found[id] else {
                throw StoreError.invalid(
                    pointer: "/feedback" / index, message: "is not a rating or hiring-bar answer from a closed session of this rubric")
            }
            return entry
        }
    }
}
