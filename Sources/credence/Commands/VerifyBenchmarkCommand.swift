import ArgumentParser
import Foundation
import Verification

/// `credence bench verify`: single-threaded verification throughput per proof type on the shared fixtures, with the raw
/// signature rates of this machine as references and the goals as ratios.
struct VerifyBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Measure credential verification speed per proof type, single-threaded.",
        discussion: """
            Verifies each sample credential in a loop (pinned contexts, keys served from memory as preloaded documents \
            would be, status not involved) and prints verifications per second of wall-clock and of CPU time, with \
            p50/p95 latency. CPU-time rates are the ones to compare on a machine shared with other work. The samples \
            are read from --signed, the shared/data/openbadges/signed folder.
            """
    )

    @Option(help: "The shared/data/openbadges/signed folder.")
    var signed = "../shared/data/openbadges/signed"

    @Option(help: "Timed iterations per sample (a tenth as many more are run first as warm-up).")
    var iterations = 5_000

    /// The Python verifier's rate on the OB spec credential (pyld + cryptography), from the issue.
    private static let pythonReference = 220.0

    func run() async throws {
        let (samples, fetcher) = try VerificationBenchmark.samples(signed: URL(fileURLWithPath: signed))
        let canonicalizer = try LinkedDataCanonicalizer()
        let references = try await VerificationBenchmark.references(iterations: iterations)
        let results = await VerificationBenchmark.run(
            samples, fetcher: fetcher, canonicalizer: canonicalizer, now: Date(), iterations: iterations)
        for measurement in references + results { print(measurement) }

        let cpuRate = { (prefix: String) in (references + results).first { $0.name.hasPrefix(prefix) }?.perCPUSecond }
        if let ed25519 = cpuRate("raw Ed25519"), let jwt = cpuRate("VC-JWT EdDSA") {
            print(String(format: "VC-JWT EdDSA / raw Ed25519: %.0f%% (goal ≥ 70%%)", 100 * jwt / ed25519))
        }
        if let rdfc = cpuRate("eddsa-rdfc-2022 (OB spec") {
            print(
                String(
                    format: "eddsa-rdfc-2022 on the OB spec credential: %.0f/CPU-s, %.1f× Python (goal ≥ 25×, > 5,000/s)", rdfc,
                    rdfc / Self.pythonReference))
        }
    }
}
