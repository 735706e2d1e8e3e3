/// Settings for calibration statistics; the defaults are what sessions and summaries use.
public struct StatisticsOptions: Sendable, Hashable, Codable {
    /// Bootstrap replicates for alpha's interval; 0 skips the bootstrap.
    public var bootstrapReplicates: Int
    /// Seed of the bootstrap's generator, so a session's interval is the same every time it is computed.
    public var seed: UInt64
    /// Coverage of every interval.
    public var confidence: Double
    /// Significance level at which drift counts as systematic.
    public var driftSignificance: Double

    public init(bootstrapReplicates: Int = 1000, seed: UInt64 = 1, confidence: Double = 0.95, driftSignificance: Double = 0.05) {
        self.bootstrapReplicates = bootstrapReplicates
        self.seed = seed
        self.confidence = confidence
        self.driftSignificance = driftSignificance
    }

    /// The ordinal alpha bootstrap these options ask for; nil when they skip it.
    func bootstrap(_ units: [[Double]]) -> AlphaBootstrap? {
        guard bootstrapReplicates > 0 else { return nil }
        return AlphaBootstrap(units: units, level: .ordinal, replicates: bootstrapReplicates, confidence: confidence, seed: seed)
    }
}
