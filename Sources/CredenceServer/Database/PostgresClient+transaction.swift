public import Logging
public import PostgresNIO

extension PostgresClient {
    /// `withTransaction`, but a failure inside the closure reaches the caller as itself rather than wrapped in
    /// `PostgresTransactionError`, so domain errors (a conflict, a pending migration) keep their meaning.
    public func transaction<Result>(
        logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ closure: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        do {
            return try await withTransaction(logger: logger, isolation: isolation, closure)
        } catch let error as PostgresTransactionError {
            if let closureError = error.closureError, error.rollbackError == nil { throw closureError }
            throw error
        }
    }
}
