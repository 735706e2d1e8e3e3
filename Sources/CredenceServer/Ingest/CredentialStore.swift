import Credentials
import Foundation
public import Logging
public import PostgresNIO
import StrictJSON
import Verification

/// Earned badges in PostgreSQL: stores batches of parsed, verified credentials with everything they carry,
/// idempotently, in one transaction per batch.
public struct CredentialStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Stores a batch, returning one outcome per item in order. Nothing is written for duplicates and conflicts;
    /// everything else in the batch is durable when this returns.
    public func ingest(_ items: [IngestItem], context: AuditContext) async throws -> [IngestOutcome] {
        guard !items.isEmpty else { return [] }
        // Concurrent batches take their locks in a fixed order, but a deadlock PostgreSQL breaks (rows whose details
        // two batches change at once) costs only a retry: the aborted transaction wrote nothing.
        var attempt = 1
        while true {
            do {
                return try await ingestOnce(items, context: context)
            } catch where error.isTransientConflict && attempt < 3 {
                logger.notice("ingest batch retried", metadata: ["attempt": "\(attempt)", "error.detail": "\(String(reflecting: error))"])
                attempt += 1
            }
        }
    }

    private func ingestOnce(_ items: [IngestItem], context: AuditContext) async throws -> [IngestOutcome] {
        try await client.transaction(logger: logger) { connection in
            let uris = Array(Set(items.map(\.credential.badge.id))).sorted()
            // Serialise ingests of the same credential ids (in a fixed order, so batches cannot deadlock).
            try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtextextended(u, 7)) FROM unnest(\(uris)::text[]) AS u ORDER BY u",
                logger: logger
            )
            let plan = IngestPlan(items: items, existing: try await existing(uris: uris, on: connection))

            var rows = IngestRows()
            for (item, decision) in zip(items, plan.decisions) {
                if case .insert(let id, let version, let supersedes) = decision {
                    rows.add(item, id: id, version: version, supersedes: supersedes, receivedBy: context.actor.keyID)
                }
            }
            var stored: [UUID: StoredCredential] = [:]
            if !rows.credentials.isEmpty {
                stored = try await write(rows, on: connection, context: context)
            }
            return Self.outcomes(plan: plan, stored: stored)
        }
    }

    private static func outcomes(plan: IngestPlan, stored: [UUID: StoredCredential]) -> [IngestOutcome] {
        var outcomes: [IngestOutcome] = []
        for decision in plan.decisions {
            switch decision {
            case .insert(let id, _, let supersedes):
                guard let credential = stored[id] else { continue }
                outcomes.append(supersedes.map { .newVersion(credential, previous: $0) } ?? .stored(credential))
            case .duplicate(let existing):
                outcomes.append(
                    .duplicate(
                        StoredCredential(
                            id: existing.id, credentialURI: existing.uri, version: existing.version, earnerID: existing.earnerID,
                            achievementID: existing.achievementID, issuerID: existing.issuerID, verification: existing.verification
                        )
                    )
                )
            case .duplicateOfBatchItem(let index):
                switch outcomes[index] {
                case .stored(let c), .newVersion(let c, _), .duplicate(let c): outcomes.append(.duplicate(c))
                case .conflict(let existing, let reason): outcomes.append(.conflict(existing: existing, reason: reason))
                }
            case .conflict(let existing, let reason):
                outcomes.append(.conflict(existing: existing, reason: reason))
            }
        }
        return outcomes
    }

    /// Stored credentials sharing an id with the batch, every version.
    private func existing(uris: [String], on connection: PostgresConnection) async throws -> [IngestPlan.Existing] {
        let rows = try await connection.query(
            """
            SELECT c.id, c.uri, c.content_sha256, c.version, c.superseded_by IS NULL, c.earner_id, e.subject,
                   c.achievement_id, c.issuer_id, i.uri, c.verification
            FROM credentials c JOIN earners e ON e.id = c.earner_id JOIN issuers i ON i.id = c.issuer_id
            WHERE c.uri = ANY(\(uris)::text[])
            """,
            logger: logger
        )
        var result: [IngestPlan.Existing] = []
        for try await (id, uri, sha, version, latest, earnerID, subject, achievementID, issuerID, issuerURI, verification) in rows.decode(
            (UUID, String, String, Int, Bool, UUID, String, UUID, UUID, String, String).self
        ) {
            result.append(
                IngestPlan.Existing(
                    id: id, uri: uri, sha256: sha, version: version, isLatest: latest, earnerID: earnerID, earnerSubject: subject,
                    achievementID: achievementID, issuerID: issuerID, issuerURI: issuerURI,
                    verification: VerificationOutcome(rawValue: verification) ?? .unverifiable
                )
            )
        }
        return result
    }

    /// Upserts issuers, achievements and earners, then inserts credentials and what hangs off them.
    private func write(_ rows: IngestRows, on connection: PostgresConnection, context: AuditContext) async throws -> [UUID: StoredCredential] {
        // Upserts read first and lock only what they change: `ON CONFLICT DO UPDATE` locks the conflicting row even
        // when its WHERE skips the update, which would serialise every concurrent batch of one issuer. New rows are
        // inserted in key order, so two batches adding the same new earners wait for each other rather than deadlock.
        let issuersJSON = JSONValue.array(rows.issuers.values.map(JSONValue.object)).serialized()
        try await connection.query(
            """
            INSERT INTO issuers (uri, name, url, email, image_url, profile)
            SELECT x.uri, x.name, x.url, x.email, x.image, coalesce(x.profile, '{}')
            FROM jsonb_to_recordset(\(issuersJSON)::jsonb) AS x(uri text, name text, url text, email text, image text, profile jsonb)
            ORDER BY x.uri
            ON CONFLICT (uri) DO NOTHING
            """,
            logger: logger
        )
        try await connection.query(
            """
            UPDATE issuers SET
                name = coalesce(x.name, issuers.name), url = coalesce(x.url, issuers.url), email = coalesce(x.email, issuers.email),
                image_url = coalesce(x.image, issuers.image_url), profile = coalesce(x.profile, issuers.profile), updated_at = now()
            FROM jsonb_to_recordset(\(issuersJSON)::jsonb) AS x(uri text, name text, url text, email text, image text, profile jsonb)
            WHERE issuers.uri = x.uri
              AND (issuers.name, issuers.url, issuers.email, issuers.image_url, issuers.profile)
                  IS DISTINCT FROM (coalesce(x.name, issuers.name), coalesce(x.url, issuers.url), coalesce(x.email, issuers.email),
                      coalesce(x.image, issuers.image_url), coalesce(x.profile, issuers.profile))
            """,
            logger: logger
        )
        let achievementsJSON = JSONValue.array(rows.achievements.values.map(JSONValue.object)).serialized()
        let newAchievements = try await connection.query(
            """
            INSERT INTO achievements (issuer_id, uri, name, description, criteria_url, criteria_narrative, achievement_type, version,
                tags, human_code, field_of_study, specialization, image_url, in_language, definition, definition_sha256)
            SELECT i.id, x.uri, x.name, x.description, x.criteria_url, x.criteria_narrative, x.achievement_type, x.version,
                ARRAY(SELECT jsonb_array_elements_text(x.tags)), x.human_code, x.field_of_study, x.specialization, x.image,
                x.in_language, x.definition, x.definition_sha256
            FROM jsonb_to_recordset(\(achievementsJSON)::jsonb) AS x(issuer_uri text, uri text, name text, description text,
                criteria_url text, criteria_narrative text, achievement_type text, version text, tags jsonb, human_code text,
                field_of_study text, specialization text, image text, in_language text, definition jsonb, definition_sha256 text)
            JOIN issuers i ON i.uri = x.issuer_uri
            ORDER BY i.id, x.uri
            ON CONFLICT (issuer_id, uri) DO NOTHING
            RETURNING id
            """,
            logger: logger
        )
        var refreshAlignments: [UUID] = []
        for try await id in newAchievements.decode(UUID.self) { refreshAlignments.append(id) }
        let changedAchievements = try await connection.query(
            """
            UPDATE achievements a SET
                name = x.name, description = x.description, criteria_url = x.criteria_url,
                criteria_narrative = x.criteria_narrative, achievement_type = x.achievement_type, version = x.version,
                tags = ARRAY(SELECT jsonb_array_elements_text(x.tags)), human_code = x.human_code, field_of_study = x.field_of_study,
                specialization = x.specialization, image_url = x.image, in_language = x.in_language, definition = x.definition,
                definition_sha256 = x.definition_sha256, updated_at = now()
            FROM jsonb_to_recordset(\(achievementsJSON)::jsonb) AS x(issuer_uri text, uri text, name text, description text,
                criteria_url text, criteria_narrative text, achievement_type text, version text, tags jsonb, human_code text,
                field_of_study text, specialization text, image text, in_language text, definition jsonb, definition_sha256 text)
            JOIN issuers i ON i.uri = x.issuer_uri
            WHERE a.issuer_id = i.id AND a.uri = x.uri AND a.definition_sha256 <> x.definition_sha256
            RETURNING a.id
            """,
            logger: logger
        )
        for try await id in changedAchievements.decode(UUID.self) { refreshAlignments.append(id) }
        // Rubrics follow the definitions that carry one, before the credentials that record which version assessed them.
        let batchAchievements = try await connection.query(
            """
            SELECT a.id FROM jsonb_to_recordset(\(achievementsJSON)::jsonb) AS x(issuer_uri text, uri text)
            JOIN issuers i ON i.uri = x.issuer_uri JOIN achievements a ON a.issuer_id = i.id AND a.uri = x.uri
            """,
            logger: logger
        )
        var achievementIDs: [UUID] = []
        for try await id in batchAchievements.decode(UUID.self) { achievementIDs.append(id) }
        try await RubricSync.recordDefinitions(of: achievementIDs, on: connection, logger: logger)

        let earnersJSON = JSONValue.array(rows.earners.values.map(JSONValue.object)).serialized()
        try await connection.query(
            """
            INSERT INTO earners (subject) SELECT x.subject FROM jsonb_to_recordset(\(earnersJSON)::jsonb) AS x(subject text)
            ORDER BY x.subject
            ON CONFLICT (subject) DO NOTHING
            """,
            logger: logger
        )

        let credentialsJSON = JSONValue.array(rows.credentials).serialized()
        let inserted = try await connection.query(
            """
            INSERT INTO credentials (id, earner_id, achievement_id, issuer_id, uri, version, clr_uri, format, packaging, spec_version,
                valid_from, valid_until, awarded_at, document, document_sha256, content_sha256, media_type, normalized, warnings,
                status_entries, verification, verified_at, received_by, rubric_version_id, rubric_version_basis)
            SELECT x.id, e.id, a.id, i.id, x.uri, x.version, x.clr_uri, x.format, x.packaging, x.spec_version,
                x.valid_from, x.valid_until, x.awarded_at, decode(x.document, 'base64'), x.document_sha256, x.content_sha256, x.media_type,
                x.normalized,
                x.warnings, x.status_entries, x.verification,
                CASE WHEN x.verification = 'unverifiable' THEN NULL ELSE x.verified_at END, x.received_by, rubric.version_id, rubric.basis
            FROM jsonb_to_recordset(\(credentialsJSON)::jsonb) AS x(id uuid, earner_subject text, issuer_uri text, achievement_uri text,
                uri text, version integer, clr_uri text, format text, packaging text, spec_version text, valid_from timestamptz,
                valid_until timestamptz, awarded_at timestamptz, document text, document_sha256 text, content_sha256 text, media_type text,
                normalized jsonb,
                warnings jsonb, status_entries jsonb, verification text, verified_at timestamptz, received_by uuid)
            JOIN earners e ON e.subject = x.earner_subject
            JOIN issuers i ON i.uri = x.issuer_uri
            JOIN achievements a ON a.issuer_id = i.id AND a.uri = x.achievement_uri
            LEFT JOIN LATERAL credential_rubric_version(a.id, x.normalized -> 'achievement' -> 'resultDescription', x.awarded_at) rubric ON true
            RETURNING id, uri, version, earner_id, achievement_id, issuer_id, verification
            """,
            logger: logger
        )
        var stored: [UUID: StoredCredential] = [:]
        for try await (id, uri, version, earnerID, achievementID, issuerID, verification) in inserted.decode(
            (UUID, String, Int, UUID, UUID, UUID, String).self
        ) {
            stored[id] = StoredCredential(
                id: id, credentialURI: uri, version: version, earnerID: earnerID, achievementID: achievementID, issuerID: issuerID,
                verification: VerificationOutcome(rawValue: verification) ?? .unverifiable
            )
        }
        guard stored.count == rows.credentials.count else {
            throw StoreError.conflict("only \(stored.count) of \(rows.credentials.count) credentials could be linked to their issuer, achievement and earner")
        }
        try await writeDetails(rows, on: connection)
        if !refreshAlignments.isEmpty {
            try await replaceAlignments(of: refreshAlignments, rows: rows, on: connection)
            try await AlignmentResolver(logger: logger).resolve(achievements: refreshAlignments, on: connection)
        }
        // New credentials enter the search index, and versions they supersede leave it, in this transaction.
        let superseded = rows.superseded.compactMap { $0["old"]?.stringValue.flatMap(UUID.init(uuidString:)) }
        try await SearchIndex.refresh(credentials: Array(stored.keys) + superseded, on: connection, logger: logger)
        try await AuditLog.recordCredentials(Array(stored.values), context: context, on: connection, logger: logger)
        return stored
    }

    /// Results, evidence, verification history and superseded versions: rows that hang off the new credentials.
    private func writeDetails(_ rows: IngestRows, on connection: PostgresConnection) async throws {
        if !rows.results.isEmpty {
            try await connection.query(
                """
                INSERT INTO credential_results (credential_id, earner_id, position, result_description_uri, level_uri, level_name,
                    ordinal, level_count, normalized, points, value, status)
                SELECT x.credential_id, c.earner_id, x.position, x.result_description_uri, x.level_uri, x.level_name, x.ordinal,
                    x.level_count, x.normalized, x.points, x.value, x.status
                FROM jsonb_to_recordset(\(JSONValue.array(rows.results).serialized())::jsonb) AS x(credential_id uuid, position integer,
                    result_description_uri text, level_uri text, level_name text, ordinal integer, level_count integer, normalized real,
                    points text, value text, status text)
                JOIN credentials c ON c.id = x.credential_id
                """,
                logger: logger
            )
        }
        if !rows.evidence.isEmpty {
            try await connection.query(
                """
                INSERT INTO evidence (credential_id, earner_id, position, url, name, narrative, description, genre, audience)
                SELECT x.credential_id, c.earner_id, x.position, x.url, x.name, x.narrative, x.description, x.genre, x.audience
                FROM jsonb_to_recordset(\(JSONValue.array(rows.evidence).serialized())::jsonb) AS x(credential_id uuid, position integer,
                    url text, name text, narrative text, description text, genre text, audience text)
                JOIN credentials c ON c.id = x.credential_id
                """,
                logger: logger
            )
        }
        try await connection.query(
            """
            INSERT INTO verifications (credential_id, earner_id, checked_at, outcome, checks, proof_type, key_id, trigger)
            SELECT x.credential_id, c.earner_id, x.checked_at, x.outcome, x.checks, x.proof_type, x.key_id, 'ingest'
            FROM jsonb_to_recordset(\(JSONValue.array(rows.verifications).serialized())::jsonb) AS x(credential_id uuid,
                checked_at timestamptz, outcome text, checks jsonb, proof_type text, key_id text)
            JOIN credentials c ON c.id = x.credential_id
            """,
            logger: logger
        )
        if !rows.superseded.isEmpty {
            try await connection.query(
                """
                UPDATE credentials SET superseded_by = x.new
                FROM jsonb_to_recordset(\(JSONValue.array(rows.superseded).serialized())::jsonb) AS x(old uuid, new uuid)
                WHERE credentials.id = x.old
                """,
                logger: logger
            )
        }
    }

    /// Rewrites the received alignments of achievements whose definition changed, keeping rows an issuer reviewed.
    private func replaceAlignments(of achievementIDs: [UUID], rows: IngestRows, on connection: PostgresConnection) async throws {
        var items: [JSONValue] = []
        for (key, alignments) in rows.alignments {
            let parts = key.split(separator: "\u{0}", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            for case .object(var row) in alignments {
                row["issuer_uri"] = .string(parts[0])
                row["achievement_uri"] = .string(parts[1])
                items.append(.object(row))
            }
        }
        let json = JSONValue.array(items).serialized()
        try await connection.query(
            """
            WITH incoming AS (
                SELECT a.id AS achievement_id, x.*
                FROM jsonb_to_recordset(\(json)::jsonb) AS x(issuer_uri text, achievement_uri text, source text, source_ref text,
                    target_type text, target_framework text, target_code text, target_url text, target_name text, target_description text)
                JOIN issuers i ON i.uri = x.issuer_uri
                JOIN achievements a ON a.issuer_id = i.id AND a.uri = x.achievement_uri
                WHERE a.id = ANY(\(achievementIDs)::uuid[])
            ),
            removed AS (
                DELETE FROM achievement_alignments al
                WHERE al.achievement_id = ANY(\(achievementIDs)::uuid[]) AND al.review = 'automatic'
                  AND NOT EXISTS (
                      SELECT 1 FROM incoming n WHERE n.achievement_id = al.achievement_id AND n.source = al.source
                        AND n.source_ref = al.source_ref AND coalesce(n.target_url, '') = coalesce(al.target_url, '')
                        AND coalesce(n.target_code, '') = coalesce(al.target_code, '') AND coalesce(n.target_name, '') = coalesce(al.target_name, ''))
            )
            INSERT INTO achievement_alignments (achievement_id, source, source_ref, target_type, target_framework, target_code,
                target_url, target_name, target_description)
            SELECT achievement_id, source, source_ref, target_type, target_framework, target_code, target_url, target_name,
                target_description
            FROM incoming
            ON CONFLICT DO NOTHING
            """,
            logger: logger
        )
    }
}
