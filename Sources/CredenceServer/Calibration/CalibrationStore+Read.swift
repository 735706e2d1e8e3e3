import Foundation
import Logging
import PostgresNIO
import StrictJSON

extension CalibrationStore {
    /// The session with this id, without artefacts and ratings.
    static func session(_ id: UUID, lock: Bool = false, on connection: PostgresConnection, logger: Logger) async throws -> SessionRecord? {
        if lock {
            // Closing takes this lock, so no rating can land between computing the final figures and the state change.
            try await connection.query("SELECT 1 FROM calibration_sessions WHERE id = \(id) FOR UPDATE", logger: logger)
        }
        let rows = try await connection.query(
            """
            SELECT s.id, s.organization_id, o.name, s.achievement_id, a.name, a.uri, v.rubric_id, s.rubric_version_id, v.number, s.title,
                   s.state, s.show_issuer_level, s.hiring_bar_role, s.sample_requested, s.sample_stratified, s.sample_stratify_by,
                   s.sample_allocation, s.sample_seed, s.sample_strata::text, s.final_figures::text, s.created_at, s.opened_at, s.closed_at
            FROM calibration_sessions s
            JOIN organizations o ON o.id = s.organization_id
            JOIN achievements a ON a.id = s.achievement_id
            JOIN rubric_versions v ON v.id = s.rubric_version_id
            WHERE s.id = \(id)
            """,
            logger: logger
        )
        for try await row in rows.decode(
            (
                UUID, UUID, String, UUID, String, String, UUID, UUID, Int, String, String, Bool, String?, Int, Bool, String?, String, Int64, String,
                String?, Date, Date?, Date?
            ).self
        ) {
            return SessionRecord(
                id: row.0, organizationID: row.1, organizationName: row.2, achievementID: row.3, achievementName: row.4, achievementURI: row.5,
                rubricID: row.6, rubricVersionID: row.7, rubricVersionNumber: row.8, title: row.9, state: SessionState(rawValue: row.10) ?? .draft,
                showIssuerLevel: row.11, hiringBarRole: row.12,
                sample: SampleSettings(
                    requested: row.13, stratified: row.14, stratifyBy: row.15, allocation: SampleDraw.Allocation(rawValue: row.16) ?? .equal,
                    seed: row.17, strata: try JSONParser.parse(row.18, limits: .trusted)
                ),
                finalFigures: try row.19.map { try JSONParser.parse($0, limits: .trusted) },
                createdAt: row.20, openedAt: row.21, closedAt: row.22
            )
        }
        return nil
    }

    /// The session's invitations.
    static func reviewers(of session: UUID, on connection: PostgresConnection, logger: Logger) async throws -> [ReviewerInvitation] {
        let rows = try await connection.query(
            """
            SELECT r.key_id, o.id, o.name
            FROM calibration_reviewers r
            LEFT JOIN api_keys k ON k.id = r.key_id
            JOIN organizations o ON o.id = coalesce(r.organization_id, k.organization_id)
            WHERE r.session_id = \(session)
            ORDER BY o.name, r.key_id NULLS FIRST
            """,
            logger: logger
        )
        var invitations: [ReviewerInvitation] = []
        for try await (key, organization, name) in rows.decode((UUID?, UUID, String).self) {
            invitations.append(ReviewerInvitation(keyID: key, organizationID: organization, organizationName: name))
        }
        return invitations
    }

