import Calibration
public import Foundation
public import Logging
public import PostgresNIO
import StrictJSON

/// Keeps rubrics in step with achievement definitions and records which version assessed each credential.
///
/// For each achievement whose definition carries a rubric (result descriptions with rubric levels), the definition's
/// digest is looked up; a definition not seen before maps to the existing version with identical criteria, or
/// becomes a new version. Then every credential of those achievements without a version gets one: the version its
/// own embedded achievement definition carries (basis `credential`), else the newest version in effect at its award
/// date (basis `date`). Idempotent, and cheap when nothing changed: it reads the achievements' result descriptions
/// and the not-yet-assigned credentials through a partial index.
public enum RubricSync {
    /// Brings the rubrics of these achievements up to date, on the caller's connection (inside its transaction).
    /// Call it with the achievements of newly stored credentials and of changed definitions.
    @discardableResult
    /// `credentials` narrows version assignment to those (the credentials an ingest batch just stored): without it,
    /// every unassigned credential of the achievements is looked at.
    public static func sync(achievements: [UUID], credentials: [UUID]? = nil, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        guard !achievements.isEmpty else { return 0 }
        let rows = try await connection.query(
            """
            SELECT a.id, coalesce(a.definition -> 'resultDescription', 'null'::jsonb)::text,
                   md5(coalesce(a.definition -> 'resultDescription', 'null'::jsonb)::text),
                   EXISTS (SELECT 1 FROM rubrics r JOIN rubric_definition_digests d ON d.rubric_id = r.id
                           WHERE r.achievement_id = a.id AND d.digest = md5(coalesce(a.definition -> 'resultDescription', 'null'::jsonb)::text))
            FROM achievements a WHERE a.id = ANY(\(achievements)::uuid[])
            ORDER BY a.id
            """,
            logger: logger
        )
        var pending: [(achievement: UUID, criteria: [RubricCriterion], digest: String)] = []
        for try await (achievement, descriptions, digest, known) in rows.decode((UUID, String, String, Bool).self) where !known {
            let definition: JSONValue = ["resultDescription": try JSONParser.parse(descriptions, limits: .trusted)]
            let criteria = RubricDerivation.criteria(fromDefinition: definition)
            if !criteria.isEmpty { pending.append((achievement, criteria, digest)) }
        }
        var created = 0
        for item in pending {
            if try await record(item.criteria, digest: item.digest, achievement: item.achievement, on: connection, logger: logger) {
                created += 1
            }
        }
        try await assignVersions(achievements: achievements, credentials: credentials, on: connection, logger: logger)
        return created
    }

    /// Syncs every achievement, a batch per transaction: for the demo seed and after deploying rubrics to a
    /// database that already holds credentials.
    @discardableResult
    public static func syncAll(client: PostgresClient, logger: Logger) async throws -> Int {
        var created = 0
        var after = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        while true {
            var batch: [UUID] = []
            let rows = try await client.query(
                """
                SELECT id FROM achievements WHERE id > \(after) AND definition ? 'resultDescription' ORDER BY id LIMIT 200
                """,
                logger: logger
            )
            for try await id in rows.decode(UUID.self) { batch.append(id) }
            guard let last = batch.last else { return created }
            created += try await client.transaction(logger: logger) { connection in
                try await sync(achievements: batch, on: connection, logger: logger)
            }
            after = last
        }
    }

    /// Maps a definition digest to a version, writing a new version when no existing one has these criteria.
    /// Returns whether a version was written.
    private static func record(
        _ criteria: [RubricCriterion],
        digest: String,
        achievement: UUID,
        on connection: PostgresConnection,
        logger: Logger
    ) async throws -> Bool {
        let rubric = try await RubricStore.lockRubric(achievement: achievement, on: connection, logger: logger)
        let versions = try await RubricStore.versions(of: rubric, on: connection, logger: logger)
        var target = versions.last { $0.version.criteria == criteria }
        let isNew = target == nil
        if target == nil {
            let number = (versions.last?.version.number ?? 0) + 1
            let version: RubricVersion
            do {
                version = try RubricVersion(number: number, criteria: criteria, note: "Derived from the achievement's result descriptions.")
            } catch {
                logger.warning("achievement rubric not usable", metadata: ["achievement.id": "\(achievement)", "error": "\(error)"])
                return false
            }
            // The first version covers everything awarded before it; later ones take effect when first seen.
            target = try await RubricStore.insert(
                version, rubric: rubric, source: .definition, effective: versions.isEmpty ? .fromTheStart : .fromNow, createdBy: nil, on: connection,
                logger: logger
            )
        }
        guard let target else { return false }
        try await connection.query(
            """
            INSERT INTO rubric_definition_digests (rubric_id, digest, version_id) VALUES (\(rubric), \(digest), \(target.id))
            ON CONFLICT DO NOTHING
            """,
            logger: logger
        )
        return isNew
    }

    /// Gives every credential of these achievements that has none the rubric version it was assessed under.
    static func assignVersions(achievements: [UUID], credentials: [UUID]? = nil, on connection: PostgresConnection, logger: Logger) async throws {
        // Only achievements with a rubric: credentials of the others stay unassigned for good, and scanning them on
        // every ingest batch would cost more the more there are.
        let rows = try await connection.query(
            "SELECT achievement_id FROM rubrics WHERE achievement_id = ANY(\(achievements)::uuid[])", logger: logger
        )
        var withRubric: [UUID] = []
        for try await id in rows.decode(UUID.self) { withRubric.append(id) }
        guard !withRubric.isEmpty else { return }
        // Ingest names its new credentials (found by primary key); otherwise credentials_unassessed_idx finds the
        // candidates. The partial index keeps an entry for every credential assigned since the last vacuum, so an
        // ingest stream walking it would slow down batch after batch. The embedded definition digest says which
        // version, else the award date.
        try await connection.query(
            """
            UPDATE credentials c SET rubric_version_id = pick.version_id, rubric_version_basis = pick.basis
            FROM (
                SELECT x.id, coalesce(d.version_id, dated.id) AS version_id,
                       CASE WHEN d.version_id IS NULL THEN 'date' ELSE 'credential' END AS basis
                FROM credentials x
                JOIN rubrics r ON r.achievement_id = x.achievement_id
                LEFT JOIN rubric_definition_digests d ON d.rubric_id = r.id
                    AND d.digest = md5(coalesce(x.normalized -> 'achievement' -> 'resultDescription', 'null'::jsonb)::text)
                LEFT JOIN LATERAL (
                    SELECT v.id FROM rubric_versions v WHERE v.rubric_id = r.id
                    ORDER BY coalesce(v.effective_from, '-infinity') <= x.awarded_at DESC,
                             CASE WHEN coalesce(v.effective_from, '-infinity') <= x.awarded_at THEN v.number ELSE -v.number END DESC
                    LIMIT 1
                ) dated ON true
                WHERE x.achievement_id = ANY(\(withRubric)::uuid[]) AND x.rubric_version_id IS NULL
                  AND (\(credentials)::uuid[] IS NULL OR x.id = ANY(\(credentials)::uuid[]))
            ) pick
            WHERE c.id = pick.id AND pick.version_id IS NOT NULL
            """,
            logger: logger
        )
    }
}
