import ArgumentParser
import CredenceServer
import PostgresNIO

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Load reference data; with --demo also demo organisations and records. Safe to run again."
    )

    @Flag(help: "Also load the demo issuer, employer and records.")
    var demo = false

    func run() async throws {
        let config = CommandEnvironment.load()
        let logger = CommandEnvironment.logger(for: config)
        let demo = self.demo
        try await PostgresClient.withRunning(config.database.clientConfiguration, logger: logger) { client in
            guard demo else { return }
            let organizations = OrganizationStore(client: client, logger: logger)
            let context = AuditContext(actor: .cli(command: "seed"))
            for (name, kind) in [("Credence Demo", OrganizationKind.platform), ("Northwind Institute", .issuer), ("Contoso Hiring", .employer)] {
                _ = try await organizations.findOrCreate(name: name, kind: kind, context: context)
            }
        }
        print("seeded" + (demo ? " (with demo data)" : ""))
    }
}
