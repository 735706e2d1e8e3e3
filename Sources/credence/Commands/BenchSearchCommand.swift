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

    func run() async throws {
        let config = CommandEnvironment.load()
        let logger = CommandEnvironment.logger(for: config)
        let (url, key, count, concurrency, seed, explain) = (self.url, self.key, self.queries, self.concurrency, self.seed, self.explain)
        try await PostgresClient.withRunning(config.database.clientConfiguration, logger: logger) { client in
            let bench = SearchBenchmark(client: client, logger: logger)
            let mix = try await bench.queries(count: count, seed: seed)
            if explain, let three = mix.first(where: { $0.skills.count == 3 }) {
                print("plan of: \(three.skills.compactMap(\.text).joined(separator: " | "))")
                print(try await bench.explain(three))
                return
            }
            // Warm caches on both paths before measuring.
            _ = try await bench.runSQL(Array(mix.prefix(200)), concurrency: concurrency)
            _ = try await bench.runHTTP(Array(mix.prefix(200)), baseURL: url, key: key, concurrency: concurrency)
            let (httpAll, httpBySize) = try await bench.runHTTP(mix, baseURL: url, key: key, concurrency: concurrency)
            let (sqlAll, sqlBySize) = try await bench.runSQL(mix, concurrency: concurrency)
            print("queries: \(count), concurrency \(concurrency)")
            print("HTTP API  " + httpAll.line)
            print("SQL only  " + sqlAll.line)
            print(String(format: "service throughput / SQL throughput = %.2f", httpAll.throughput / max(sqlAll.throughput, 0.001)))
            for size in 1...5 {
                guard let h = httpBySize[size], let s = sqlBySize[size] else { continue }
                print(String(
                    format: "%d skill(s): n=%5d  HTTP p50 %6.2f p95 %6.2f p99 %6.2f ms | SQL p50 %6.2f p95 %6.2f p99 %6.2f ms",
                    size, h.count, h.percentile(50), h.percentile(95), h.percentile(99), s.percentile(50), s.percentile(95), s.percentile(99)
                ))
            }
        }
    }
}
