/// A count of successes out of trials, with its rate and Wilson score interval.
public struct Proportion: Sendable, Hashable, Codable {
    /// The number of successes.
    public let successes: Int
    /// The number of trials.
    public let trials: Int

    /// A proportion, or nil unless 0 ≤ successes ≤ trials.
    public init?(successes: Int, trials: Int) {
        guard trials >= 0, successes >= 0, successes <= trials else { return nil }
        self.successes = successes
        self.trials = trials
    }

    /// successes / trials, or nil when there are no trials.
    public var rate: Double? {
        trials == 0 ? nil : Double(successes) / Double(trials)
    }

    /// The Wilson score interval (Wilson 1927), nil when there are no trials.
    ///
    /// Unlike the Wald interval it stays inside [0, 1] and keeps close to nominal coverage for small counts and
    /// rates near 0 or 1, which equity and funnel tables have plenty of (Newcombe 1998, "Two-sided confidence
    /// intervals for the single proportion", method 3).
    public func wilsonInterval(confidence: Double = 0.95) -> ConfidenceInterval? {
        guard let rate else { return nil }
        let z = NormalDistribution.criticalValue(confidence: confidence)
        let n = Double(trials)
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (rate + z2 / (2 * n)) / denominator
        let halfWidth = z / denominator * (rate * (1 - rate) / n + z2 / (4 * n * n)).squareRoot()
        // The bounds are exactly 0 with no successes and 1 with no failures; rounding must not move them.
        let lower = successes == 0 ? 0 : max(0, centre - halfWidth)
        let upper = successes == trials ? 1 : min(1, centre + halfWidth)
        return ConfidenceInterval(lower: lower, upper: upper, confidence: confidence)
    }
}
