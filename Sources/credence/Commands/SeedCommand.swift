import ArgumentParser
import CredenceServer
import Foundation
import PostgresNIO

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Load the built-in taxonomy (ESCO, O*NET) from seed/; with --demo also demo organisations and records. Safe to run again."
    )

    @Flag(help: "Also load the demo issuer, employer and records.")
    var demo = false

    @Flag(help: "Reload the taxonomy even if this exact seed is already loaded.")
    var force = false

    func run() async throws {
        let config = CommandEnvironment.load()
        let logger = CommandEnvironment.logger(for: config)
        let (demo, force) = (self.demo, self.force)
        try await PostgresClient.withRunning(config.database.clientConfiguration, logger: logger) { client in
            let start = ContinuousClock.now
            let report = try await TaxonomyLoader(client: client, logger: logger)
                .load(from: config.seedDirectory.appendingPathComponent("taxonomy"), force: force)
            if report.skipped {
                print("taxonomy: already loaded (unchanged seed)")
            } else {
                let resolved = try await AlignmentResolver(logger: logger).resolveAll(client: client)
                print(
                    "taxonomy: \(report.concepts) concepts, \(report.labels) labels, \(report.relations) relations in \(ContinuousClock.now - start);"
                        + " \(resolved) alignments re-resolved"
                )
            }
            guard demo else { return }
            let demoReport = try await AppComponents.with(config: config, client: client, logger: logger) { components in
                try await DemoSeed(components: components).seed()
            }
            print("demo: \(demoReport.stored) badges stored (\(demoReport.duplicates) already there), \(demoReport.earners) learners, \(demoReport.discoverable) sharing;"
                + " outcomes: \(demoReport.outcomes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))")
            print(try await CalibrationDemo.seed(client: client, logger: logger).message)
        }
    }
}
