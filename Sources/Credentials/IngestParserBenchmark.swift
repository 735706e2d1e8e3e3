import StrictJSON

/// Measures the parser alone (no storage, no verification) on realistic credentials, for `credence bench ingest`.
public enum IngestParserBenchmark {
    /// One document to parse repeatedly.
    public struct Sample: Sendable {
        public var name: String
        public var bytes: [UInt8]
        public var mediaType: String?

        public init(name: String, bytes: [UInt8], mediaType: String?) {
            self.name = name
            self.bytes = bytes
            self.mediaType = mediaType
        }
    }

    /// Throughput and latency for one sample.
    public struct Measurement: Sendable, CustomStringConvertible {
        public var sample: String
        public var iterations: Int
        public var perSecond: Double
        public var p50: Duration
        public var p95: Duration
        /// Iterations that were rejected (a benchmark sample should have none).
        public var rejections: Int

        public var description: String {
            let rejected = rejections > 0 ? ", \(rejections) rejected" : ""
            return "\(sample): \(Int(perSecond.rounded())) credentials/s, p50 \(p50), p95 \(p95) over \(iterations)\(rejected)"
        }
    }

    /// The built-in samples: a full OB 3.0 credential (issuer profile, achievement with alignments, a four-level
    /// rubric, results, evidence, an endorsement, a status entry, a proof) as JSON-LD and as a VC-JWT.
    public static func samples() -> [Sample] {
        let json = Array(BenchmarkCredential.json.utf8)
        return [
            Sample(name: "ob3-json", bytes: json, mediaType: "application/ld+json"),
            Sample(name: "ob3-vc-jwt", bytes: Array(BenchmarkCredential.jwt().utf8), mediaType: "application/vc+jwt"),
        ]
    }

    /// Parses each sample `iterations` times (after a tenth as many warm-up runs) and reports credentials per second
    /// and per-parse latency percentiles.
    public static func run(_ samples: [Sample] = samples(), iterations: Int, parser: CredentialParser = CredentialParser()) async -> [Measurement] {
        var measurements: [Measurement] = []
        let clock = ContinuousClock()
        for sample in samples {
            for _ in 0..<max(1, iterations / 10) { _ = try? await parser.parse(sample.bytes, mediaType: sample.mediaType) }
            var durations: [Duration] = []
            durations.reserveCapacity(iterations)
            var rejections = 0
            let started = clock.now
            for _ in 0..<iterations {
                let start = clock.now
                do {
                    _ = try await parser.parse(sample.bytes, mediaType: sample.mediaType)
                } catch {
                    rejections += 1
                }
                durations.append(clock.now - start)
            }
            let total = clock.now - started
            durations.sort()
            let seconds = Double(total.components.seconds) + Double(total.components.attoseconds) / 1e18
            measurements.append(
                Measurement(
                    sample: sample.name,
                    iterations: iterations,
                    perSecond: seconds > 0 ? Double(iterations) / seconds : 0,
                    p50: percentile(durations, 0.50),
                    p95: percentile(durations, 0.95),
                    rejections: rejections
                )
            )
        }
        return measurements
    }

    private static func percentile(_ sorted: [Duration], _ fraction: Double) -> Duration {
        guard !sorted.isEmpty else { return .zero }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.down)))]
    }
}
