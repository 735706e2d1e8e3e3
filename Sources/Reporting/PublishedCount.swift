/// Why a count is hidden.
public enum SuppressionReason: String, Sendable, Hashable, Codable {
    /// The count itself is below the threshold.
    case primary
    /// The count is hidden so that a primary cell cannot be recomputed from the totals.
    case complementary
}

/// A count as published: its value, or the reason it is hidden.
public enum PublishedCount: Sendable, Hashable {
    /// The count is shown.
    case shown(Int)
    /// The count is hidden.
    case suppressed(SuppressionReason)

    /// The value when shown.
    public var value: Int? {
        if case .shown(let value) = self { return value }
        return nil
    }

    /// Why the count is hidden, when it is.
    public var suppressionReason: SuppressionReason? {
        if case .suppressed(let reason) = self { return reason }
        return nil
    }

    /// numerator / denominator when both are shown and the denominator is positive; a rate derived from a hidden
    /// count would let the count be recomputed from the other one, so it is hidden too.
    public static func rate(_ numerator: PublishedCount, of denominator: PublishedCount) -> Double? {
        guard let top = numerator.value, let bottom = denominator.value, bottom > 0 else { return nil }
        return Double(top) / Double(bottom)
    }
}
