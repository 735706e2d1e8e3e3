/// Agreement, issuer–reviewer kappa, drift and hiring-bar rates for one criterion of a session.
public struct CriterionStatistics: Sendable, Hashable, Codable {
    public let criterionID: String
    /// Krippendorff's alpha (ordinal) among reviewers, units = artefacts.
    public let agreement: KrippendorffAlpha
    /// Its percentile bootstrap; nil when the options skip it.
    public let agreementBootstrap: AlphaBootstrap?
    /// Quadratic-weighted kappa between the issuer's level and the reviewers' (lower) median level, over artefacts
    /// with both.
    public let issuerKappa: CohenKappa
    /// Reviewers' median minus the issuer's level, per artefact.
    public let drift: Drift
    /// Hiring-bar outcomes per issuer-assigned level, lowest level first (every level of the criterion).
    public let hiringBar: [LevelHiringBar]
    /// Artefacts with at least one rating on this criterion.
    public let ratedArtefacts: Int
    /// Ratings on this criterion.
    public let ratings: Int

    init(criterion: RubricCriterion, observations: [CriterionObservation], outcomes: [String: HiringBarOutcome], options: StatisticsOptions) {
        criterionID = criterion.id
        let units = observations.map(\.unit)
        agreement = KrippendorffAlpha(units: units, level: .ordinal)
        agreementBootstrap = options.bootstrap(units)
        let pairs = observations.compactMap { observation in
            observation.issuerPosition.flatMap { issuer in observation.lowerMedian.map { (issuer, $0) } }
        }
        issuerKappa = CohenKappa(pairs: pairs, categories: criterion.levels.count, weighting: .quadratic, confidence: options.confidence)
        drift = Drift(differences: observations.compactMap(\.difference), significance: options.driftSignificance)
        hiringBar = criterion.levels.enumerated().map { position, level in
            let atLevel = observations.filter { $0.issuerPosition == position }.compactMap { outcomes[$0.artefactID] }
            return LevelHiringBar(levelID: level.id, position: position, bar: HiringBarRate(outcomes: atLevel, confidence: options.confidence))
        }
        ratedArtefacts = observations.filter { !$0.ratings.isEmpty }.count
        ratings = observations.reduce(0) { $0 + $1.ratings.count }
    }
}
