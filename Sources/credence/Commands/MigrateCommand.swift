import ArgumentParser
import CredenceServer
import PostgresNIO

struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Apply pending schema migrations (all in one transaction), or list them with --check."
    )

    @Flag(help: "Only report pending migrations; exit 1 if there are any.")
    var check = false

    func run() async throws {
        let config = CommandEnvironment.load()
        let logger = CommandEnvironment.logger(for: config)
        let migrator = Migrator(migrations: try Migration.load(from: config.schemaDirectory))
        let check = self.check
        let names = try await PostgresClient.withRunning(config.database.clientConfiguration, logger: logger) { client in
            check ? try await migrator.pendingNames(client: client, logger: logger) : try await migrator.migrate(client: client, apply: true, logger: logger)
        }
        if check {
            print(names.isEmpty ? "up to date" : "pending: \(names.joined(separator: ", "))")
            if !names.isEmpty { throw ExitCode(1) }
        } else {
            print(names.isEmpty ? "up to date" : "applied: \(names.joined(separator: ", "))")
        }
    }
}
