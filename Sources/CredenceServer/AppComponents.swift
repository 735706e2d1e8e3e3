public import AsyncHTTPClient
import Credentials
public import Logging
public import PostgresNIO

/// The long-lived parts every feature is built from, made once: features take this and construct their own stores and
/// controllers, and the command line (`seed --demo`, `import`) uses the same ingest path as the HTTP API.
public struct AppComponents: Sendable {
    public let client: PostgresClient
    public let logger: Logger
    public let config: AppConfig
    public let fetcher: HTTPDocumentFetcher
    public let verifier: CredentialVerifierService
    public let credentials: CredentialStore
    public let ingest: IngestService

    /// Builds the ingest path (fetcher with its document cache, verifier, parser, store) over a client and HTTP client
    /// the caller runs.
    public static func make(config: AppConfig, client: PostgresClient, http: HTTPClient, logger: Logger) throws -> AppComponents {
        let fetcher = HTTPDocumentFetcher(http: http, cache: DocumentCache(client: client, logger: logger), policy: config.outbound, logger: logger)
        var parseOptions = ParseOptions()
        parseOptions.limits.maxBodyBytes = config.maxCredentialBytes
        let credentials = CredentialStore(client: client, logger: logger)
        let verifier = try CredentialVerifierService(fetcher: fetcher, options: config.verification, additionalContexts: config.additionalContexts)
        let ingest = IngestService(parser: CredentialParser(options: parseOptions, fetcher: fetcher), verifier: verifier, store: credentials)
        return AppComponents(
            client: client, logger: logger, config: config, fetcher: fetcher, verifier: verifier, credentials: credentials, ingest: ingest
        )
    }

    /// Runs `body` with components over an HTTP client made for it and shut down after (for commands).
    public static func with<T: Sendable>(
        config: AppConfig, client: PostgresClient, logger: Logger, _ body: (AppComponents) async throws -> T
    ) async throws -> T {
        let http = HTTPDocumentFetcher.makeHTTPClient()
        do {
            let result = try await body(try make(config: config, client: client, http: http, logger: logger))
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }
}
