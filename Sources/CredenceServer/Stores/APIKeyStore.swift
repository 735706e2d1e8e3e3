public import Foundation
public import Logging
public import PostgresNIO
import StrictJSON
import Synchronization

/// What is known about a key, never including its secret.
public struct APIKeyRecord: Sendable, Hashable, Codable {
    public var id: UUID
    public var prefix: String
    public var organizationID: UUID
    public var role: Role
    public var label: String
    public var earnerID: UUID?
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, prefix, organizationID = "organizationId", role, label, earnerID = "earnerId", createdAt, lastUsedAt, revokedAt
    }
}

/// API keys in PostgreSQL, with a short-lived cache of successful look-ups so authentication
/// does not cost a query on every request.
public final class APIKeyStore: Sendable {
    let client: PostgresClient
    let logger: Logger
    /// Entries live this long; a key revoked on another instance stops working within this time
    /// (on this instance, revocation clears the entry at once).
    let cacheLifetime: Duration
    private let cache = Mutex<[String: (principal: Principal, hash: [UInt8], expires: ContinuousClock.Instant)]>([:])

    public init(client: PostgresClient, logger: Logger, cacheLifetime: Duration = .seconds(10)) {
        self.client = client
        self.logger = logger
        self.cacheLifetime = cacheLifetime
    }

    /// Creates a key and returns it with its one-time secret.
    public func create(
        organizationID: UUID,
        role: Role,
        label: String,
        earnerID: UUID? = nil,
        context: AuditContext
    ) async throws -> (record: APIKeyRecord, secret: APIKeySecret) {
        let secret = APIKeySecret.generate()
        let hash = secret.secretHash
        let record = try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query(
                """
                INSERT INTO api_keys (organization_id, role, label, prefix, secret_hash, earner_id, created_by)
                SELECT \(organizationID), \(role.rawValue), \(label), \(secret.prefix), \(Data(hash)), \(earnerID), \(context.actor.keyID)
                WHERE EXISTS (SELECT 1 FROM organizations WHERE id = \(organizationID))
                RETURNING id, prefix, organization_id, role, label, earner_id, created_at, last_used_at, revoked_at
                """,
                logger: logger
            )
            guard let record = try await Self.records(rows).first else {
                throw StoreError.notFound(what: "organisation", id: organizationID.uuidString)
            }
            try await AuditLog.record(
                "api_key.create", recordType: "api_key", recordID: record.id.uuidString,
                detail: ["role": .string(role.rawValue), "organizationId": .string(organizationID.uuidString)],
                context: context, on: connection, logger: logger
            )
            return record
        }
        return (record, secret)
    }

    /// The principal a presented token stands for, or `nil` if the key is unknown, wrong or revoked.
    public func authenticate(token: String) async throws -> Principal? {
        guard let presented = APIKeySecret(token: token) else { return nil }
        let hash = presented.secretHash
        let now = ContinuousClock.now
        let cached = cache.withLock { $0[presented.prefix] }
        if let cached, cached.expires > now {
            return APIKeySecret.hashesMatch(cached.hash, hash) ? cached.principal : nil
        }
        let rows = try await client.query(
            """
            UPDATE api_keys k SET last_used_at = now()
            FROM organizations o
            WHERE k.prefix = \(presented.prefix) AND k.revoked_at IS NULL AND o.id = k.organization_id
            RETURNING k.id, k.secret_hash, k.organization_id, o.kind, k.role, k.earner_id
            """,
            logger: logger
        )
        for try await (id, storedHash, organizationID, kind, role, earnerID) in rows.decode((UUID, Data, UUID, String, String, UUID?).self) {
            guard APIKeySecret.hashesMatch(Array(storedHash), hash), let role = Role(rawValue: role),
                let kind = OrganizationKind(rawValue: kind)
            else { return nil }
            let principal = Principal(
                keyID: id, keyPrefix: presented.prefix, organizationID: organizationID, organizationKind: kind, role: role, earnerID: earnerID
            )
            cache.withLock { $0[presented.prefix] = (principal, Array(storedHash), now.advanced(by: cacheLifetime)) }
            return principal
        }
        return nil
    }

    /// Revokes a key. Admins may revoke any key of their own organisation; platform admins any key.
    public func revoke(id: UUID, scope organizationID: UUID?, context: AuditContext) async throws -> APIKeyRecord {
        let record = try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query(
                """
                UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())
                WHERE id = \(id) AND (\(organizationID)::uuid IS NULL OR organization_id = \(organizationID))
                RETURNING id, prefix, organization_id, role, label, earner_id, created_at, last_used_at, revoked_at
                """,
                logger: logger
            )
            guard let record = try await Self.records(rows).first else { throw StoreError.notFound(what: "API key", id: id.uuidString) }
            try await AuditLog.record("api_key.revoke", recordType: "api_key", recordID: id.uuidString, context: context, on: connection, logger: logger)
            return record
        }
        cache.withLock { $0[record.prefix] = nil }
        return record
    }

    public func list(organizationID: UUID) async throws -> [APIKeyRecord] {
        let rows = try await client.query(
            "SELECT id, prefix, organization_id, role, label, earner_id, created_at, last_used_at, revoked_at FROM api_keys WHERE organization_id = \(organizationID) ORDER BY created_at, id",
            logger: logger
        )
        return try await Self.records(rows)
    }

    /// Decodes rows selected as `id, prefix, organization_id, role, label, earner_id, created_at, last_used_at, revoked_at`.
    static func records(_ rows: PostgresRowSequence) async throws -> [APIKeyRecord] {
        var result: [APIKeyRecord] = []
        for try await (id, prefix, organizationID, role, label, earnerID, createdAt, lastUsedAt, revokedAt) in rows.decode(
            (UUID, String, UUID, String, String, UUID?, Date, Date?, Date?).self
        ) {
            result.append(
                APIKeyRecord(
                    id: id, prefix: prefix, organizationID: organizationID, role: Role(rawValue: role) ?? .earner, label: label,
                    earnerID: earnerID, createdAt: createdAt, lastUsedAt: lastUsedAt, revokedAt: revokedAt
                )
            )
        }
        return result
    }
}
