import Calibration
import Foundation
import Logging
import PostgresNIO
import StrictJSON

/// Rubrics and their immutable versions in PostgreSQL.
struct RubricStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    /// The rubric with this id.
    func rubric(_ id: UUID) async throws -> RubricRecord? {
        try await client.withConnection { try await Self.rubric(id: id, achievement: nil, on: $0, logger: logger) }
    }

    /// The rubric of an achievement.
    func rubric(achievement: UUID) async throws -> RubricRecord? {
        try await client.withConnection { try await Self.rubric(id: nil, achievement: achievement, on: $0, logger: logger) }
    }

    /// Every version, oldest first.
    func versions(of rubric: UUID) async throws -> [StoredRubricVersion] {
        try await client.withConnection { try await Self.versions(of: rubric, on: $0, logger: logger) }
    }

    /// Credentials assessed under each version of a rubric (version number → count).
    func assessedCredentials(rubric: RubricRecord) async throws -> [Int: Int] {
        // The achievement index narrows to the rubric's credentials; versions are few.
        let rows = try await client.query(
            """
            SELECT v.number, count(*)::integer FROM credentials c JOIN rubric_versions v ON v.id = c.rubric_version_id
            WHERE c.achievement_id = \(rubric.achievementID) GROUP BY v.number
            """,
            logger: logger
        )
        var counts: [Int: Int] = [:]
        for try await (number, count) in rows.decode((Int, Int).self) { counts[number] = count }
        return counts
    }

    /// The achievement's calibration summary and how many of the rubric's proposals await a decision.
    func calibration(of rubric: RubricRecord) async throws -> (summary: CalibrationFeedback.Stored?, openProposals: Int) {
        try await client.withConnection { connection in
            let summary = try await CalibrationFeedback.stored(achievement: rubric.achievementID, on: connection, logger: logger)
            let rows = try await connection.query(
                "SELECT count(*)::integer FROM revision_proposals WHERE rubric_id = \(rubric.id) AND status = 'open'",
                logger: logger
            )
            var open = 0
            for try await count in rows.decode(Int.self) { open = count }
            return (summary, open)
        }
    }

    /// The rubric's proposals a caller may read: all of them for the organisation that owns the achievement, those of
    /// its own sessions for an organisation that ran sessions.
    func proposals(of rubric: RubricRecord, status: ProposalRecord.Status?, for principal: Principal) async throws -> [ProposalRecord] {
        try await client.withConnection { connection in
            let owner = try await AchievementOwnership.owns(
                achievement: rubric.achievementID, organization: principal.organizationID, on: connection, logger: logger
            )
            let proposals = try await ProposalRecord.list(rubric: rubric.id, status: status, on: connection, logger: logger)
            guard !owner else { return proposals }
            let rows = try await connection.query(
                """
                SELECT id FROM calibration_sessions WHERE achievement_id = \(rubric.achievementID) AND organization_id = \(principal.organizationID)
                """,
                logger: logger
            )
            var own = Set<UUID>()
            for try await id in rows.decode(UUID.self) { own.insert(id) }
            return proposals.filter { own.contains($0.sessionID) }
        }
    }

    static func rubric(id: UUID?, achievement: UUID?, on connection: PostgresConnection, logger: Logger) async throws -> RubricRecord? {
        let rows = try await connection.query(
            """
            SELECT r.id, a.id, a.uri, a.name, i.name, coalesce((SELECT max(v.number) FROM rubric_versions v WHERE v.rubric_id = r.id), 0),
                   r.created_at
            FROM rubrics r JOIN achievements a ON a.id = r.achievement_id JOIN issuers i ON i.id = a.issuer_id
            WHERE (\(id)::uuid IS NOT NULL AND r.id = \(id)) OR (\(id)::uuid IS NULL AND r.achievement_id = \(achievement))
            """,
            logger: logger
        )
        for try await row in rows.decode((UUID, UUID, String, String, String?, Int, Date).self) {
            return RubricRecord(
                id: row.0, achievementID: row.1, achievementURI: row.2, achievementName: row.3, issuerName: row.4, latestVersion: row.5,
                createdAt: row.6
            )
        }
        return nil
    }

    static func versions(of rubric: UUID, on connection: PostgresConnection, logger: Logger) async throws -> [StoredRubricVersion] {
        try await readVersions(
            connection.query(
                """
                SELECT id, rubric_id, number, criteria::text, source, effective_from, note, answered_proposal_ids, trace::text, created_at
                FROM rubric_versions WHERE rubric_id = \(rubric) ORDER BY number
                """,
                logger: logger
            )
        )
    }

    static func version(id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> StoredRubricVersion? {
        try await readVersions(
            connection.query(
                """
                SELECT id, rubric_id, number, criteria::text, source, effective_from, note, answered_proposal_ids, trace::text, created_at
                FROM rubric_versions WHERE id = \(id)
                """,
                logger: logger
            )
        ).first
    }

    private static func readVersions(_ rows: PostgresRowSequence) async throws -> [StoredRubricVersion] {
        var versions: [StoredRubricVersion] = []
        for try await row in rows.decode((UUID, UUID, Int, String, String, Date?, String?, [String], String, Date).self) {
            versions.append(
                StoredRubricVersion(
                    id: row.0, rubricID: row.1,
                    version: try RubricVersion(number: row.2, criteria: try RubricCoding.decode(row.3), answeredProposalIDs: row.7, note: row.6),
                    source: StoredRubricVersion.Source(rawValue: row.4) ?? .authored, effectiveFrom: row.5,
                    trace: try JSONParser.parse(row.8, limits: .trusted), createdAt: row.9
                )
            )
        }
        return versions
    }

    /// The achievement's rubric id, created when missing, locked for the rest of the transaction so versions are
    /// numbered one at a time.
    static func lockRubric(achievement: UUID, on connection: PostgresConnection, logger: Logger) async throws -> UUID {
        try await connection.query("INSERT INTO rubrics (achievement_id) VALUES (\(achievement)) ON CONFLICT DO NOTHING", logger: logger)
        let rows = try await connection.query("SELECT id FROM rubrics WHERE achievement_id = \(achievement) FOR UPDATE", logger: logger)
        for try await id in rows.decode(UUID.self) { return id }
        throw StoreError.notFound(what: "achievement", id: achievement.uuidString)
    }

    /// From when credentials that do not say are taken to be assessed under a version.
    enum Effective {
        /// Since the beginning: a rubric's first version.
        case fromTheStart
        /// From this transaction's time.
        case fromNow
        case from(Date)
    }

    /// Writes a new version (the caller holds the rubric's lock and has numbered it).
    static func insert(
        _ version: RubricVersion,
        rubric: UUID,
        source: StoredRubricVersion.Source,
        effective: Effective,
        trace: JSONValue = .object(JSONObject()),
        createdBy: UUID?,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> StoredRubricVersion {
        let criteria = try RubricCoding.encode(version.criteria)
        let (mode, date): (String, Date?) =
            switch effective {
            case .fromTheStart: ("start", nil)
            case .fromNow: ("now", nil)
            case .from(let date): ("date", date)
            }
        let rows = try await connection.query(
            """
            INSERT INTO rubric_versions (rubric_id, number, criteria, source, effective_from, note, answered_proposal_ids, trace, created_by)
            VALUES (\(rubric), \(version.number), \(criteria)::jsonb, \(source.rawValue),
                    CASE \(mode) WHEN 'start' THEN NULL WHEN 'now' THEN now() ELSE \(date)::timestamptz END,
                    \(version.note), \(version.answeredProposalIDs)::text[], \(trace.serialized())::jsonb, \(createdBy))
            RETURNING id, effective_from, created_at
            """,
            logger: logger
        )
        for try await (id, effectiveFrom, createdAt) in rows.decode((UUID, Date?, Date).self) {
            return StoredRubricVersion(
                id: id, rubricID: rubric, version: version, source: source, effectiveFrom: effectiveFrom, trace: trace, createdAt: createdAt
            )
        }
        throw StoreError.conflict("the rubric version was not written")
    }
}
