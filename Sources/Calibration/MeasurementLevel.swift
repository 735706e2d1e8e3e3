/// The level of measurement of reliability data, which fixes Krippendorff's difference function δ².
public enum MeasurementLevel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Categories without order: δ² = 0 when equal, else 1.
    case nominal
    /// Ranked categories: δ² grows with how many values lie between two ranks (rubric levels).
    case ordinal
    /// Equal intervals: δ² = (c − k)².
    case interval
    /// Equal intervals with a true zero: δ² = ((c − k)/(c + k))².
    case ratio
}
