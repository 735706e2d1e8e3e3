public import Foundation
public import Logging
public import PostgresNIO
import StrictJSON

/// An organisation: an employer, an issuer or the platform operator.
public struct Organization: Sendable, Hashable, Codable {
    public var id: UUID
    public var name: String
    public var kind: OrganizationKind
    public var createdAt: Date
}

/// Organisations in PostgreSQL.
public struct OrganizationStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Creates an organisation; names are unique whatever their case.
    public func create(name: String, kind: OrganizationKind, context: AuditContext) async throws -> Organization {
        do {
            return try await client.transaction(logger: logger) { connection in
                let organization = try await Self.insert(name: name, kind: kind, on: connection, logger: logger)
                try await AuditLog.record(
                    "organization.create", recordType: "organization", recordID: organization.id.uuidString,
                    detail: ["name": .string(name), "kind": .string(kind.rawValue)], context: context, on: connection, logger: logger
                )
                return organization
            }
        } catch where error.isUniqueViolation {
            throw StoreError.conflict("an organisation named \"\(name)\" already exists")
        }
    }

    /// The organisation with this name, created when missing (for operators' scripts).
    public func findOrCreate(name: String, kind: OrganizationKind, context: AuditContext) async throws -> Organization {
        if let existing = try await find(name: name) { return existing }
        do {
            return try await create(name: name, kind: kind, context: context)
        } catch StoreError.conflict {
            // Another process created it between our look-up and insert.
            guard let existing = try await find(name: name) else { throw StoreError.notFound(what: "organisation", id: name) }
            return existing
        }
    }

    public func find(name: String) async throws -> Organization? {
        let rows = try await client.query(
            "SELECT id, name, kind, created_at FROM organizations WHERE lower(name) = lower(\(name))",
            logger: logger
        )
        for try await row in rows.decode((UUID, String, String, Date).self) { return Self.organization(row) }
        return nil
    }

    public func get(id: UUID) async throws -> Organization? {
        let rows = try await client.query("SELECT id, name, kind, created_at FROM organizations WHERE id = \(id)", logger: logger)
        for try await row in rows.decode((UUID, String, String, Date).self) { return Self.organization(row) }
        return nil
    }

    public func list(limit: Int, after: String?) async throws -> [Organization] {
        let rows = try await client.query(
            """
            SELECT id, name, kind, created_at FROM organizations
            WHERE \(after)::text IS NULL OR lower(name) > lower(\(after))
            ORDER BY lower(name) LIMIT \(limit)
            """,
            logger: logger
        )
        var result: [Organization] = []
        for try await row in rows.decode((UUID, String, String, Date).self) { result.append(Self.organization(row)) }
        return result
    }

    static func insert(name: String, kind: OrganizationKind, on connection: PostgresConnection, logger: Logger) async throws -> Organization {
        let rows = try await connection.query(
            "INSERT INTO organizations (name, kind) VALUES (\(name), \(kind.rawValue)) RETURNING id, name, kind, created_at",
            logger: logger
        )
        for try await row in rows.decode((UUID, String, String, Date).self) { return organization(row) }
        throw StoreError.conflict("organisation was not created")
    }

    private static func organization(_ row: (UUID, String, String, Date)) -> Organization {
        Organization(id: row.0, name: row.1, kind: OrganizationKind(rawValue: row.2) ?? .platform, createdAt: row.3)
    }
}
