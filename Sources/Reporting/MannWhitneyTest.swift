/// The Mann–Whitney U test (Wilcoxon rank-sum) comparing two independent samples, two-sided.
///
/// `u` is U for the first sample: the number of (x, y) pairs with x > y, ties counting ½
/// (`scipy.stats.mannwhitneyu(x, y).statistic`). The p-value is exact when there are no ties and one sample has at
/// most 8 values, otherwise from the normal approximation with the tie-corrected variance and a continuity
/// correction of ½ — the same choice and formulas as scipy's `method="auto"`, so figures can be checked there.
public struct MannWhitneyTest: Sendable, Hashable, Codable {
    /// How the p-value was obtained.
    public enum Method: String, Sendable, Hashable, Codable {
        /// From the exact permutation distribution of U.
        case exact
        /// From the normal approximation (tie-corrected, continuity-corrected).
        case normalApproximation = "normal_approximation"
    }

    /// Sizes of the two samples.
    public let sizes: [Int]
    /// U for the first sample.
    public let u: Double
    /// U / (m·n): the chance that a random value from the first sample exceeds one from the second, ties counting ½.
    public let probabilityOfSuperiority: Double
    /// The standardised statistic (normal approximation only; uses the larger U, so it is never negative).
    public let z: Double?
    /// Two-sided p-value.
    public let pValue: Double
    /// How `pValue` was obtained.
    public let method: Method
    /// Samples too small for the figures to be more than indicative.
    public let warnings: [SmallSampleWarning]

    /// Tests two samples; nil when either is empty. Non-finite values are ignored.
    public init?(_ first: [Double], _ second: [Double], rule: SampleSizeRule = SampleSizeRule()) {
        let first = first.filter(\.isFinite)
        let second = second.filter(\.isFinite)
        let m = first.count
        let n = second.count
        guard m > 0, n > 0 else { return nil }
        let ranks = Ranks(first + second)
        let rankSum = ranks.ranks.prefix(m).reduce(0, +)
        let u1 = rankSum - Double(m * (m + 1)) / 2
        let mn = Double(m * n)
        let larger = max(u1, mn - u1)
        sizes = [m, n]
        u = u1
        probabilityOfSuperiority = u1 / mn
        warnings = rule.warnings(groupSizes: (m, n))
        if !ranks.hasTies, min(m, n) <= 8, let distribution = MannWhitneyDistribution(m, n) {
            method = .exact
            z = nil
            // U is an integer without ties; the lower tail is the precise one (see MannWhitneyDistribution).
            pValue = min(1, 2 * distribution.cdf(Int((mn - larger).rounded())))
        } else {
            method = .normalApproximation
            let total = Double(m + n)
            let variance = mn / 12 * ((total + 1) - ranks.tieTerm / (total * (total - 1)))
            // All values tied: no variance, and no evidence of a difference.
            let z = variance > 0 ? (larger - mn / 2 - 0.5) / variance.squareRoot() : 0
            self.z = z
            pValue = variance > 0 ? min(1, 2 * NormalDistribution.survival(z)) : 1
        }
    }
}
