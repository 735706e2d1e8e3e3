import Foundation
import Testing
import Verification

/// The benchmark's samples stay valid: every one verifies, so `credence bench verify` measures the full path.
@Suite struct BenchmarkTests {
    @Test func everySampleVerifies() async throws {
        let (samples, fetcher) = try VerificationBenchmark.samples(signed: Fixtures.signed)
        let canonicalizer = try #require(SharedCanonicalizer.linkedData)
        let measurements = await VerificationBenchmark.run(samples, fetcher: fetcher, canonicalizer: canonicalizer, now: Fixtures.now, iterations: 3)
        #expect(measurements.count == samples.count)
        for measurement in measurements {
            #expect(measurement.outcome == .verified, "\(measurement)")
            #expect(measurement.perSecond > 0)
        }
        let references = try await VerificationBenchmark.references(iterations: 3)
        #expect(references.map(\.name) == ["raw Ed25519 verify", "raw P-256 verify", "raw RSA-2048 verify"])
    }
}
