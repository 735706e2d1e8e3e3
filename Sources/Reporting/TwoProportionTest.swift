/// Two rates compared: difference, its Newcombe interval, and the pooled two-proportion z-test.
public struct TwoProportionTest: Sendable, Hashable, Codable {
    /// The first group (e.g. learners with the badge).
    public let first: Proportion
    /// The second group (e.g. learners without it).
    public let second: Proportion
    /// first rate − second rate; nil when a group is empty.
    public let difference: Double?
    /// Newcombe's hybrid score interval for the difference (1998, method 10), built from the two Wilson intervals.
    public let differenceInterval: ConfidenceInterval?
    /// z = (p₁ − p₂) / √(p̄(1 − p̄)(1/n₁ + 1/n₂)) with the pooled rate p̄; 0 when both groups are all successes or
    /// all failures (identical rates, no variance).
    public let z: Double?
    /// Two-sided p-value of `z` from the normal distribution.
    public let pValue: Double?
    /// Groups too small for the figures to be more than indicative (`SampleSizeRule`).
    public let warnings: [SmallSampleWarning]

    /// Compares two proportions.
    ///
    /// The test uses the pooled rate (the null hypothesis says the rates are equal); the interval does not, so on
    /// rare borderline data the two can disagree about significance. Newcombe's interval is used rather than the
    /// Wald interval because it keeps close to nominal coverage for small groups and extreme rates.
    public init(_ first: Proportion, _ second: Proportion, confidence: Double = 0.95, rule: SampleSizeRule = SampleSizeRule()) {
        self.first = first
        self.second = second
        self.warnings = rule.warnings(first, second)
        guard let p1 = first.rate, let p2 = second.rate,
            let interval1 = first.wilsonInterval(confidence: confidence),
            let interval2 = second.wilsonInterval(confidence: confidence)
        else {
            difference = nil
            differenceInterval = nil
            z = nil
            pValue = nil
            return
        }
        let difference = p1 - p2
        self.difference = difference
        let lowerSpread = ((p1 - interval1.lower) * (p1 - interval1.lower) + (interval2.upper - p2) * (interval2.upper - p2)).squareRoot()
        let upperSpread = ((interval1.upper - p1) * (interval1.upper - p1) + (p2 - interval2.lower) * (p2 - interval2.lower)).squareRoot()
        differenceInterval = ConfidenceInterval(lower: difference - lowerSpread, upper: difference + upperSpread, confidence: confidence)
        let pooled = Double(first.successes + second.successes) / Double(first.trials + second.trials)
        let variance = pooled * (1 - pooled) * (1 / Double(first.trials) + 1 / Double(second.trials))
        let z = variance > 0 ? difference / variance.squareRoot() : 0
        self.z = z
        pValue = NormalDistribution.twoSidedPValue(z)
    }
}
