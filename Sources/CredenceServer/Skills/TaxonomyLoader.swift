public import Foundation
public import Logging
public import PostgresNIO
import Skills

/// Loads the built-in taxonomy into PostgreSQL with COPY, idempotently: a reload of an unchanged seed does nothing,
/// a changed seed updates concepts in place (their ids, which alignments and the search index hold, stay stable).
public struct TaxonomyLoader: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public struct Report: Sendable {
        public var skipped: Bool
        public var concepts: Int
        public var labels: Int
        public var relations: Int
    }

    /// Loads `directory` (the seed's `taxonomy` folder) unless exactly this seed is already loaded.
    public func load(from directory: URL, force: Bool = false) async throws -> Report {
        let manifest = try TaxonomySeed.manifestSHA256(in: directory)
        if !force, try await loadedSeed() == manifest { return Report(skipped: true, concepts: 0, labels: 0, relations: 0) }
        let readStart = ContinuousClock.now
        let seed = try TaxonomySeed(directory: directory)
        logger.info("taxonomy read", metadata: ["duration": "\(ContinuousClock.now - readStart)"])
        return try await client.transaction(logger: logger) { connection in
            let loadStart = ContinuousClock.now
            defer { logger.info("taxonomy written", metadata: ["duration": "\(ContinuousClock.now - loadStart)"]) }
            try await connection.query("SELECT pg_advisory_xact_lock(7171)", logger: logger)
            try await createStaging(on: connection)
            try await connection.copy(
                seed.concepts.map { c in
                    [c.framework, c.code, c.kind, c.label, c.description, c.skillType, c.reuseLevel, c.hotTechnology ? "t" : "f"]
                },
                into: "seed_concepts",
                columns: ["framework", "code", "kind", "preferred_label", "description", "skill_type", "reuse_level", "hot_technology"],
                logger: logger
            )
            let labels = seed.concepts.lazy.map { ($0.framework, $0.code, $0.label, "preferred") }
                + seed.alternativeLabels.lazy.map { ($0.framework, $0.code, $0.label, "alternative") }
            try await connection.copy(
                labels.map { [$0.0, $0.1, $0.2, SkillText.normalize($0.2).key, $0.3] },
                into: "seed_labels",
                columns: ["framework", "code", "label", "normalized", "kind"],
                logger: logger
            )
            try await connection.copy(
                seed.relations.map { r in
                    [r.from.framework, r.from.code, r.to.framework, r.to.code, r.kind, r.weight.map { "\($0)" }, r.level.map { "\($0)" }]
                },
                into: "seed_relations",
                columns: ["from_framework", "from_code", "to_framework", "to_code", "kind", "weight", "level"],
                logger: logger
            )
            let counts = try await merge(manifest: manifest, on: connection)
            return Report(skipped: false, concepts: counts.0, labels: counts.1, relations: counts.2)
        }
    }

    private func loadedSeed() async throws -> String? {
        let rows = try await client.query("SELECT content_sha256 FROM skill_frameworks WHERE id = 'esco'", logger: logger)
        for try await sha in rows.decode(String?.self) { return sha }
        return nil
    }

    private func createStaging(on connection: PostgresConnection) async throws {
        try await connection.query(
            """
            CREATE TEMP TABLE seed_concepts (framework text, code text, kind text, preferred_label text, description text,
                skill_type text, reuse_level text, hot_technology boolean) ON COMMIT DROP
            """,
            logger: logger
        )
        try await connection.query(
            "CREATE TEMP TABLE seed_labels (framework text, code text, label text, normalized text, kind text) ON COMMIT DROP",
            logger: logger
        )
        try await connection.query(
            """
            CREATE TEMP TABLE seed_relations (from_framework text, from_code text, to_framework text, to_code text, kind text,
                weight real, level real) ON COMMIT DROP
            """,
            logger: logger
        )
    }

    /// Moves staged rows into place: concepts upserted, labels and relations of the built-in frameworks replaced.
    private func merge(manifest: String, on connection: PostgresConnection) async throws -> (Int, Int, Int) {
        try await connection.query(
            """
            INSERT INTO skill_frameworks (id, name, name_key, version, source_url, content_sha256) VALUES
                ('esco', 'ESCO', \(SkillText.normalize("ESCO").key), 'v1.1.1', 'https://esco.ec.europa.eu', \(manifest)),
                ('onet', 'O*NET', \(SkillText.normalize("O*NET").key), '30.x', 'https://www.onetcenter.org', \(manifest))
            ON CONFLICT (id) DO UPDATE SET content_sha256 = excluded.content_sha256, imported_at = now()
            """,
            logger: logger
        )
        try await connection.query(
            """
            INSERT INTO skills (framework, code, kind, preferred_label, description, skill_type, reuse_level, hot_technology)
            SELECT DISTINCT ON (framework, code) framework, code, kind, preferred_label, description, skill_type, reuse_level, hot_technology
            FROM seed_concepts ORDER BY framework, code
            ON CONFLICT (framework, code) DO UPDATE SET kind = excluded.kind, preferred_label = excluded.preferred_label,
                description = excluded.description, skill_type = excluded.skill_type, reuse_level = excluded.reuse_level,
                hot_technology = excluded.hot_technology
            WHERE (skills.kind, skills.preferred_label, skills.description, skills.skill_type, skills.reuse_level, skills.hot_technology)
                IS DISTINCT FROM (excluded.kind, excluded.preferred_label, excluded.description, excluded.skill_type,
                    excluded.reuse_level, excluded.hot_technology)
            """,
            logger: logger
        )
        try await connection.query(
            "DELETE FROM skill_labels WHERE skill_id IN (SELECT id FROM skills WHERE framework IN ('esco', 'onet'))",
            logger: logger
        )
        // Two labels of one concept can normalise alike ("labour law", "labor law"): the preferred one is kept.
        try await connection.query(
            """
            INSERT INTO skill_labels (skill_id, label, normalized, kind)
            SELECT DISTINCT ON (s.id, l.normalized) s.id, l.label, l.normalized, l.kind
            FROM seed_labels l JOIN skills s ON s.framework = l.framework AND s.code = l.code
            WHERE l.normalized <> ''
            ORDER BY s.id, l.normalized, l.kind = 'preferred' DESC
            """,
            logger: logger
        )
        try await connection.query(
            """
            DELETE FROM skill_relations WHERE from_skill IN (SELECT id FROM skills WHERE framework IN ('esco', 'onet'))
                AND to_skill IN (SELECT id FROM skills WHERE framework IN ('esco', 'onet'))
            """,
            logger: logger
        )
        // Relations whose ends are not both in the seed (a few hierarchy rows point at unpublished groups) are dropped.
        try await connection.query(
            """
            INSERT INTO skill_relations (from_skill, to_skill, kind, weight, level)
            SELECT DISTINCT ON (f.id, r.kind, t.id) f.id, t.id, r.kind, r.weight, r.level
            FROM seed_relations r
            JOIN skills f ON f.framework = r.from_framework AND f.code = r.from_code
            JOIN skills t ON t.framework = r.to_framework AND t.code = r.to_code
            ORDER BY f.id, r.kind, t.id, r.weight DESC NULLS LAST
            """,
            logger: logger
        )
        let rows = try await connection.query(
            """
            SELECT (SELECT count(*) FROM skills WHERE framework IN ('esco', 'onet'))::int,
                   (SELECT count(*) FROM skill_labels l JOIN skills s ON s.id = l.skill_id WHERE s.framework IN ('esco', 'onet'))::int,
                   (SELECT count(*) FROM skill_relations r JOIN skills s ON s.id = r.from_skill WHERE s.framework IN ('esco', 'onet'))::int
            """,
            logger: logger
        )
        for try await counts in rows.decode((Int, Int, Int).self) { return counts }
        return (0, 0, 0)
    }
}