    /// The artefacts in presentation order.
    static func artefacts(of session: UUID, on connection: PostgresConnection, logger: Logger) async throws -> [ArtefactRecord] {
        let rows = try await connection.query(
            """
            SELECT id, position, label, issuer_levels::text, evidence::text, redacted_at IS NOT NULL
            FROM calibration_artifacts WHERE session_id = \(session) ORDER BY position
            """,
            logger: logger
        )
        var artefacts: [ArtefactRecord] = []
        for try await (id, position, label, levels, evidence, redacted) in rows.decode((UUID, Int, String, String, String, Bool).self) {
            var issuerLevels: [String: String] = [:]
            for (criterion, level) in try JSONParser.parse(levels, limits: .trusted).objectValue ?? JSONObject() {
                if let level = level.stringValue { issuerLevels[criterion] = level }
            }
            artefacts.append(
                ArtefactRecord(
                    id: id, position: position, label: label, issuerLevels: issuerLevels, evidence: try JSONParser.parse(evidence, limits: .trusted),
                    redacted: redacted
                )
            )
        }
        return artefacts
    }

    /// Current ratings, of one reviewer or of all, in a stable order.
    static func ratings(of session: UUID, reviewer: UUID? = nil, on connection: PostgresConnection, logger: Logger) async throws -> [RatingRecord] {
        let rows = try await connection.query(
            """
            SELECT r.id, r.artifact_id, r.reviewer_key_id, r.reviewer_organization_id, r.criterion_id, r.level_id, r.comment, r.changes, r.updated_at
            FROM calibration_ratings r JOIN calibration_artifacts a ON a.id = r.artifact_id
            WHERE r.session_id = \(session) AND (\(reviewer)::uuid IS NULL OR r.reviewer_key_id = \(reviewer))
            ORDER BY a.position, r.reviewer_key_id, r.criterion_id
            """,
            logger: logger
        )
        var ratings: [RatingRecord] = []
        for try await row in rows.decode((UUID, UUID, UUID, UUID, String, String, String?, Int, Date).self) {
            ratings.append(
                RatingRecord(
                    id: row.0, artefactID: row.1, reviewerKeyID: row.2, reviewerOrganizationID: row.3, criterionID: row.4, levelID: row.5,
                    comment: row.6, changes: row.7, updatedAt: row.8
                )
            )
        }
        return ratings
    }

    /// Current hiring-bar answers, of one reviewer or of all.
    static func verdicts(of session: UUID, reviewer: UUID? = nil, on connection: PostgresConnection, logger: Logger) async throws -> [VerdictRecord] {
        let rows = try await connection.query(
            """
            SELECT v.id, v.artifact_id, v.reviewer_key_id, v.reviewer_organization_id, v.meets_bar, v.role, v.comment, v.changes, v.updated_at
            FROM calibration_verdicts v JOIN calibration_artifacts a ON a.id = v.artifact_id
            WHERE v.session_id = \(session) AND (\(reviewer)::uuid IS NULL OR v.reviewer_key_id = \(reviewer))
            ORDER BY a.position, v.reviewer_key_id
            """,
            logger: logger
        )
        var verdicts: [VerdictRecord] = []
        for try await row in rows.decode((UUID, UUID, UUID, UUID, Bool, String?, String?, Int, Date).self) {
            verdicts.append(
                VerdictRecord(
                    id: row.0, artefactID: row.1, reviewerKeyID: row.2, reviewerOrganizationID: row.3, meetsBar: row.4, role: row.5,
                    comment: row.6, changes: row.7, updatedAt: row.8
                )
            )
        }
        return verdicts
    }

    /// Everything the statistics need about a session.
    static func data(_ id: UUID, lock: Bool = false, on connection: PostgresConnection, logger: Logger) async throws -> SessionData? {
        guard let record = try await session(id, lock: lock, on: connection, logger: logger) else { return nil }
        guard let rubric = try await RubricStore.version(id: record.rubricVersionID, on: connection, logger: logger) else {
            throw StoreError.notFound(what: "rubric version", id: record.rubricVersionID.uuidString)
        }
        return SessionData(
            record: record,
            rubric: rubric,
            artefacts: try await artefacts(of: id, on: connection, logger: logger),
            ratings: try await ratings(of: id, on: connection, logger: logger),
            verdicts: try await verdicts(of: id, on: connection, logger: logger)
        )
    }
}
