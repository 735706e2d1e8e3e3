import ArgumentParser
import Foundation
import LinkedData
import StrictJSON

/// `credence bench canonicalize`: single-threaded RDFC-1.0 throughput on two real credentials.
struct CanonicalizeBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "canonicalize",
        abstract: "Measure JSON-LD canonicalization speed, single-threaded.",
        discussion: """
            Canonicalizes the Open Badges spec credential and the 1EdTech complete.json in a loop (parsed once, proof \
            removed; pinned contexts, safe mode) and prints credentials per second and per-operation p50/p95. The \
            input paths default to ../shared/... relative to the current directory (run it from the repository root \
            of a checkout next to shared/), or pass them explicitly.
            """
    )

    @Option(help: "The Open Badges 3.0 spec test vector credential.")
    var specCredential = "../shared/data/openbadges/signed/ob-spec-test-vectors/ob-signed-credential.json"

    @Option(help: "The 1EdTech validator's complete.json credential.")
    var completeCredential = "../shared/data/openbadges/signed/1edtech-validator/ob30/complete.json"

    @Option(help: "Timed iterations per credential.")
    var iterations = 5_000

    @Option(help: "Untimed warm-up iterations per credential (fill the context cache).")
    var warmup = 200

    func run() async throws {
        let processor = JSONLDProcessor(loader: try StaticContextLoader())
        print("operation".padding(toLength: 52, withPad: " ", startingAt: 0) + "   creds/s     p50 µs     p95 µs")
        for path in [specCredential, completeCredential] {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            guard case .object(let signed) = try JSONParser.parse(bytes, limits: .trusted) else {
                throw ValidationError("\(path) does not hold a JSON object")
            }
            let document = JSONValue.object(signed.removing("proof"))
            let name = URL(fileURLWithPath: path).lastPathComponent
            report("\(name) document", try measure { _ = try processor.canonicalize(document) })
            if case .object(let proof)? = signed["proof"]?.asList.first {
                report(
                    "\(name) document + proof config",
                    try measure {
                        _ = try processor.canonicalize(document)
                        _ = try processor.canonicalizeProofConfiguration(proof, documentContext: signed["@context"])
                    })
            }
            report(
                "\(name) parse + document",
                try measure {
                    guard case .object(let parsed) = try JSONParser.parse(bytes, limits: .trusted) else { return }
                    _ = try processor.canonicalize(.object(parsed.removing("proof")))
                })
        }
    }

    /// Per-iteration durations in nanoseconds, after the warm-up.
    private func measure(_ operation: () throws -> Void) throws -> [Int64] {
        for _ in 0..<warmup { try operation() }
        let clock = ContinuousClock()
        var samples: [Int64] = []
        samples.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = clock.now
            try operation()
            let elapsed = clock.now - start
            samples.append(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
        }
        return samples
    }

    private func report(_ name: String, _ samples: [Int64]) {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return }
        let total = Double(sorted.reduce(0, +))
        let perSecond = Double(sorted.count) / (total / 1e9)
        let p50 = Double(sorted[sorted.count / 2]) / 1000
        let p95 = Double(sorted[min(sorted.count - 1, sorted.count * 95 / 100)]) / 1000
        let line =
            name.padding(toLength: 52, withPad: " ", startingAt: 0)
            + String(format: "%10.0f %10.1f %10.1f", perSecond, p50, p95)
        print(line)
    }
}
