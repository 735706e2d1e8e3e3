public import Foundation
public import Logging
public import PostgresNIO
import StrictJSON

/// What an employer did with a candidate, the raw material of employer recognition.
public enum SignalKind: String, Sendable, Codable, CaseIterable {
    case shortlisted, contacted, interviewed
    case badgeReferenced = "badge_referenced"
    case acceptedInScreening = "accepted_in_screening"
    case hired
}

/// Employer signals and saved searches.
public struct SignalStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Records a signal. The earner must be findable by the organisation (discoverable now, or shown to it before),
    /// and the credential, when named, must be the earner's.
    public func record(
        _ kind: SignalKind, earner: UUID, credential: UUID?, search: UUID?, note: String?, organization: UUID, context: AuditContext
    ) async throws -> UUID {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query(
                """
                SELECT (e.discoverable OR EXISTS (SELECT 1 FROM earner_views v WHERE v.earner_id = e.id AND v.organization_id = \(organization))),
                       \(credential)::uuid IS NULL OR EXISTS (SELECT 1 FROM credentials c WHERE c.id = \(credential) AND c.earner_id = e.id)
                FROM earners e WHERE e.id = \(earner)
                """,
                logger: logger
            )
            var state: (Bool, Bool)?
            for try await row in rows.decode((Bool, Bool).self) { state = row }
            guard let (visible, ownsCredential) = state, visible else { throw StoreError.notFound(what: "candidate", id: earner.uuidString) }
            guard ownsCredential else { throw StoreError.invalid(pointer: "/credentialId", message: "is not one of this earner's credentials") }
            let id = UUID()
            try await connection.query(
                """
                INSERT INTO signals (id, organization_id, key_id, earner_id, credential_id, search_id, kind, note)
                VALUES (\(id), \(organization), \(context.actor.keyID), \(earner), \(credential), \(search), \(kind.rawValue), \(note))
                """,
                logger: logger
            )
            try await AuditLog.record(
                "signal.create", recordType: "signal", recordID: id.uuidString, detail: ["kind": .string(kind.rawValue)],
                context: context, on: connection, logger: logger
            )
            return id
        }
    }

    public func saveSearch(name: String, query: SearchQuery, organization: UUID, context: AuditContext) async throws -> UUID {
        let json = String(decoding: try JSONEncoder().encode(query), as: UTF8.self)
        return try await client.transaction(logger: logger) { connection in
            let id = UUID()
            try await connection.query(
                """
                INSERT INTO saved_searches (id, organization_id, key_id, name, query) VALUES (\(id), \(organization), \(context.actor.keyID), \(name), \(json)::jsonb)
                """,
                logger: logger
            )
            try await AuditLog.record("saved_search.create", recordType: "saved_search", recordID: id.uuidString, context: context, on: connection, logger: logger)
            return id
        }
    }

    /// A saved search of this organisation, or nil.
    public func savedSearch(_ id: UUID, organization: UUID) async throws -> (name: String, query: SearchQuery, createdAt: Date)? {
        let rows = try await client.query(
            "SELECT name, query::text, created_at FROM saved_searches WHERE id = \(id) AND organization_id = \(organization)",
            logger: logger
        )
        for try await (name, text, created) in rows.decode((String, String, Date).self) {
            return (name, try JSONDecoder().decode(SearchQuery.self, from: Data(text.utf8)), created)
        }
        return nil
    }

    public func savedSearches(organization: UUID) async throws -> [(id: UUID, name: String, createdAt: Date)] {
        let rows = try await client.query(
            "SELECT id, name, created_at FROM saved_searches WHERE organization_id = \(organization) ORDER BY created_at DESC LIMIT 500",
            logger: logger
        )
        var result: [(UUID, String, Date)] = []
        for try await row in rows.decode((UUID, String, Date).self) { result.append(row) }
        return result
    }

    public func deleteSavedSearch(_ id: UUID, organization: UUID, context: AuditContext) async throws {
        try await client.transaction(logger: logger) { connection in
            let rows = try await connection.query(
                "DELETE FROM saved_searches WHERE id = \(id) AND organization_id = \(organization) RETURNING id", logger: logger
            )
            var found = false
            for try await _ in rows { found = true }
            guard found else { throw StoreError.notFound(what: "saved search", id: id.uuidString) }
            try await AuditLog.record("saved_search.delete", recordType: "saved_search", recordID: id.uuidString, context: context, on: connection, logger: logger)
        }
    }
}
