import Foundation
import Logging
import PostgresNIO
import StrictJSON
import Verification

/// Stored outcomes over time: which credentials are due for a re-check, and writing new verdicts together with the
/// verification history, the search index and the audit log.
struct VerificationStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    /// The columns `check(_:)` decodes, with the latest `verifications` row of each credential.
    private static let select: PostgresQuery = """
        SELECT c.id, c.earner_id, c.uri, i.uri, c.document, c.checked_at, c.verification,
               v.checks::text, v.proof_type, v.key_id, v.checked_at
        FROM credentials c
        JOIN issuers i ON i.id = c.issuer_id
        LEFT JOIN LATERAL (
            SELECT checks, proof_type, key_id, checked_at FROM verifications
            WHERE credential_id = c.id ORDER BY checked_at DESC, id DESC LIMIT 1
        ) v ON true
        """

    /// Credentials whose outcome can still change and that were last checked before `before`, oldest check first,
    /// continuing after `after` (the previous batch's last `(checked_at, id)`).
    func due(before: Date, after: (Date, UUID)?, limit: Int) async throws -> [StoredCredentialCheck] {
        let (afterTime, afterID) = after ?? (Date.distantPast, UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        // credentials_recheck_idx: its predicate is repeated here word for word so the planner can use it.
        var query = Self.select
        query.sql += """

            WHERE c.superseded_by IS NULL AND c.verification NOT IN ('failed', 'expired')
              AND c.checked_at < $1 AND (c.checked_at, c.id) > ($2, $3)
            ORDER BY c.checked_at, c.id LIMIT $4
            """
        query.binds.append(before)
        query.binds.append(afterTime)
        query.binds.append(afterID)
        query.binds.append(limit)
        return try await checks(try await client.query(query, logger: logger))
    }

    /// One stored credential by its internal id.
    func check(_ id: UUID) async throws -> StoredCredentialCheck? {
        var query = Self.select
        query.sql += "\nWHERE c.id = $1"
        query.binds.append(id)
        return try await checks(try await client.query(query, logger: logger)).first
    }

    private func checks(_ rows: PostgresRowSequence) async throws -> [StoredCredentialCheck] {
        var result: [StoredCredentialCheck] = []
        for try await row in rows.decode((UUID, UUID, String, String, Data, Date, String, String?, String?, String?, Date?).self) {
            result.append(
                StoredCredentialCheck(
                    id: row.0, earnerID: row.1, uri: row.2, issuerURI: row.3, document: Array(row.4), checkedAt: row.5,
                    outcome: VerificationOutcome(rawValue: row.6) ?? .unverifiable,
                    previous: StoredCredentialCheck.report(checks: row.7, proofType: row.8, keyID: row.9, issuerURI: row.3, checkedAt: row.10)
                )
            )
        }
        return result
    }

    /// Writes a batch of verdicts in one transaction: every credential's `checked_at`; for changed outcomes the new
    /// outcome, a history row, an audit row and the search index. Returns the ids whose outcome changed.
    ///
    /// The outcome compared is the one under the row lock, not the one read before verifying, so two writers (the job
    /// and an on-demand check) never both record the same change.
    @discardableResult
    func record(_ results: [RecheckResult], trigger: RecheckResult.Trigger, context: AuditContext) async throws -> [UUID] {
        guard !results.isEmpty else { return [] }
        let ids = results.map(\.credential.id)
        return try await client.transaction(logger: logger) { connection in
            let locked = try await connection.query(
                "SELECT id, verification FROM credentials WHERE id = ANY(\(ids)::uuid[]) ORDER BY id FOR UPDATE",
                logger: logger
            )
            var current: [UUID: String] = [:]
            for try await (id, outcome) in locked.decode((UUID, String).self) { current[id] = outcome }

            var updates: [JSONValue] = []
            var history: [JSONValue] = []
            var changes: [(UUID, String, String)] = []
            for result in results {
                guard let before = current[result.credential.id] else { continue }
                let outcome = result.report?.outcome.rawValue
                updates.append(
                    .object(
                        JSONObject(compacting: [
                            "id": .string(result.credential.id.uuidString), "outcome": .text(outcome),
                            "checked_at": .string(result.checkedAt.rfc3339),
                        ])
                    )
                )
                guard let report = result.report, let outcome else { continue }
                if outcome != before { changes.append((result.credential.id, before, outcome)) }
                if outcome != before || result.alwaysRecord {
                    history.append(
                        .object(
                            JSONObject(compacting: [
                                "credential_id": .string(result.credential.id.uuidString), "checked_at": .string(report.checkedAt.rfc3339),
                                "outcome": .string(outcome), "checks": report.checksJSON, "proof_type": .text(report.proofType),
                                "key_id": .text(report.keyID),
                            ])
                        )
                    )
                }
            }
            try await connection.query(
                """
                UPDATE credentials c SET checked_at = x.checked_at, verification = coalesce(x.outcome, c.verification),
                    verified_at = CASE WHEN x.outcome IS NULL THEN c.verified_at WHEN x.outcome = 'unverifiable' THEN NULL ELSE x.checked_at END
                FROM jsonb_to_recordset(\(JSONValue.array(updates).serialized())::jsonb) AS x(id uuid, outcome text, checked_at timestamptz)
                WHERE c.id = x.id
                """,
                logger: logger
            )
            if !history.isEmpty {
                try await connection.query(
                    """
                    INSERT INTO verifications (credential_id, earner_id, checked_at, outcome, checks, proof_type, key_id, trigger)
                    SELECT x.credential_id, c.earner_id, x.checked_at, x.outcome, x.checks, x.proof_type, x.key_id, \(trigger.rawValue)
                    FROM jsonb_to_recordset(\(JSONValue.array(history).serialized())::jsonb) AS x(credential_id uuid,
                        checked_at timestamptz, outcome text, checks jsonb, proof_type text, key_id text)
                    JOIN credentials c ON c.id = x.credential_id
                    """,
                    logger: logger
                )
            }
            guard !changes.isEmpty else { return [] }
            let changed = changes.map(\.0)
            // A revocation leaves search, and a credential that became verified enters it, with this commit.
            try await SearchIndex.refresh(credentials: changed, on: connection, logger: logger)
            let audit = JSONValue.array(
                changes.map { ["id": .string($0.0.uuidString), "from": .string($0.1), "to": .string($0.2)] }
            ).serialized()
            try await connection.query(
                """
                INSERT INTO audit_log (actor, actor_key_id, actor_organization_id, action, record_type, record_id, request_id, detail)
                SELECT \(context.actor.label), \(context.actor.keyID), \(context.actor.organizationID), 'credential.verification', 'credential',
                       x.id, \(context.requestID), jsonb_build_object('from', x."from", 'to', x."to", 'trigger', \(trigger.rawValue)::text)
                FROM jsonb_to_recordset(\(audit)::jsonb) AS x(id text, "from" text, "to" text)
                """,
                logger: logger
            )
            return changed
        }
    }
}
