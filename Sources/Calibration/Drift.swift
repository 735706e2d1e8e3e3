import Reporting

/// Whether reviewers rate consistently above or below the issuer: the mean of (reviewers' median − issuer level)
/// over artefacts, and an exact two-sided sign test of "above and below are equally likely", ties dropped.
public struct Drift: Sendable, Hashable, Codable {
    /// Which way reviewers lean.
    public enum Direction: String, Sendable, Hashable, Codable {
        /// Reviewers rate higher than the issuer: the issuer's levels understate the work.
        case reviewersHigher = "reviewers_higher"
        /// Reviewers rate lower: the issuer's levels overstate the work.
        case reviewersLower = "reviewers_lower"
        /// No systematic lean (sign test not significant, or no differences).
        case none
    }

    /// Artefacts compared.
    public let artefacts: Int
    /// Mean difference in levels (positive: reviewers higher); nil without artefacts.
    public let meanDifference: Double?
    /// Artefacts rated above the issuer's level.
    public let higher: Int
    /// Artefacts rated below it.
    public let lower: Int
    /// Artefacts rated at it (dropped from the sign test).
    public let ties: Int
    /// Exact two-sided binomial p-value of `higher` out of `higher + lower` at ½; 1 without untied artefacts.
    public let signTestPValue: Double
    /// The sign of the mean when the sign test is significant at `significance`, else `.none`.
    public let direction: Direction

    /// Drift over differences (reviewers' median − issuer level), one per artefact.
    public init(differences: [Double], significance: Double = 0.05) {
        artefacts = differences.count
        meanDifference = differences.isEmpty ? nil : differences.reduce(0, +) / Double(differences.count)
        higher = differences.filter { $0 > 0 }.count
        lower = differences.filter { $0 < 0 }.count
        ties = differences.count - higher - lower
        signTestPValue = BinomialDistribution.twoSidedPValue(successes: higher, trials: higher + lower)
        if signTestPValue < significance, let mean = meanDifference, mean != 0 {
            direction = mean > 0 ? .reviewersHigher : .reviewersLower
        } else {
            direction = .none
        }
    }
}
