import Credentials
public import Foundation
public import Logging
public import PostgresNIO
public import Skills
import StrictJSON

/// Custom frameworks an organisation imports (CSV or a CASE 1.0 package): their items become concepts of kind `item`,
/// with labels, hierarchy and mappings to ESCO/O*NET concepts, so alignments that cite them resolve and search
/// reaches the concepts they map to.
public struct FrameworkStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// A framework as listed.
    public struct Summary: Sendable {
        public var id: String
        public var name: String
        public var version: String?
        public var organizationID: UUID?
        public var sourceURL: String?
        public var concepts: Int
        public var importedAt: Date
    }

    /// What an import did.
    public struct Outcome: Sendable {
        public var framework: Summary
        /// False when the same content was imported before (nothing changed).
        public var changed: Bool
        public var items: Int
        public var mappings: Int
        /// Mappings whose target concept is not in the database (an ESCO URI of another version, a typo).
        public var unresolvedMappings: [String]
        public var warnings: [FrameworkImportError.Problem]
        /// Achievements whose automatic alignments were resolved again against the new items.
        public var reresolvedAchievements: Int
    }

    /// Stores `framework` as the organisation's framework called `name` (replacing its items' labels and links when the
    /// organisation imported that name before), then re-resolves automatic alignments so badges citing it resolve.
    public func importFramework(_ framework: FrameworkImport, name: String, organization: UUID, bytes: [UInt8], context: AuditContext)
        async throws -> Outcome
    {
        let digest = ContentDigest.sha256Hex(bytes)
        let key = SkillText.normalize(name).key
        var outcome = try await client.transaction(logger: logger) { connection -> Outcome in
            let (id, unchanged) = try await frameworkID(organization: organization, nameKey: key, digest: digest, on: connection)
            try await connection.query(
                """
                INSERT INTO skill_frameworks (id, name, name_key, version, organization_id, source_url, content_sha256)
                VALUES (\(id), \(name), \(key), \(framework.version), \(organization), \(framework.uri), \(digest))
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, version = excluded.version, source_url = excluded.source_url,
                    content_sha256 = excluded.content_sha256, imported_at = now()
                """,
                logger: logger
            )
            var outcome = Outcome(
                framework: Summary(id: id, name: name, concepts: 0, importedAt: Date()), changed: !unchanged, items: framework.items.count,
                mappings: framework.mappings.count, unresolvedMappings: [], warnings: framework.warnings, reresolvedAchievements: 0
            )
            if !unchanged {
                let concepts = try await writeItems(framework.items, framework: id, on: connection)
                outcome.unresolvedMappings = try await writeLinks(framework, concepts: concepts, on: connection)
            }
            try await AuditLog.record(
                "framework.import", recordType: "skill_framework", recordID: id,
                detail: ["sha256": .string(digest), "items": .number(JSONNumber(framework.items.count)), "changed": .bool(!unchanged)],
                context: context, on: connection, logger: logger
            )
            return outcome
        }
        if outcome.changed {
            outcome.reresolvedAchievements = try await AlignmentResolver(logger: logger).resolveAll(client: client)
        }
        outcome.framework = try await list(organization: organization).first { $0.id == outcome.framework.id } ?? outcome.framework
        return outcome
    }

    /// The built-in frameworks and those `organization` imported (every framework when `nil`).
    public func list(organization: UUID?) async throws -> [Summary] {
        let rows = try await client.query(
            """
            SELECT f.id, f.name, f.version, f.organization_id, f.source_url, (SELECT count(*)::int FROM skills s WHERE s.framework = f.id), f.imported_at
            FROM skill_frameworks f
            WHERE f.organization_id IS NULL OR \(organization)::uuid IS NULL OR f.organization_id = \(organization)
            ORDER BY f.organization_id IS NOT NULL, f.name
            """,
            logger: logger
        )
        var result: [Summary] = []
        for try await (id, name, version, owner, url, concepts, at) in rows.decode((String, String, String?, UUID?, String?, Int, Date).self) {
            result.append(Summary(id: id, name: name, version: version, organizationID: owner, sourceURL: url, concepts: concepts, importedAt: at))
        }
        return result
    }

    /// The framework's id (the existing one for a name imported before) and whether this exact content is already stored.
    private func frameworkID(organization: UUID, nameKey: String, digest: String, on connection: PostgresConnection) async throws -> (String, Bool) {
        let rows = try await connection.query(
            "SELECT id, content_sha256 FROM skill_frameworks WHERE organization_id = \(organization) AND name_key = \(nameKey) FOR UPDATE",
            logger: logger
        )
        for try await (id, stored) in rows.decode((String, String?).self) { return (id, stored == digest) }
        return ("custom:" + UUID().uuidString.lowercased(), false)
    }

    /// Upserts the items (an item dropped from a later version stays, since alignments may point at it) and replaces
    /// their labels. Returns concept ids by item id.
    private func writeItems(_ items: [FrameworkItem], framework: String, on connection: PostgresConnection) async throws -> [String: Int] {
        let itemsJSON = JSONValue.array(
            items.map { item in
                .object(JSONObject(compacting: [
                    "code": .string(item.id), "label": .string(item.label), "description": .text(item.description), "url": .text(item.url),
                ]))
            }
        ).serialized()
        let rows = try await connection.query(
            """
            INSERT INTO skills (framework, code, kind, preferred_label, description, url)
            SELECT \(framework), x.code, 'item', x.label, x.description, x.url
            FROM jsonb_to_recordset(\(itemsJSON)::jsonb) AS x(code text, label text, description text, url text)
            ON CONFLICT (framework, code) DO UPDATE SET preferred_label = excluded.preferred_label, description = excluded.description,
                url = excluded.url
            RETURNING id, code
            """,
            logger: logger
        )
        var concepts: [String: Int] = [:]
        for try await (id, code) in rows.decode((Int, String).self) { concepts[code] = id }

        var labels: [JSONValue] = []
        for item in items {
            guard let id = concepts[item.id] else { continue }
            var seen: Set<String> = []
            let named = [(item.label, "preferred")] + item.altLabels.map { ($0, "alternative") } + (item.code.map { [($0, "code")] } ?? [])
            for (label, kind) in named {
                let key = SkillText.normalize(label).key
                guard !key.isEmpty, seen.insert(key).inserted else { continue }
                labels.append(["skill_id": .number(JSONNumber(id)), "label": .string(label), "normalized": .string(key), "kind": .string(kind)])
            }
        }
        let ids = Array(concepts.values)
        try await connection.query("DELETE FROM skill_labels WHERE skill_id = ANY(\(ids)::integer[])", logger: logger)
        try await connection.query(
            """
            INSERT INTO skill_labels (skill_id, label, normalized, kind)
            SELECT x.skill_id, x.label, x.normalized, x.kind
            FROM jsonb_to_recordset(\(JSONValue.array(labels).serialized())::jsonb) AS x(skill_id integer, label text, normalized text, kind text)
            """,
            logger: logger
        )
        return concepts
    }

    /// Replaces the items' hierarchy and mappings; returns the mapping targets that name no stored concept.
    private func writeLinks(_ framework: FrameworkImport, concepts: [String: Int], on connection: PostgresConnection) async throws -> [String] {
        var links: [JSONValue] = []
        for edge in framework.hierarchy {
            guard let child = concepts[edge.child], let parent = concepts[edge.parent] else { continue }
            links.append(["from_skill": .number(JSONNumber(child)), "to_skill": .number(JSONNumber(parent)), "kind": "broader"])
        }
        let skills = SkillStore(connection, logger: logger)
        var unresolved: [String] = []
        for mapping in framework.mappings {
            guard let item = concepts[mapping.item] else { continue }
            let targets = try await skills.concepts(referencedBy: [mapping.target])
            if targets.isEmpty { unresolved.append(mapping.target.code) }
            for target in targets where target.skillID != item {
                links.append(["from_skill": .number(JSONNumber(item)), "to_skill": .number(JSONNumber(target.skillID)), "kind": .string(mapping.kind.rawValue)])
            }
        }
        let ids = Array(concepts.values)
        try await connection.query(
            "DELETE FROM skill_relations WHERE from_skill = ANY(\(ids)::integer[]) AND kind IN ('broader', 'exact_match', 'related')",
            logger: logger
        )
        try await connection.query(
            """
            INSERT INTO skill_relations (from_skill, to_skill, kind)
            SELECT DISTINCT x.from_skill, x.to_skill, x.kind
            FROM jsonb_to_recordset(\(JSONValue.array(links).serialized())::jsonb) AS x(from_skill integer, to_skill integer, kind text)
            ON CONFLICT DO NOTHING
            """,
            logger: logger
        )
        return unresolved
    }
}
