import ArgumentParser
import CredenceServer
import Foundation

/// `credence bench import`: verified VC-JWT badges through `POST /v1/imports` of a running service.
struct BenchImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Measure NDJSON import throughput (parse, verify, store, index) through a running service.",
        discussion: "Needs a running `credence serve` (--url) and an admin or issuer key (--key). Adds the badges it posts; use a benchmark database."
    )

    @Option(help: "Base URL of the running service.") var url = "http://127.0.0.1:8080"
    @Option(help: "An admin or issuer API key.") var key: String
    @Option(help: "Badges to import.") var count = 20_000
    @Option(help: "NDJSON lines per request.") var perRequest = 2_000
    @Option(help: "Requests in flight.") var concurrency = 1
    @Option(help: "Random seed (new badges for each seed).") var seed = UInt64(Date().timeIntervalSince1970)

    func run() async throws {
        let bench = ImportBenchmark()
        let signing = ContinuousClock.now
        let lines = try bench.lines(count: count, seed: seed)
        print("signed \(lines.count) VC-JWT badges in \(ContinuousClock.now - signing)")
        let outcome = try await bench.run(lines, baseURL: url, key: key, perRequest: perRequest, concurrency: concurrency)
        print(String(format: "imported %d lines (%d stored) in %.2f s: %.0f credentials/s", outcome.lines, outcome.stored, outcome.seconds, outcome.perSecond))
        print("requests of \(perRequest) lines " + outcome.requests.line)
    }
}
