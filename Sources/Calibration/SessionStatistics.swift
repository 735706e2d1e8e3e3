/// Everything a closed (or live) session's report shows: per-criterion statistics and the session-wide figures.
public struct SessionStatistics: Sendable, Hashable, Codable {
    public let sessionID: String
    /// Per criterion, in rubric order.
    public let criteria: [CriterionStatistics]
    /// Krippendorff's alpha (ordinal) over all criteria, units = artefact × criterion.
    public let overallAgreement: KrippendorffAlpha
    /// Its percentile bootstrap (resampling artefact × criterion units).
    public let overallAgreementBootstrap: AlphaBootstrap?
    /// Drift with one observation per artefact: its mean difference over criteria.
    public let overallDrift: Drift
    /// Artefacts meeting the hiring bar, of those with a clear majority.
    public let hiringBar: HiringBarRate
    /// Distinct reviewers who rated or answered.
    public let reviewers: Int
    /// Artefacts in the session.
    public let artefacts: Int
    /// Ratings in the session.
    public let ratings: Int

    /// Computes the statistics for a session.
    public init(session: CalibrationSession, options: StatisticsOptions = StatisticsOptions()) {
        let outcomes = session.hiringBarOutcomes()
        var units: [[Double]] = []
        var criteria: [CriterionStatistics] = []
        for criterion in session.rubric.criteria {
            let observations = session.observations(for: criterion)
            units += observations.map(\.unit)
            criteria.append(CriterionStatistics(criterion: criterion, observations: observations, outcomes: outcomes, options: options))
        }
        sessionID = session.id
        self.criteria = criteria
        overallAgreement = KrippendorffAlpha(units: units, level: .ordinal)
        overallAgreementBootstrap = options.bootstrap(units)
        overallDrift = Drift(differences: session.meanDifferencesPerArtefact(), significance: options.driftSignificance)
        hiringBar = HiringBarRate(outcomes: Array(outcomes.values), confidence: options.confidence)
        reviewers = Set(session.ratings.map(\.reviewerID) + session.verdicts.map(\.reviewerID)).count
        artefacts = session.artefacts.count
        ratings = session.ratings.count
    }

    /// The statistics of one criterion.
    public func criterion(_ id: String) -> CriterionStatistics? {
        criteria.first { $0.criterionID == id }
    }
}
