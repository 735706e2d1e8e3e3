import Calibration
import Foundation
import Logging
import PostgresNIO
import StrictJSON

extension CalibrationStore {
    /// Opens a draft session for ratings (the running organisation only).
    func open(_ id: UUID, by principal: Principal?, context: AuditContext) async throws {
        try await client.transaction(logger: logger) { connection in
            guard let session = try await Self.session(id, lock: true, on: connection, logger: logger) else {
                throw StoreError.notFound(what: "calibration session", id: id.uuidString)
            }
            if let principal { try await CalibrationAccess.access(principal, to: session, on: connection, logger: logger).requireMember(id) }
            guard session.state == .draft else { throw StoreError.conflict("the session is \(session.state.rawValue); only a draft can be opened") }
            try await connection.query("UPDATE calibration_sessions SET state = 'open', opened_at = now() WHERE id = \(id)", logger: logger)
            try await AuditLog.record(
                "calibration_session.open", recordType: "calibration_session", recordID: id.uuidString, context: context, on: connection,
                logger: logger
            )
        }
    }

    /// Closes an open session: freezes its figures, stores its revision proposals, and feeds the achievement's new
    /// calibration summary into search, all in one transaction.
    func close(_ id: UUID, by principal: Principal?, context: AuditContext) async throws {
        try await client.transaction(logger: logger) { connection in
            guard let data = try await Self.data(id, lock: true, on: connection, logger: logger) else {
                throw StoreError.notFound(what: "calibration session", id: id.uuidString)
            }
            if let principal { try await CalibrationAccess.access(principal, to: data.record, on: connection, logger: logger).requireMember(id) }
            guard data.record.state == .open else {
                throw StoreError.conflict("the session is \(data.record.state.rawValue); only an open session can be closed")
            }
            let report = try SessionReport(data)
            let figures = CalibrationReportView.figures(report.statistics, rubric: data.rubric.version)
            try await connection.query(
                """
                UPDATE calibration_sessions SET state = 'closed', closed_at = now(), final_figures = \(figures.serialized())::jsonb
                WHERE id = \(id)
                """,
                logger: logger
            )
            let labels = data.labels
            let proposals = JSONValue.array(
                report.proposals.enumerated().map { position, proposal in
                    [
                        "id": .string(proposal.id), "position": .number(JSONNumber(position)), "kind": .string(proposal.kind.rawValue),
                        "criterion_id": .string(proposal.criterionID), "detail": CalibrationReportView.proposal(proposal, labels: labels),
                    ]
                }
            )
            try await connection.query(
                """
                INSERT INTO revision_proposals (id, session_id, rubric_id, rubric_version_id, position, kind, criterion_id, detail)
                SELECT x.id, \(id), \(data.record.rubricID), \(data.record.rubricVersionID), x.position, x.kind, x.criterion_id, x.detail
                FROM jsonb_to_recordset(\(proposals.serialized())::jsonb) AS x(id text, position integer, kind text, criterion_id text, detail jsonb)
                """,
                logger: logger
            )
            let feedback = try await CalibrationFeedback.refresh(achievement: data.record.achievementID, on: connection, logger: logger)
            try await AuditLog.record(
                "calibration_session.close", recordType: "calibration_session", recordID: id.uuidString,
                detail: [
                    "proposals": .number(JSONNumber(report.proposals.count)), "ratings": .number(JSONNumber(data.ratings.count)),
                    "rankingMultiplier": .number(JSONNumber(feedback.rankingMultiplier) ?? JSONNumber(1)),
                ],
                context: context, on: connection, logger: logger
            )
        }
    }
}

/// A session's statistics and proposals computed from its current ratings, with the library's default options.
struct SessionReport {
    let statistics: SessionStatistics
    let proposals: [RevisionProposal]

    init(_ data: SessionData) throws {
        let session = try data.domain()
        statistics = SessionStatistics(session: session)
        proposals = RevisionRules.proposals(for: session, statistics: statistics)
    }
}
