import ArgumentParser
import CredenceServer
import Foundation
import PostgresNIO

/// `credence bench search`: the same query mix through the HTTP API and as raw SQL, so the two read as a ratio.
struct BenchSearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Measure search throughput and p50/p95/p99 through the running service and through the database alone.",
        discussion: "Needs DATABASE_URL (for the query mix and the SQL run) and a running `credence serve` (--url, --key of a recruiter)."
    )

    @Option(help: "Base URL of the running service.") var url = "http://127.0.0.1:8080"
    @Option(help: "A recruiter API key.") var key: String
    @Option(help: "Queries per run.") var queries = 2_000
    @Option(help: "Requests in flight.") var concurrency = 2
    @Option(help: "Random seed of the query mix.") var seed: UInt64 = 7
    @Flag(help: "Only print the plan of a 3-skill query of the mix (EXPLAIN ANALYZE).") var explain = false
    @Flag(help: "Skip the SQL engine's run (minutes at a million credentials).") var skipSQL = false

    func run() async throws {
        let config = CommandEnvironment.load()
        let logger = CommandEnvironment.logger(for: config)
        let (url, key, count, concurrency, seed, explain, skipSQL) = (
            self.url, self.key, self.queries, self.concurrency, self.seed, self.explain, self.skipSQL
        )
        try await PostgresClient.withRunning(config.database.clientConfiguration, logger: logger) { client in
            let bench = SearchBenchmark(client: client, logger: logger)
            let mix = try await bench.queries(count: count, seed: seed)
            if explain, let three = mix.first(where: { $0.skills.count == 3 }) {
                print("plan of: \(three.skills.compactMap(\.text).joined(separator: " | "))")
                print(try await bench.explain(three))
                return
            }
            // Warm caches on every path before measuring.
            if !skipSQL { _ = try await bench.runSQL(Array(mix.prefix(200)), concurrency: concurrency) }
            _ = try await bench.runHTTP(Array(mix.prefix(200)), baseURL: url, key: key, concurrency: concurrency)
            var runs = [("HTTP API", try await bench.runHTTP(mix, baseURL: url, key: key, concurrency: concurrency))]
            runs.append(("in-memory engine", try await bench.runMemory(mix, concurrency: concurrency)))
            if !skipSQL { runs.append(("SQL engine", try await bench.runSQL(mix, concurrency: concurrency))) }
            print("queries: \(count), concurrency \(concurrency)")
            for (name, (all, _)) in runs { print(name.padding(toLength: 18, withPad: " ", startingAt: 0) + all.line) }
            if let sql = runs.first(where: { $0.0 == "SQL engine" })?.1.0 {
                print(String(format: "service throughput / SQL engine throughput = %.2f", runs[0].1.0.throughput / max(sql.throughput, 0.001)))
            }
            for size in 1...5 {
                let parts = runs.compactMap { name, result in
                    result.1[size].map { name + String(format: " p50 %6.2f p95 %6.2f p99 %6.2f", $0.percentile(50), $0.percentile(95), $0.percentile(99)) }
                }
                guard let n = runs[0].1.1[size]?.count else { continue }
                print("\(size) skill(s), n=\(n): " + parts.joined(separator: " | "))
            }
        }
    }
}
