import Calibration
import Foundation
import Logging
import PostgresNIO
import StrictJSON

extension CalibrationStore {
    /// One reviewer's ratings of one artefact: levels per criterion, and optionally the hiring-bar answer.
    struct RatingSubmission: Sendable {
        struct Criterion: Sendable {
            var criterionID: String
            var levelID: String
            var comment: String?
        }

        struct HiringBar: Sendable {
            var meets: Bool
            var role: String?
            var comment: String?
        }

        var artefact: UUID
        var criteria: [Criterion]
        var hiringBar: HiringBar?
    }

    /// Records (or changes) a reviewer's ratings. Only invited reviewers, only while the session is open, only
    /// criteria and levels of the session's rubric version. Returns the reviewer's current ratings of the artefact.
    func rate(_ submission: RatingSubmission, session id: UUID, by principal: Principal, context: AuditContext) async throws
        -> (ratings: [RatingRecord], verdict: VerdictRecord?)
    {
        try await client.transaction(logger: logger) { connection in
            // A share lock: ratings run side by side, but never alongside closing, which takes the row exclusively.
            try await connection.query("SELECT 1 FROM calibration_sessions WHERE id = \(id) FOR SHARE", logger: logger)
            guard let session = try await Self.session(id, on: connection, logger: logger) else {
                throw StoreError.notFound(what: "calibration session", id: id.uuidString)
            }
            try await CalibrationAccess.access(principal, to: session, on: connection, logger: logger).requireReviewer(id)
            guard session.state == .open else {
                throw StoreError.conflict("the session is \(session.state.rawValue); ratings are accepted only while it is open")
            }
            guard let rubric = try await RubricStore.version(id: session.rubricVersionID, on: connection, logger: logger) else {
                throw StoreError.notFound(what: "rubric version", id: session.rubricVersionID.uuidString)
            }
            let errors = Self.problems(in: submission, rubric: rubric.version)
            if !errors.isEmpty { throw Problem.invalid(errors) }
            guard try await Self.artefactBelongs(submission.artefact, to: id, on: connection, logger: logger) else {
                throw StoreError.invalid(pointer: "/artefactId", message: "is not an artefact of this session")
            }
            let rows = JSONValue.array(
                submission.criteria.map {
                    .object(
                        JSONObject(compacting: [
                            "criterion_id": .string($0.criterionID), "level_id": .string($0.levelID), "comment": .text($0.comment),
                        ]))
                }
            )
            try await connection.query(
                """
                INSERT INTO calibration_ratings (session_id, artifact_id, reviewer_key_id, reviewer_organization_id, criterion_id, level_id, comment)
                SELECT \(id), \(submission.artefact), \(principal.keyID), \(principal.organizationID), x.criterion_id, x.level_id, x.comment
                FROM jsonb_to_recordset(\(rows.serialized())::jsonb) AS x(criterion_id text, level_id text, comment text)
                ON CONFLICT (artifact_id, reviewer_key_id, criterion_id) DO UPDATE SET
                    level_id = excluded.level_id, comment = excluded.comment, changes = calibration_ratings.changes + 1, updated_at = now()
                WHERE (calibration_ratings.level_id, calibration_ratings.comment) IS DISTINCT FROM (excluded.level_id, excluded.comment)
                """,
                logger: logger
            )
            if let bar = submission.hiringBar {
                try await connection.query(
                    """
                    INSERT INTO calibration_verdicts (session_id, artifact_id, reviewer_key_id, reviewer_organization_id, meets_bar, role, comment)
                    VALUES (\(id), \(submission.artefact), \(principal.keyID), \(principal.organizationID), \(bar.meets), \(bar.role), \(bar.comment))
                    ON CONFLICT (artifact_id, reviewer_key_id) DO UPDATE SET
                        meets_bar = excluded.meets_bar, role = excluded.role, comment = excluded.comment,
                        changes = calibration_verdicts.changes + 1, updated_at = now()
                    WHERE (calibration_verdicts.meets_bar, calibration_verdicts.role, calibration_verdicts.comment)
                        IS DISTINCT FROM (excluded.meets_bar, excluded.role, excluded.comment)
                    """,
                    logger: logger
                )
            }
            try await AuditLog.record(
                "calibration_rating.record", recordType: "calibration_session", recordID: id.uuidString,
                detail: JSONObject(compacting: [
                    "artefactId": .string(submission.artefact.uuidString),
                    "criteria": .array(submission.criteria.map { ["criterionId": .string($0.criterionID), "levelId": .string($0.levelID)] }),
                    "meetsHiringBar": submission.hiringBar.map { .bool($0.meets) },
                ]),
                context: context, on: connection, logger: logger
            )
            let ratings = try await Self.ratings(of: id, reviewer: principal.keyID, on: connection, logger: logger)
                .filter { $0.artefactID == submission.artefact }
            let verdict = try await Self.verdicts(of: id, reviewer: principal.keyID, on: connection, logger: logger)
                .first { $0.artefactID == submission.artefact }
            return (ratings, verdict)
        }
    }

    /// Criteria and levels the rubric version does not have, and criteria rated twice in one submission.
    static func problems(in submission: RatingSubmission, rubric: RubricVersion) -> [Problem.FieldError] {
        var errors: [Problem.FieldError] = []
        var seen = Set<String>()
        for (index, rating) in submission.criteria.enumerated() {
            guard let criterion = rubric.criterion(rating.criterionID) else {
                let known = rubric.criteria.map(\.id).joined(separator: ", ")
                errors.append(
                    .init(pointer: "/criteria/\(index)/criterionId", detail: "is not a criterion of this rubric (\(known))", code: "unknown"))
                continue
            }
            if !seen.insert(rating.criterionID).inserted {
                errors.append(.init(pointer: "/criteria/\(index)/criterionId", detail: "rates the same criterion twice", code: "duplicate"))
            }
            if criterion.position(ofLevel: rating.levelID) == nil {
                let known = criterion.levels.map(\.id).joined(separator: ", ")
                errors.append(
                    .init(pointer: "/criteria/\(index)/levelId", detail: "is not a level of criterion \(criterion.id) (\(known))", code: "unknown")
                )
            }
        }
        return errors
    }

    private static func artefactBelongs(_ artefact: UUID, to session: UUID, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let rows = try await connection.query(
            "SELECT EXISTS (SELECT 1 FROM calibration_artifacts WHERE id = \(artefact) AND session_id = \(session))",
            logger: logger
        )
        for try await exists in rows.decode(Bool.self) { return exists }
        return false
    }
}
