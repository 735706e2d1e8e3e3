import Calibration
public import Foundation
public import Logging
public import PostgresNIO
import StrictJSON

/// Keeps rubrics in step with achievement definitions and records which version assessed each credential.
///
/// For each achievement whose definition carries a rubric (result descriptions with rubric levels), the definition's
/// digest is looked up; a definition not seen before maps to the existing version with identical criteria, or
/// becomes a new version. Each credential records the version it was assessed under (`credential_rubric_version`
/// in the schema): ingest sets it as it inserts, and `assignVersions` fills it in for credentials stored before their
/// achievement had a rubric. Idempotent, and cheap when nothing changed.
public enum RubricSync {
    /// Brings the rubrics of these achievements up to date and assigns versions to their credentials that have none,
    /// on the caller's connection (inside its transaction). Returns how many versions were written.
    @discardableResult
    public static func sync(achievements: [UUID], on connection: PostgresConnection, logger: Logger) async throws -> Int {
        let created = try await recordDefinitions(of: achievements, on: connection, logger: logger)
        try await assignVersions(achievements: achievements, on: connection, logger: logger)
        return created
    }

    /// Maps each achievement's current definition to a rubric version, writing versions for rubrics not seen before.
    /// Ingest calls this before inserting credentials, so that each new credential row is written once, with its version.
    @discardableResult
    static func recordDefinitions(of achievements: [UUID], on connection: PostgresConnection, logger: Logger) async throws -> Int {
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
    static func assignVersions(achievements: [UUID], on connection: PostgresConnection, logger: Logger) async throws {
        // Only achievements with a rubric: credentials of the others stay unassigned for good, and are not worth a scan.
        let rows = try await connection.query(
            "SELECT achievement_id FROM rubrics WHERE achievement_id = ANY(\(achievements)::uuid[])", logger: logger
        )
        var withRubric: [UUID] = []
        for try await id in rows.decode(UUID.self) { withRubric.append(id) }
        guard !withRubric.isEmpty else { return }
        try await connection.query(
            """
            UPDATE credentials c SET rubric_version_id = pick.version_id, rubric_version_basis = pick.basis
            FROM credentials x
            CROSS JOIN LATERAL credential_rubric_version(x.achievement_id, x.normalized -> 'achievement' -> 'resultDescription', x.awarded_at) pick
            WHERE x.achievement_id = ANY(\(withRubric)::uuid[]) AND x.rubric_version_id IS NULL AND c.id = x.id
            """,
            logger: logger
        )
    }
}
