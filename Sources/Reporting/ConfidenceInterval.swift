/// A two-sided confidence interval around an estimate.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// The lower bound.
    public let lower: Double
    /// The upper bound.
    public let upper: Double
    /// The nominal coverage, e.g. 0.95.
    public let confidence: Double

    public init(lower: Double, upper: Double, confidence: Double) {
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
    }

    /// Whether `value` lies inside the interval, bounds included.
    public func contains(_ value: Double) -> Bool {
        lower <= value && value <= upper
    }
}
