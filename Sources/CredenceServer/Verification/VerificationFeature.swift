import Logging
import ServiceLifecycle

/// Public verification, the issuer registry and re-verification (issue 5).
struct VerificationFeature {
    let components: AppComponents
    let registry: IssuerRegistry
    let store: VerificationStore
    let reverifier: Reverifier
    let publicAnswers: RecentAnswers
    let job: ReverificationJob
    /// The page templates, or why they could not be loaded (only a broken build; logged at start-up).
    let pages: Result<PublicVerificationPage, any Error>

    init(components: AppComponents) {
        self.components = components
        let (client, logger) = (components.client, components.logger)
        registry = IssuerRegistry(client: client, logger: logger)
        store = VerificationStore(client: client, logger: logger)
        reverifier = Reverifier(parser: components.ingest.parser, verifier: components.verifier)
        publicAnswers = RecentAnswers(lifetime: 60, capacity: 10_000)
        job = ReverificationJob(
            client: client, logger: logger, store: store, snapshots: StatusListSnapshotStore(client: client, logger: logger),
            reverifier: reverifier, publicAnswers: publicAnswers, interval: ReverificationJob.defaultInterval, batchSize: 500, concurrency: 2
        )
        pages = Result { try PublicVerificationPage() }
    }

    func register(on endpoints: Endpoints) {
        IssuersController(registry: registry, maxBodyBytes: components.config.maxBodyBytes).register(on: endpoints)
        ReverificationController(
            credentials: components.credentials, store: store, reverifier: reverifier, job: job, publicAnswers: publicAnswers
        ).register(on: endpoints)
        let service = PublicVerificationService(
            client: components.client, logger: components.logger, store: store, reverifier: reverifier, recent: publicAnswers
        )
        if case .failure(let error) = pages {
            components.logger.critical("public verification page templates missing", metadata: ["error.detail": "\(String(reflecting: error))"])
        }
        PublicVerificationController(service: service, pages: pages).register(on: endpoints)
    }

    /// Background services this feature runs (the re-verification job).
    var services: [any Service] { [job] }
}
