import Foundation
public import Hummingbird
public import Logging
import PostgresNIO
public import Prometheus

/// The composition root, shared by `credence serve` and the tests: builds the database client, stores and routes.
public func buildApplication(
    config: AppConfig,
    logger: Logger,
    metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    routes: RouteTable = RouteTable()
) async throws -> some ApplicationProtocol {
    let migrator = Migrator(migrations: try Migration.load(from: config.schemaDirectory))
    let client = PostgresClient(configuration: config.database.clientConfiguration, backgroundLogger: logger)
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ProblemMiddleware(routes: routes))

    let http = HTTPDocumentFetcher.makeHTTPClient()
    let documents = DocumentCache(client: client, logger: logger)
    let keys = APIKeyStore(client: client, logger: logger)
    let endpoints = Endpoints(router: router, routes: routes, keys: keys)
    let replica = config.searchEngine == .memory ? SearchReplica(client: client, logger: logger) : nil
    OperationsController(
        client: client, migrator: migrator, metrics: metrics, openAPIDocument: try OpenAPIDocument.load(), searchReplica: replica
    ).register(on: endpoints)
    AboutController(seedDirectory: config.seedDirectory).register(on: endpoints)
    AdminController(organizations: OrganizationStore(client: client, logger: logger), keys: keys, maxBodyBytes: config.maxBodyBytes)
        .register(on: endpoints)
    DocumentsController(cache: documents, maxBodyBytes: config.maxBodyBytes).register(on: endpoints)

    let components = try AppComponents.make(config: config, client: client, http: http, logger: logger)
    let ingest = components.ingest
    CredentialsController(
        ingest: ingest, store: components.credentials, earners: EarnerDirectory(client: client, logger: logger), maxCredentialBytes: config.maxCredentialBytes
    ).register(on: endpoints)
    SkillsController(skills: SkillStore(client, logger: logger)).register(on: endpoints)
    AlignmentsController(store: AlignmentReviewStore(client: client, logger: logger), maxBodyBytes: config.maxBodyBytes).register(on: endpoints)
    FrameworksController(store: FrameworkStore(client: client, logger: logger)).register(on: endpoints)
    ImportsController(pipeline: ImportPipeline(ingest: ingest), maxLineBytes: config.maxCredentialBytes, maxImportBytes: config.maxImportBytes)
        .register(on: endpoints)
    EarnersController(earners: EarnerStore(client: client, logger: logger), maxBodyBytes: config.maxBodyBytes).register(on: endpoints)
    let search = SearchService(client: client, logger: logger, replica: replica)
    SearchController(search: search, limiter: RateLimiter(ratePerSecond: Double(config.searchesPerSecondPerKey), burst: Double(2 * config.searchesPerSecondPerKey)), maxBodyBytes: config.maxBodyBytes).register(on: endpoints)
    SignalsController(signals: SignalStore(client: client, logger: logger), search: search, maxBodyBytes: config.maxBodyBytes).register(on: endpoints)

    let verification = VerificationFeature(components: components)
    verification.register(on: endpoints)
    CalibrationFeature(components: components).register(on: endpoints)
    try ReportsFeature(components: components).register(on: endpoints)

    var app = Application(
        router: router,
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Credence"),
        services: [client, HTTPClientService(client: http)] + verification.services
            + (replica.map { [SearchReplicaService(replica: $0, logger: logger)] } ?? []),
        logger: logger
    )
    app.beforeServerStarts {
        let applied = try await migrator.migrate(client: client, apply: config.migrateOnStart, logger: logger)
        if !applied.isEmpty { logger.info("migrations applied", metadata: ["migrations": "\(applied.joined(separator: ", "))"]) }
    }
    return app
}

/// The OpenAPI 3.1 description of the API, shipped as a resource and served at `/openapi.json`.
public enum OpenAPIDocument {
    public static func load() throws -> ByteBuffer {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return ByteBuffer(bytes: try Data(contentsOf: url))
    }
}
