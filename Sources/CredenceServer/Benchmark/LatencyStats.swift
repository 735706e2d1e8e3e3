import Foundation

/// Throughput and latency percentiles of a measured run, printed the same way by every benchmark.
public struct LatencyStats: Sendable {
    public let count: Int
    public let seconds: Double
    /// Sorted, in milliseconds.
    let latencies: [Double]

    public init(latencies: [Double], seconds: Double) {
        self.latencies = latencies.sorted()
        self.count = latencies.count
        self.seconds = seconds
    }

    public var throughput: Double { seconds > 0 ? Double(count) / seconds : 0 }

    /// The nearest-rank percentile, in milliseconds.
    public func percentile(_ p: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(latencies.count)).rounded(.up)) - 1
        return latencies[min(max(rank, 0), latencies.count - 1)]
    }

    public var line: String {
        String(format: "%8d  %9.1f/s  p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms", count, throughput, percentile(50), percentile(95), percentile(99))
    }
}

extension Duration {
    var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
