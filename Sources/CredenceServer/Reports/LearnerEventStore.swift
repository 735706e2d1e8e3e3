public import Foundation
public import Logging
public import PostgresNIO

/// Stores a cohort's learner events, for `POST /v1/cohorts/{id}/events` and `credence import --cohort`.
public struct LearnerEventStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    /// Rows per INSERT: keeps each statement's arrays small while a large import still runs in one transaction.
    static let chunk = 10_000

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// What one batch did.
    public struct Outcome: Sendable {
        public let received: Int
        public let stored: Int
        public var duplicates: Int { received - stored }
    }

    /// Reads `body` (NDJSON, or CSV with a header row) and stores its events in the cohort, all or nothing; a re-sent
    /// event is stored once. `organization` restricts the cohort to one organisation's (nil from the server's shell).
    /// Throws a `Problem` locating every invalid field, or not found for a cohort that is not there (or not theirs).
    public func add(_ body: [UInt8], csv: Bool, cohort: UUID, organization: UUID?, maxEvents: Int) async throws -> Outcome {
        let events = try LearnerEventBatch(body: body, csv: csv, maxEvents: maxEvents).events
        let stored = try await client.transaction(logger: logger) { connection -> Int in
            let owner = try await connection.query("SELECT organization_id FROM cohorts WHERE id = \(cohort)", logger: logger)
            var found: UUID?
            for try await value in owner.decode(UUID.self) { found = value }
            guard let found, organization == nil || organization == found else {
                throw StoreError.notFound(what: "cohort", id: cohort.uuidString)
            }
            var stored = 0
            for start in stride(from: 0, to: events.count, by: Self.chunk) {
                let part = events[start..<min(start + Self.chunk, events.count)]
                let rows = try await connection.query(
                    """
                    INSERT INTO learner_events (cohort_id, learner, kind, module, at)
                    SELECT \(cohort), l, k, m, t FROM unnest(\(part.map(\.learner))::text[], \(part.map(\.kind.rawValue))::text[],
                                                           \(part.map(\.module))::text[], \(part.map(\.at))::timestamptz[]) AS x(l, k, m, t)
                    ON CONFLICT DO NOTHING
                    RETURNING 1
                    """,
                    logger: logger
                )
                for try await _ in rows.decode(Int.self) { stored += 1 }
            }
            return stored
        }
        return Outcome(received: events.count, stored: stored)
    }
}
