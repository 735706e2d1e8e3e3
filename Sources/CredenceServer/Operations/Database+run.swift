public import Logging
public import PostgresNIO

extension PostgresClient {
    /// Runs `body` with a client whose pool is running, for commands that use the database and then exit.
    public static func withRunning<T: Sendable>(
        _ configuration: PostgresClient.Configuration,
        logger: Logger,
        _ body: @escaping @Sendable (PostgresClient) async throws -> T
    ) async throws -> T {
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask {
                await client.run()
                return nil
            }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}
