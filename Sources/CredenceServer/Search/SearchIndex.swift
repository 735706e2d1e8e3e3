public import Foundation
public import Logging
public import PostgresNIO

/// Keeps `credential_skills` current. Every change that can affect what search returns (ingest, verification,
/// alignment resolution or review, consent, issuer trust) calls one of these on its own connection, inside its
/// own transaction, so the index never disagrees with what was committed.
public enum SearchIndex {
    public static func refresh(credentials ids: [UUID], on connection: PostgresConnection, logger: Logger) async throws {
        guard !ids.isEmpty else { return }
        try await connection.query("SELECT refresh_credential_skills(\(ids)::uuid[])", logger: logger)
    }

    public static func refresh(achievements: [UUID], on connection: PostgresConnection, logger: Logger) async throws {
        guard !achievements.isEmpty else { return }
        try await connection.query(
            "SELECT refresh_credential_skills(array_agg(id)) FROM credentials WHERE achievement_id = ANY(\(achievements)::uuid[])",
            logger: logger
        )
    }

    public static func refresh(earner: UUID, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "SELECT refresh_credential_skills(array_agg(id)) FROM credentials WHERE earner_id = \(earner)",
            logger: logger
        )
    }

    public static func refresh(issuer: UUID, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "SELECT refresh_credential_skills(array_agg(id)) FROM credentials WHERE issuer_id = \(issuer)",
            logger: logger
        )
    }
}
