public import Foundation
public import Logging
public import PostgresNIO
import StrictJSON

/// How far the deployment trusts an issuer: search ranks trusted issuers higher, can be limited to them, and never
/// shows blocked ones.
public enum IssuerTrust: String, Sendable, Codable, CaseIterable {
    case trusted, unknown, blocked
}

/// One issuer as the registry shows it.
public struct IssuerRecord: Sendable, Hashable, Codable {
    public var id: UUID
    /// The issuer's own id (URL or DID), as credentials name it.
    public var uri: String
    public var name: String?
    public var url: String?
    public var email: String?
    public var imageUrl: String?
    public var trust: IssuerTrust
    public var trustNote: String?
    public var trustUpdatedAt: Date?
    /// The issuing organisation whose curriculum team owns this issuer's achievements.
    public var organizationId: UUID?
    public var firstSeenAt: Date
    public var updatedAt: Date
    /// Only on single look-ups: counting for every row of a page would scan each issuer's credentials.
    public var credentialCount: Int?
    public var achievementCount: Int?
}

/// The deployment's issuer registry: every issuer a credential has named, with the trust an admin gave it and the
/// organisation that owns it.
public struct IssuerRegistry: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// A page of issuers ordered by their id URI, optionally of one trust state; `after` is the last URI of the previous page.
    public func list(trust: IssuerTrust?, limit: Int, after: String?) async throws -> [IssuerRecord] {
        // issuers_trust_idx serves the filtered walk; the unique index on uri the unfiltered one.
        let rows = try await client.query(
            """
            SELECT i.id, i.uri, i.name, i.url, i.email, i.image_url, i.trust, i.trust_note, i.trust_updated_at, i.organization_id,
                i.first_seen_at, i.updated_at
            FROM issuers i
            WHERE (\(trust?.rawValue)::text IS NULL OR i.trust = \(trust?.rawValue)) AND (\(after)::text IS NULL OR i.uri > \(after))
            ORDER BY i.uri LIMIT \(limit)
            """,
            logger: logger
        )
        return try await Self.records(rows)
    }

    /// One issuer with its credential and achievement counts.
    public func get(id: UUID) async throws -> IssuerRecord? {
        let rows = try await client.query(
            """
            SELECT i.id, i.uri, i.name, i.url, i.email, i.image_url, i.trust, i.trust_note, i.trust_updated_at, i.organization_id,
                i.first_seen_at, i.updated_at,
                (SELECT count(*) FROM credentials c WHERE c.issuer_id = i.id AND c.superseded_by IS NULL)::integer,
                (SELECT count(*) FROM achievements a WHERE a.issuer_id = i.id)::integer
            FROM issuers i WHERE i.id = \(id)
            """,
            logger: logger
        )
        for try await row in rows.decode(
            (UUID, String, String?, String?, String?, String?, String, String?, Date?, UUID?, Date, Date, Int, Int).self
        ) {
            var record = Self.record((row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8, row.9, row.10, row.11))
            record.credentialCount = row.12
            record.achievementCount = row.13
            return record
        }
        return nil
    }

    /// Sets an issuer's trust and rebuilds its credentials' search rows in the same transaction, so a blocked issuer
    /// is gone from the very next search.
    public func setTrust(_ trust: IssuerTrust, note: String?, for id: UUID, context: AuditContext) async throws -> IssuerRecord {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query(
                """
                WITH previous AS (SELECT trust FROM issuers WHERE id = \(id) FOR UPDATE)
                UPDATE issuers i SET trust = \(trust.rawValue), trust_note = \(note), trust_updated_at = now(), updated_at = now()
                FROM previous WHERE i.id = \(id)
                RETURNING previous.trust
                """,
                logger: logger
            )
            var previous: String?
            for try await value in rows.decode(String.self) { previous = value }
            guard let previous else { throw StoreError.notFound(what: "issuer", id: id.uuidString) }
            if previous != trust.rawValue {
                try await SearchIndex.refresh(issuer: id, on: connection, logger: logger)
            }
            try await AuditLog.record(
                "issuer.trust", recordType: "issuer", recordID: id.uuidString,
                detail: JSONObject(compacting: ["from": .string(previous), "to": .string(trust.rawValue), "note": .text(note)]),
                context: context, on: connection, logger: logger
            )
            return try await Self.read(id, on: connection, logger: logger)
        }
    }

    /// Names the issuing organisation that owns an issuer id (its curriculum teams then see its achievements).
    /// - Throws: `StoreError.invalid` when the organisation does not exist or is not an issuing organisation.
    public func setOrganization(_ organizationID: UUID?, for id: UUID, context: AuditContext) async throws -> IssuerRecord {
        try await client.transaction(logger: logger) { connection in
            if let organizationID {
                let kinds = try await connection.query("SELECT kind FROM organizations WHERE id = \(organizationID)", logger: logger)
                var kind: String?
                for try await value in kinds.decode(String.self) { kind = value }
                guard kind == OrganizationKind.issuer.rawValue else {
                    let problem = kind == nil ? "no organisation has this id" : "the organisation is a \(kind ?? "") organisation, not an issuer"
                    throw StoreError.invalid(pointer: JSONPointer.root / "organizationId", message: problem)
                }
            }
            let rows = try await connection.query(
                """
                WITH previous AS (SELECT organization_id FROM issuers WHERE id = \(id) FOR UPDATE)
                UPDATE issuers i SET organization_id = \(organizationID), updated_at = now()
                FROM previous WHERE i.id = \(id)
                RETURNING previous.organization_id
                """,
                logger: logger
            )
            var found = false
            var previous: UUID?
            for try await value in rows.decode(UUID?.self) {
                found = true
                previous = value
            }
            guard found else { throw StoreError.notFound(what: "issuer", id: id.uuidString) }
            try await AuditLog.record(
                "issuer.organization", recordType: "issuer", recordID: id.uuidString,
                detail: JSONObject(compacting: ["from": .text(previous?.uuidString), "to": .text(organizationID?.uuidString)]),
                context: context, on: connection, logger: logger
            )
            return try await Self.read(id, on: connection, logger: logger)
        }
    }

    private static func read(_ id: UUID, on connection: PostgresConnection, logger: Logger) async throws -> IssuerRecord {
        let rows = try await connection.query(
            """
            SELECT i.id, i.uri, i.name, i.url, i.email, i.image_url, i.trust, i.trust_note, i.trust_updated_at, i.organization_id,
                i.first_seen_at, i.updated_at
            FROM issuers i WHERE i.id = \(id)
            """,
            logger: logger
        )
        guard let record = try await records(rows).first else { throw StoreError.notFound(what: "issuer", id: id.uuidString) }
        return record
    }

    private typealias Row = (UUID, String, String?, String?, String?, String?, String, String?, Date?, UUID?, Date, Date)

    private static func records(_ rows: PostgresRowSequence) async throws -> [IssuerRecord] {
        var result: [IssuerRecord] = []
        for try await row in rows.decode(Row.self) { result.append(record(row)) }
        return result
    }

    private static func record(_ row: Row) -> IssuerRecord {
        IssuerRecord(
            id: row.0, uri: row.1, name: row.2, url: row.3, email: row.4, imageUrl: row.5, trust: IssuerTrust(rawValue: row.6) ?? .unknown,
            trustNote: row.7, trustUpdatedAt: row.8, organizationId: row.9, firstSeenAt: row.10, updatedAt: row.11
        )
    }
}
