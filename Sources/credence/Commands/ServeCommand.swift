import ArgumentParser
import CredenceServer
import Hummingbird
import Metrics
import Prometheus

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP service until SIGTERM or SIGINT, finishing requests in flight."
    )

    @Flag(help: "Apply pending migrations before serving (otherwise the service refuses to start while any are pending).")
    var migrate = false

    func run() async throws {
        var config = CommandEnvironment.load()
        if migrate { config.migrateOnStart = true }
        let logger = CommandEnvironment.logger(for: config)
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        let app = try await buildApplication(config: config, logger: logger, metrics: registry)
        try await app.runService()
    }
}
