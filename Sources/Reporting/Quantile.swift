/// Sample quantiles.
public enum Quantile {
    /// The p-quantile of values already sorted ascending, interpolating linearly between order statistics
    /// (Hyndman & Fan type 7, numpy's and R's default); nil for an empty sample.
    public static func linear(sorted values: [Double], _ p: Double) -> Double? {
        guard let first = values.first else { return nil }
        guard values.count > 1 else { return first }
        let position = Double(values.count - 1) * min(1, max(0, p))
        let below = Int(position.rounded(.down))
        let above = min(values.count - 1, below + 1)
        let fraction = position - Double(below)
        return values[below] + fraction * (values[above] - values[below])
    }

    /// The median of unsorted values; nil for an empty sample.
    public static func median(_ values: [Double]) -> Double? {
        linear(sorted: values.sorted(), 0.5)
    }

    /// The percentile interval of bootstrap replicates: the (1 − confidence)/2 and (1 + confidence)/2 quantiles.
    public static func percentileInterval(replicates: [Double], confidence: Double) -> ConfidenceInterval? {
        let sorted = replicates.sorted()
        guard let lower = linear(sorted: sorted, (1 - confidence) / 2),
            let upper = linear(sorted: sorted, (1 + confidence) / 2)
        else { return nil }
        return ConfidenceInterval(lower: lower, upper: upper, confidence: confidence)
    }
}
