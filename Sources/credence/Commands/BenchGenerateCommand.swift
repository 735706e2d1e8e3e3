import ArgumentParser
import CredenceServer
import Foundation
import PostgresNIO

/// `credence bench generate`: a synthetic population loaded with COPY, for `bench search` and report timings.
struct BenchGenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Load a synthetic population (default 250,000 earners, 1,000,000 credentials) over the seeded taxonomy.",
        discussion: "Run `credence migrate` and `credence seed` first. Adds to what the database holds; use a dedicated database."
    )

    @Option(help: "Earners.") var earners = 250_000
    @Option(help: "Credentials.") var credentials = 1_000_000
    @Option(help: "Issuers.") var issuers = 300
    @Option(help: "Achievements.") var achievements = 3_000
    @Option(help: "Random seed (the same seed gives the same population).") var seed: UInt64 = 42

    func run() async throws {
        let config = CommandEnvironment.load()
        let logger = CommandEnvironment.logger(for: config)
        let spec = PopulationSpec(earners: earners, credentials: credentials, issuers: issuers, achievements: achievements, seed: seed)
        let start = ContinuousClock.now
        try await PostgresClient.withRunning(config.database.clientConfiguration, logger: logger) { client in
            try await PopulationGenerator(client: client, logger: logger).generate(spec) { step in
                print("[\(ContinuousClock.now - start)] \(step)")
            }
            var rows = 0
            for try await n in try await client.query("SELECT count(*)::int FROM credential_skills").decode(Int.self) { rows = n }
            print("search index rows: \(rows)")
        }
        print("generated \(spec.credentials) credentials for \(spec.earners) earners in \(ContinuousClock.now - start)")
    }
}
