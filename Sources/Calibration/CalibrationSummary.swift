public import Reporting

/// An achievement's calibration in a few figures, pooled over its sessions, for search ranking and the
/// alignment reports.
///
/// Pooling: alpha (ordinal) over every artefact × criterion unit of every session (units need not share
/// reviewers); drift with one observation per artefact per session (its mean difference over criteria); the
/// hiring-bar rate over artefacts with a clear majority. Sessions under different rubric versions pool by level
/// position, which is what ordinal statistics use.
public struct CalibrationSummary: Sendable, Hashable, Codable {
    public let agreement: KrippendorffAlpha
    /// Percentile bootstrap interval of `agreement`; nil when the options skip the bootstrap.
    public let agreementInterval: ConfidenceInterval?
    public let drift: Drift
    public let hiringBar: HiringBarRate
    public let sessions: Int
    public let artefacts: Int
    public let ratings: Int
    public let reviewers: Int

    /// The summary of an achievement's sessions (any state; the service decides which to include). Pass them in a
    /// stable order, e.g. by creation: the bootstrap resamples units in input order.
    public init(sessions: [CalibrationSession], options: StatisticsOptions = StatisticsOptions()) {
        var units: [[Double]] = []
        var differences: [Double] = []
        var outcomes: [HiringBarOutcome] = []
        var reviewers = Set<String>()
        for session in sessions {
            for criterion in session.rubric.criteria {
                units += session.observations(for: criterion).map(\.unit)
            }
            differences += session.meanDifferencesPerArtefact()
            outcomes += session.hiringBarOutcomes().values
            reviewers.formUnion(session.ratings.map(\.reviewerID) + session.verdicts.map(\.reviewerID))
        }
        agreement = KrippendorffAlpha(units: units, level: .ordinal)
        agreementInterval = options.bootstrap(units)?.interval
        drift = Drift(differences: differences, significance: options.driftSignificance)
        hiringBar = HiringBarRate(outcomes: outcomes, confidence: options.confidence)
        self.sessions = sessions.count
        artefacts = sessions.reduce(0) { $0 + $1.artefacts.count }
        ratings = sessions.reduce(0) { $0 + $1.ratings.count }
        self.reviewers = reviewers.count
    }

    /// The factor search ranking multiplies an achievement's match score by (`RankingPolicy` documents it).
    public func rankingMultiplier(policy: RankingPolicy = RankingPolicy()) -> Double {
        policy.multiplier(for: self)
    }
}
