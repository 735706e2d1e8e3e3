import Calibration
import Foundation
import Logging
import PostgresNIO
import StrictJSON

extension CalibrationStore {
    /// The session as this caller may see it (404 for anyone neither in its organisation nor invited).
    func sessionView(_ id: UUID, for principal: Principal) async throws -> JSONValue {
        try await client.withConnection { connection in
            guard let data = try await Self.data(id, on: connection, logger: logger) else {
                throw StoreError.notFound(what: "calibration session", id: id.uuidString)
            }
            let access = try await CalibrationAccess.access(principal, to: data.record, on: connection, logger: logger)
            try access.requireVisible(id)
            let reviewers = access.isMember ? try await Self.reviewers(of: id, on: connection, logger: logger) : []
            return CalibrationSessionView.session(data, reviewers: reviewers, access: access, viewer: principal.keyID)
        }
    }

    /// The report: live figures and preview proposals while the session runs, the frozen figures and stored
    /// proposals with their decisions once closed. Invited reviewers from outside see it once the session closes.
    func report(_ id: UUID, for principal: Principal) async throws -> JSONValue {
        try await client.withConnection { connection in
            guard let data = try await Self.data(id, on: connection, logger: logger) else {
                throw StoreError.notFound(what: "calibration session", id: id.uuidString)
            }
            let access = try await CalibrationAccess.access(principal, to: data.record, on: connection, logger: logger)
            try access.requireVisible(id)
            let record = data.record
            guard access.isMember || record.state == .closed else {
                throw Problem.forbidden("reviewers see the report once the session closes, so that it cannot sway their ratings")
            }
            let summary = try await CalibrationFeedback.stored(achievement: record.achievementID, on: connection, logger: logger)
            if record.state == .closed, let figures = record.finalFigures {
                let proposals = try await ProposalRecord.list(session: id, on: connection, logger: logger)
                return CalibrationSessionView.report(record, figures: figures, proposals: proposals.map(\.json), achievementSummary: summary)
            }
            let live = try SessionReport(data)
            let labels = data.labels
            let proposals = live.proposals.map { proposal -> JSONValue in
                var object = CalibrationReportView.proposal(proposal, labels: labels).objectValue ?? JSONObject()
                object["status"] = "preview"
                return .object(object)
            }
            return CalibrationSessionView.report(
                record, figures: CalibrationReportView.figures(live.statistics, rubric: data.rubric.version), proposals: proposals,
                achievementSummary: summary
            )
        }
    }

    /// Sessions the caller's organisation runs or the caller is invited to review, newest first.
    func sessions(for principal: Principal, limit: Int) async throws -> [SessionRecord] {
        try await client.withConnection { connection in
            let rows = try await connection.query(
                """
                SELECT s.id FROM calibration_sessions s
                WHERE s.organization_id = \(principal.organizationID)
                   OR EXISTS (
                       SELECT 1 FROM calibration_reviewers r WHERE r.session_id = s.id
                         AND (r.key_id = \(principal.keyID)
                              OR (r.organization_id = \(principal.organizationID) AND \(principal.role.rawValue) = 'hiring_manager'))
                   )
                ORDER BY s.created_at DESC, s.id LIMIT \(limit)
                """,
                logger: logger
            )
            var ids: [UUID] = []
            for try await id in rows.decode(UUID.self) { ids.append(id) }
            var records: [SessionRecord] = []
            for id in ids {
                if let record = try await Self.session(id, on: connection, logger: logger) { records.append(record) }
            }
            return records
        }
    }
}
