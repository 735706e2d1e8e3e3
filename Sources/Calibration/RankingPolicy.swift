/// How a calibration summary nudges search ranking: a multiplier in the narrow band 1 ± `band` (default 0.9…1.1),
/// exactly 1 when there is too little evidence.
///
/// multiplier = 1 + band × sampleWeight × reliabilityWeight × signal, where
/// - **signal** ∈ [−1, 1] = ½ (2h − 1) + ½ clamp(d, −1, 1): h is the hiring-bar rate (an achievement whose evidence
///   employers would hire on gains, one whose evidence they would not loses; no verdicts counts as h = ½), and d the
///   mean drift in levels when it is systematic (reviewers rating above the issuer means the badge understates its
///   holders; below, overstates), else 0;
/// - **sampleWeight**: the multiplier is exactly 1 below `minimumArtefacts` (10); from there the weight is
///   artefacts / `fullWeightArtefacts` (40), capped at 1 (0.25 at 10 artefacts, 1 from 40);
/// - **reliabilityWeight** = clamp((α − `agreementFloor`) / (`agreementFull` − `agreementFloor`), 0, 1) with the pooled
///   ordinal alpha: reviewers who cannot agree (α ≤ 0.4) move nothing, reliable ones (α ≥ 0.8, Krippendorff's
///   threshold) count fully; undefined alpha counts 0.
///
/// The band is narrow on purpose: calibration is a few dozen artefacts judged by a few employers, a correction to
/// the match and proficiency signals, never a substitute for them.
public struct RankingPolicy: Sendable, Hashable, Codable {
    public var band: Double
    public var minimumArtefacts: Int
    public var fullWeightArtefacts: Int
    public var agreementFloor: Double
    public var agreementFull: Double

    public init(
        band: Double = 0.1,
        minimumArtefacts: Int = 10,
        fullWeightArtefacts: Int = 40,
        agreementFloor: Double = 0.4,
        agreementFull: Double = 0.8
    ) {
        self.band = band
        self.minimumArtefacts = minimumArtefacts
        self.fullWeightArtefacts = fullWeightArtefacts
        self.agreementFloor = agreementFloor
        self.agreementFull = agreementFull
    }

    /// The multiplier for a summary; 1 when there is no summary.
    public func multiplier(for summary: CalibrationSummary?) -> Double {
        guard let summary, summary.artefacts >= minimumArtefacts, let alpha = summary.agreement.alpha else { return 1 }
        let sampleWeight = min(1, Double(summary.artefacts) / Double(max(1, fullWeightArtefacts)))
        let reliabilityWeight = min(1, max(0, (alpha - agreementFloor) / max(1e-9, agreementFull - agreementFloor)))
        let barSignal = (summary.hiringBar.rate ?? 0.5) * 2 - 1
        let driftSignal = summary.drift.direction == .none ? 0 : min(1, max(-1, summary.drift.meanDifference ?? 0))
        let signal = 0.5 * barSignal + 0.5 * driftSignal
        return 1 + band * sampleWeight * reliabilityWeight * signal
    }
}
