/// The Hodges–Lehmann estimate of the shift between two samples, with its distribution-free confidence interval.
///
/// The estimate is the median of all m·n differences xᵢ − yⱼ (found by selection, never by listing them, see
/// `PairwiseDifferences`). The interval (Moses 1953; Hollander & Wolfe, *Nonparametric Statistical Methods*) runs
/// from the k-th smallest to the k-th largest difference, where k is the largest integer with
/// P(U ≤ k − 1) ≤ (1 − confidence) / 2 under the null distribution of the Mann–Whitney U: exact when there are no
/// ties and m·n ≤ 10 000, otherwise from the normal approximation k = ⌊m·n/2 + ½ − z·σ⌋ with the tie-corrected σ.
/// In the exact case this is the construction of R's `wilcox.test(x, y, conf.int = TRUE)`, except that where no k
/// reaches the confidence R widens to the extreme differences and this returns no interval.
public struct HodgesLehmannEstimate: Sendable, Hashable, Codable {
    /// Median of the pairwise differences first − second.
    public let shift: Double
    /// The interval, or nil when the samples are too small to reach the requested confidence at all.
    public let interval: ConfidenceInterval?
    /// Whether k came from the exact distribution.
    public let isExact: Bool

    /// The estimate for first − second; nil when either sample is empty. Non-finite values are ignored.
    public init?(_ first: [Double], _ second: [Double], confidence: Double = 0.95) {
        let first = first.filter(\.isFinite)
        let second = second.filter(\.isFinite)
        guard let differences = PairwiseDifferences(first, second) else { return nil }
        let m = first.count
        let n = second.count
        let count = differences.count
        shift = differences.median
        let tail = (1 - confidence) / 2
        let ranks = Ranks(first + second)
        let k: Int
        if !ranks.hasTies, m * n <= 10_000, let distribution = MannWhitneyDistribution(m, n) {
            isExact = true
            var cumulative = 0.0
            var largest = 0
            for (u, probability) in distribution.probabilities.enumerated() {
                cumulative += probability
                // P(U ≤ u) ≤ tail means k = u + 1 still qualifies; the relative slack absorbs rounding in the sum.
                guard cumulative <= tail * (1 + 1e-9) else { break }
                largest = u + 1
            }
            k = largest
        } else {
            isExact = false
            let mn = Double(count)
            let total = Double(m + n)
            let variance = mn / 12 * ((total + 1) - ranks.tieTerm / (total * (total - 1)))
            let z = NormalDistribution.quantile(1 - tail)
            k = Int((mn / 2 + 0.5 - z * variance.squareRoot()).rounded(.down))
        }
        interval =
            k >= 1 && k <= count - k + 1
            ? ConfidenceInterval(lower: differences.orderStatistic(k), upper: differences.orderStatistic(count - k + 1), confidence: confidence)
            : nil
    }
}
