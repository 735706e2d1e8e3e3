/// How Cohen's kappa credits disagreements between ordered categories.
public enum KappaWeighting: Sendable, Hashable, Codable {
    /// Only exact agreement counts (Cohen 1960).
    case unweighted
    /// Agreement weight 1 − |i − j|/(k − 1) ("equal spacing").
    case linear
    /// Agreement weight 1 − (i − j)²/(k − 1)² (Fleiss & Cohen 1973); equivalent to an ICC for ordinal scales.
    case quadratic
    /// Cohen's (1968) disagreement weights v_ij (0 on the diagonal), converted to agreement weights 1 − v_ij/max v.
    case disagreement([[Double]])

    /// The k × k agreement-weight matrix, 1 on the diagonal; nil when a custom matrix has the wrong shape or no
    /// positive weight.
    func agreementWeights(categories k: Int) -> [[Double]]? {
        switch self {
        case .unweighted:
            return (0..<k).map { i in (0..<k).map { j in i == j ? 1 : 0 } }
        case .linear:
            let span = Double(max(1, k - 1))
            return (0..<k).map { i in (0..<k).map { j in 1 - Double(abs(i - j)) / span } }
        case .quadratic:
            let span = Double(max(1, k - 1))
            return (0..<k).map { i in (0..<k).map { j in 1 - Double((i - j) * (i - j)) / (span * span) } }
        case .disagreement(let v):
            guard v.count == k, v.allSatisfy({ $0.count == k }), let largest = v.joined().max(), largest > 0 else { return nil }
            return v.map { row in row.map { 1 - $0 / largest } }
        }
    }
}
