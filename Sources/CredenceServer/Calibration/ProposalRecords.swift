import Foundation
import Logging
import PostgresNIO
import StrictJSON

/// A stored revision proposal with the curriculum team's decision.
struct ProposalRecord: Sendable {
    /// What the curriculum team decided.
    enum Status: String, Sendable {
        case open, accepted, edited, rejected
    }

    var id: String
    var sessionID: UUID
    var sessionTitle: String
    var rubricVersionNumber: Int
    var kind: String
    var criterionID: String
    /// The proposal as `CalibrationReportView.proposal` shows it.
    var detail: JSONValue
    var status: Status
    var decisionNote: String?
    var decidedAt: Date?
    var answeredByVersion: Int?

    /// The proposal with its decision, for the API.
    var json: JSONValue {
        var object = detail.objectValue ?? JSONObject()
        object["sessionId"] = .string(sessionID.uuidString)
        object["sessionTitle"] = .string(sessionTitle)
        object["rubricVersion"] = .number(JSONNumber(rubricVersionNumber))
        object["status"] = .string(status.rawValue)
        if let decisionNote { object["decisionNote"] = .string(decisionNote) }
        if let decidedAt { object["decidedAt"] = .string(decidedAt.rfc3339) }
        if let answeredByVersion { object["answeredByVersion"] = .number(JSONNumber(answeredByVersion)) }
        return .object(object)
    }

    /// Proposals of a session or a rubric (optionally in one status), in the order they were made.
    static func list(
        session: UUID? = nil,
        rubric: UUID? = nil,
        ids: [String]? = nil,
        status: Status? = nil,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> [ProposalRecord] {
        let rows = try await connection.query(
            """
            SELECT p.id, p.session_id, s.title, v.number, p.kind, p.criterion_id, p.detail::text, p.status, p.decision_note, p.decided_at, av.number
            FROM revision_proposals p
            JOIN calibration_sessions s ON s.id = p.session_id
            JOIN rubric_versions v ON v.id = p.rubric_version_id
            LEFT JOIN rubric_versions av ON av.id = p.answered_by_version_id
            WHERE (\(session)::uuid IS NULL OR p.session_id = \(session)) AND (\(rubric)::uuid IS NULL OR p.rubric_id = \(rubric))
              AND (\(ids)::text[] IS NULL OR p.id = ANY(\(ids)::text[])) AND (\(status?.rawValue)::text IS NULL OR p.status = \(status?.rawValue))
            ORDER BY s.closed_at, p.session_id, p.position
            """,
            logger: logger
        )
        var records: [ProposalRecord] = []
        for try await row in rows.decode((String, UUID, String, Int, String, String, String, String, String?, Date?, Int?).self) {
            records.append(
                ProposalRecord(
                    id: row.0, sessionID: row.1, sessionTitle: row.2, rubricVersionNumber: row.3, kind: row.4, criterionID: row.5,
                    detail: try JSONParser.parse(row.6, limits: .trusted), status: Status(rawValue: row.7) ?? .open, decisionNote: row.8,
                    decidedAt: row.9, answeredByVersion: row.10
                )
            )
        }
        return records
    }
}
