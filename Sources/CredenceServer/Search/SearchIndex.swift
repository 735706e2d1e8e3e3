public import Foundation
public import Logging
public import PostgresNIO

/// Keeps `credential_skills` current. Every change that can affect what search returns (ingest, verification,
/// alignment resolution or review, consent, issuer trust) calls one of these on its own connection, inside its
/// own transaction, so the index never disagrees with what was committed.
public enum SearchIndex {
    public static func refresh(credentials ids: [UUID], on connection: PostgresConnection, logger: Logger) async throws {
        guard !ids.isEmpty else { return }
        try await run("SELECT refresh_credential_skills(\(ids)::uuid[])", on: connection, logger: logger)
    }

    public static func refresh(achievements: [UUID], on connection: PostgresConnection, logger: Logger) async throws {
        guard !achievements.isEmpty else { return }
        try await run(
            "SELECT refresh_credential_skills(array_agg(id)) FROM credentials WHERE achievement_id = ANY(\(achievements)::uuid[])",
            on: connection, logger: logger
        )
    }

    public static func refresh(earner: UUID, on connection: PostgresConnection, logger: Logger) async throws {
        try await run("SELECT refresh_credential_skills(array_agg(id)) FROM credentials WHERE earner_id = \(earner)", on: connection, logger: logger)
    }

    public static func refresh(issuer: UUID, on connection: PostgresConnection, logger: Logger) async throws {
        try await run("SELECT refresh_credential_skills(array_agg(id)) FROM credentials WHERE issuer_id = \(issuer)", on: connection, logger: logger)
    }

    /// Runs a refresh and reads its result, so that an error inside the function surfaces here, not as "transaction
    /// aborted" on whatever statement comes next.
    private static func run(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws {
        for try await _ in try await connection.query(query, logger: logger) {}
    }
}
