public import Foundation
import PostgresNIO
public import StrictJSON

/// A stored credential as the API shows it, with what access checks need.
public struct CredentialRecord: Sendable {
    public var id: UUID
    public var uri: String
    public var version: Int
    public var supersededBy: UUID?
    public var earnerID: UUID
    public var achievementID: UUID
    public var issuerID: UUID
    public var issuerURI: String
    public var issuerOrganizationID: UUID?
    public var receivedByOrganizationID: UUID?
    public var earnerDiscoverable: Bool
    public var shown: Bool
    public var format: String
    public var packaging: String
    public var mediaType: String?
    public var contentSHA256: String
    public var document: [UInt8]
    public var normalized: JSONValue
    public var warnings: JSONValue
    public var verification: String
    public var verifiedAt: Date?
    public var checks: JSONValue
    public var receivedAt: Date
}

extension CredentialStore {
    /// The credential with this internal id, or the newest version of the credential with this credential id (URI).
    public func record(_ reference: String) async throws -> CredentialRecord? {
        let id = UUID(uuidString: reference)
        let rows = try await client.query(
            """
            SELECT c.id, c.uri, c.version, c.superseded_by, c.earner_id, c.achievement_id, c.issuer_id, i.uri, i.organization_id,
                   k.organization_id, e.discoverable, c.shown, c.format, c.packaging, c.media_type, c.document_sha256, c.document,
                   c.normalized::text, c.warnings::text, c.verification, c.verified_at,
                   coalesce((SELECT v.checks::text FROM verifications v WHERE v.credential_id = c.id ORDER BY v.checked_at DESC LIMIT 1), '[]'),
                   c.received_at
            FROM credentials c
            JOIN issuers i ON i.id = c.issuer_id
            JOIN earners e ON e.id = c.earner_id
            LEFT JOIN api_keys k ON k.id = c.received_by
            WHERE (\(id)::uuid IS NOT NULL AND c.id = \(id)) OR (\(id)::uuid IS NULL AND c.uri = \(reference))
            ORDER BY c.version DESC
            LIMIT 1
            """,
            logger: logger
        )
        for try await row in rows.decode(
            (UUID, String, Int, UUID?, UUID, UUID, UUID, String, UUID?, UUID?, Bool, Bool, String, String, String?, String, Data, String, String,
                String, Date?, String, Date).self
        ) {
            return CredentialRecord(
                id: row.0, uri: row.1, version: row.2, supersededBy: row.3, earnerID: row.4, achievementID: row.5, issuerID: row.6,
                issuerURI: row.7, issuerOrganizationID: row.8, receivedByOrganizationID: row.9, earnerDiscoverable: row.10, shown: row.11,
                format: row.12, packaging: row.13, mediaType: row.14, contentSHA256: row.15, document: Array(row.16),
                normalized: try JSONParser.parse(row.17, limits: .trusted), warnings: try JSONParser.parse(row.18, limits: .trusted),
                verification: row.19, verifiedAt: row.20, checks: try JSONParser.parse(row.21, limits: .trusted), receivedAt: row.22
            )
        }
        return nil
    }
}
