public import Logging
public import PostgresNIO

/// Something that runs one SQL statement: the pool, or one connection inside a transaction. Stores that are used
/// both on their own and as part of a larger transaction take one of these.
public protocol SQLRunner: Sendable {
    func run(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence
}

extension PostgresClient: SQLRunner {
    public func run(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await self.query(query, logger: logger)
    }
}

extension PostgresConnection: SQLRunner {
    public func run(_ query: PostgresQuery, logger: Logger) async throws -> PostgresRowSequence {
        try await self.query(query, logger: logger)
    }
}
