public import Foundation
public import Logging
public import PostgresNIO

/// Earners as records: identity look-ups shared by ingest, consent and search.
public struct EarnerDirectory: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// The subject identity an earner is stored under.
    public func subject(of earnerID: UUID) async throws -> String? {
        let rows = try await client.query("SELECT subject FROM earners WHERE id = \(earnerID)", logger: logger)
        for try await subject in rows.decode(String.self) { return subject }
        return nil
    }

    /// Records that an organisation opened one of the earner's credentials.
    public func recordEvidenceView(earner: UUID, credential: UUID, organization: UUID) async throws {
        try await client.query(
            "INSERT INTO earner_views (earner_id, organization_id, kind, credential_id) VALUES (\(earner), \(organization), 'evidence', \(credential))",
            logger: logger
        )
    }
}
