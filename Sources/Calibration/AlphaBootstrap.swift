public import Reporting

/// A percentile bootstrap confidence interval for Krippendorff's alpha, resampling units.
///
/// Each replicate draws as many units as there are pairable units, with replacement, and recomputes alpha from
/// their coincidence contributions (ordinal differences from the replicate's own marginals). The interval is the
/// (1 − confidence)/2 and (1 + confidence)/2 quantiles of the replicates (linear interpolation). This is the plain
/// percentile bootstrap over units, chosen because units (artefacts) are what a session samples; it is not the
/// Hayes & Krippendorff (2007) KALPHA bootstrap, which resamples pairs of values. Replicates with no variation
/// (alpha undefined) are dropped and counted. The generator is seeded, so the same data and seed give the same
/// interval on every platform.
public struct AlphaBootstrap: Sendable, Hashable, Codable {
    /// The interval, nil when no replicate had a defined alpha.
    public let interval: ConfidenceInterval?
    /// Defined replicate alphas, sorted.
    public let replicates: [Double]
    /// Replicates whose alpha was undefined (all sampled values equal).
    public let undefinedReplicates: Int

    /// Bootstraps alpha for `units` at `level`.
    public init(units: [[Double]], level: MeasurementLevel, replicates count: Int = 1000, confidence: Double = 0.95, seed: UInt64 = 1) {
        let prepared = PreparedUnits(units)
        var generator = SeededGenerator(seed: seed)
        var alphas: [Double] = []
        var undefined = 0
        let unitCount = prepared.contributions.count
        for _ in 0..<(unitCount == 0 ? 0 : count) {
            var draws = [Int](repeating: 0, count: unitCount)
            for _ in 0..<unitCount { draws[generator.index(below: unitCount)] += 1 }
            var matrix = CoincidenceMatrix(values: prepared.values)
            for (unit, times) in draws.enumerated() where times > 0 { matrix.add(prepared.contributions[unit], times: times) }
            if let alpha = matrix.alpha(level: level).alpha { alphas.append(alpha) } else { undefined += 1 }
        }
        replicates = alphas.sorted()
        undefinedReplicates = undefined
        interval = Quantile.percentileInterval(replicates: replicates, confidence: confidence)
    }

    /// The share of defined replicates below `threshold`: Hayes & Krippendorff's q, the chance that the data's
    /// reliability fails to reach a required minimum such as 0.667.
    public func probabilityBelow(_ threshold: Double) -> Double? {
        guard !replicates.isEmpty else { return nil }
        let below = replicates.firstIndex { $0 >= threshold } ?? replicates.count
        return Double(below) / Double(replicates.count)
    }
}
