import Foundation
import Logging
import PostgresNIO
import StrictJSON
import Verification

/// Verified status lists kept in PostgreSQL, so a restarted service (or another instance) starts with the lists the
/// verifier already fetched and checked, instead of refetching each one, or failing to where there is no network.
struct StatusListSnapshotStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    /// The lists still usable at `now`.
    func load(now: Date) async throws -> [StatusListSnapshot] {
        let rows = try await client.query(
            """
            SELECT url, credential_type, list_credential_id, issuer_uri, purposes, bits, valid_until, fetched_at, refresh_after,
                warnings::text
            FROM status_list_snapshots WHERE refresh_after > \(now)
            """,
            logger: logger
        )
        var snapshots: [StatusListSnapshot] = []
        for try await row in rows.decode((String, String, String?, String?, [String], Data, Date?, Date, Date, String).self) {
            let warnings = (try? JSONParser.parse(row.9, limits: .trusted))?.arrayValue?.compactMap(\.stringValue) ?? []
            snapshots.append(
                StatusListSnapshot(
                    url: row.0, credentialType: row.1, listCredentialID: row.2, issuerID: row.3, purposes: row.4, bits: Array(row.5),
                    validUntil: row.6, fetchedAt: row.7, refreshAfter: row.8, warnings: warnings
                )
            )
        }
        return snapshots
    }

    /// Stores lists, replacing older copies of the same URL (never a newer one another instance stored), and forgets
    /// lists that went stale more than a day ago.
    func save(_ snapshots: [StatusListSnapshot]) async throws {
        for snapshot in snapshots {
            let warnings = JSONValue.array(snapshot.warnings.map(JSONValue.string)).serialized()
            try await client.query(
                """
                INSERT INTO status_list_snapshots (url, credential_type, list_credential_id, issuer_uri, purposes, bits, valid_until,
                    fetched_at, refresh_after, warnings)
                VALUES (\(snapshot.url), \(snapshot.credentialType), \(snapshot.listCredentialID), \(snapshot.issuerID), \(snapshot.purposes),
                    \(Data(snapshot.bits)), \(snapshot.validUntil), \(snapshot.fetchedAt), \(snapshot.refreshAfter), \(warnings)::jsonb)
                ON CONFLICT (url) DO UPDATE SET credential_type = excluded.credential_type,
                    list_credential_id = excluded.list_credential_id, issuer_uri = excluded.issuer_uri, purposes = excluded.purposes,
                    bits = excluded.bits, valid_until = excluded.valid_until, fetched_at = excluded.fetched_at,
                    refresh_after = excluded.refresh_after, warnings = excluded.warnings, stored_at = now()
                WHERE status_list_snapshots.fetched_at < excluded.fetched_at
                """,
                logger: logger
            )
        }
        try await client.query("DELETE FROM status_list_snapshots WHERE refresh_after < now() - interval '1 day'", logger: logger)
    }
}
