/// When the revision rules propose a change. Defaults, and why:
///
/// - **Clarify descriptors** when a criterion's ordinal alpha is below `minimumAgreement` (0.667: Krippendorff's
///   floor for drawing even tentative conclusions) with at least `minimumPairableValues` (20) pairable ratings, so a
///   few odd ratings cannot trigger a rewrite.
/// - **Recalibrate** when the sign test of reviewers' median against the issuer's level gives p < `driftSignificance`
///   (0.05) and the mean difference is at least `minimumDrift` (half a level) either way: significant and large
///   enough to matter.
/// - **Merge** two adjacent levels when both have at least `minimumArtefactsPerLevel` (10) artefacts with a
///   hiring-bar outcome and their bar rates differ by at most `mergeMargin` (10 points); or when both have at least
///   `mergeTestMinimumPerLevel` (50) and Fisher's exact test finds no difference (p ≥ `mergeSignificance`, 0.05) —
///   with that much data a real difference of about 20 points would show.
/// - **Split** a level when at least `minimumArtefactsPerLevel` artefacts sit at it and the interquartile range of
///   their reviewers' medians is at least `splitSpread` (1.5 levels): reviewers see work of clearly different
///   standard under one level.
public struct ProposalThresholds: Sendable, Hashable, Codable {
    public var minimumAgreement: Double
    public var minimumPairableValues: Int
    public var driftSignificance: Double
    public var minimumDrift: Double
    public var minimumArtefactsPerLevel: Int
    public var mergeMargin: Double
    public var mergeTestMinimumPerLevel: Int
    public var mergeSignificance: Double
    public var splitSpread: Double

    public init(
        minimumAgreement: Double = 0.667,
        minimumPairableValues: Int = 20,
        driftSignificance: Double = 0.05,
        minimumDrift: Double = 0.5,
        minimumArtefactsPerLevel: Int = 10,
        mergeMargin: Double = 0.10,
        mergeTestMinimumPerLevel: Int = 50,
        mergeSignificance: Double = 0.05,
        splitSpread: Double = 1.5
    ) {
        self.minimumAgreement = minimumAgreement
        self.minimumPairableValues = minimumPairableValues
        self.driftSignificance = driftSignificance
        self.minimumDrift = minimumDrift
        self.minimumArtefactsPerLevel = minimumArtefactsPerLevel
        self.mergeMargin = mergeMargin
        self.mergeTestMinimumPerLevel = mergeTestMinimumPerLevel
        self.mergeSignificance = mergeSignificance
        self.splitSpread = splitSpread
    }
}
