public import Logging
public import PostgresNIO

/// The long-lived parts every feature is built from, made once in `buildApplication`: features take this and
/// construct their own stores and controllers, so adding a feature touches the composition root in one line.
public struct AppComponents: Sendable {
    public let client: PostgresClient
    public let logger: Logger
    public let config: AppConfig
    public let fetcher: HTTPDocumentFetcher
    public let verifier: CredentialVerifierService
    public let credentials: CredentialStore
    public let ingest: IngestService
}
