/// Why a comparison's groups are too small for its figures to be read as more than indicative.
public struct SmallSampleWarning: Sendable, Hashable, Codable {
    /// The rule that fired.
    public enum Reason: String, Sendable, Hashable, Codable {
        /// A group has fewer members than `SampleSizeRule.minimumGroupSize`.
        case groupTooSmall = "group_too_small"
        /// An expected cell count of the 2 × 2 table is below `SampleSizeRule.minimumExpectedCount`.
        case expectedCountTooSmall = "expected_count_too_small"
    }

    /// The rule that fired.
    public let reason: Reason
    /// A sentence for the report, naming the figures involved.
    public let message: String
}

/// When a two-group comparison is flagged as resting on too little data.
///
/// Defaults: every group needs at least 20 members, and for rates every expected count of the 2 × 2 table
/// (pooled rate × group size, for successes and failures) at least 5 — the usual condition for the normal
/// approximation behind the z-test (the rule of thumb after Cochran 1954). Below that the
/// estimate and interval are still shown, with the warning, because hiding them would hide the data's size too.
public struct SampleSizeRule: Sendable, Hashable, Codable {
    /// The smallest group size that raises no warning.
    public let minimumGroupSize: Int
    /// The smallest expected count of a 2 × 2 table that raises no warning.
    public let minimumExpectedCount: Double

    public init(minimumGroupSize: Int = 20, minimumExpectedCount: Double = 5) {
        self.minimumGroupSize = minimumGroupSize
        self.minimumExpectedCount = minimumExpectedCount
    }

    /// Warnings for two groups of the given sizes.
    public func warnings(groupSizes sizes: (Int, Int)) -> [SmallSampleWarning] {
        [sizes.0, sizes.1].enumerated().compactMap { index, size in
            guard size < minimumGroupSize else { return nil }
            let group = index == 0 ? "first" : "second"
            return SmallSampleWarning(
                reason: .groupTooSmall,
                message: "The \(group) group has \(size) members; comparisons need at least \(minimumGroupSize)."
            )
        }
    }

    /// Warnings for a comparison of two proportions: group sizes, then expected counts under the pooled rate.
    public func warnings(_ first: Proportion, _ second: Proportion) -> [SmallSampleWarning] {
        var warnings = warnings(groupSizes: (first.trials, second.trials))
        let trials = first.trials + second.trials
        guard trials > 0 else { return warnings }
        let pooled = Double(first.successes + second.successes) / Double(trials)
        let expected = [first.trials, second.trials].flatMap { [Double($0) * pooled, Double($0) * (1 - pooled)] }
        if let smallest = expected.min(), smallest < minimumExpectedCount {
            warnings.append(
                SmallSampleWarning(
                    reason: .expectedCountTooSmall,
                    message: "The smallest expected count is \(NumberText.decimal(smallest, places: 1)); "
                        + "the normal approximation needs at least \(NumberText.decimal(minimumExpectedCount, places: 0))."
                )
            )
        }
        return warnings
    }
}
