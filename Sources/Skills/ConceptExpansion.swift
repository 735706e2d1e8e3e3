/// How far a match carries when search expands a concept to related ones, as a factor on the match's confidence.
///
/// A badge aligned to a narrower concept shows the broader skill (a "Tableau" badge answers "data visualization"
/// when the hierarchy says so), a little less surely at each level; an equivalent occupation in the other framework
/// carries as far as the crosswalk is trusted; a custom item mapped to a concept by its publisher carries almost fully.
public enum ConceptExpansion: String, Sendable, Hashable, CaseIterable {
    /// A narrower concept (`broader` relations followed downwards).
    case narrower
    /// An occupation of the other framework, through the ESCO–O*NET crosswalk.
    case crosswalk
    /// An imported item mapped to the concept (`exact_match`: CSV `maps_to`, CASE `exactMatchOf`).
    case exactMatch = "exact_match"

    /// Narrower concepts further down than this are not expanded: below that, ESCO groups reach thousands of skills.
    public static let maximumNarrowerDepth = 3

    /// The factor for one step of this expansion.
    public var factor: Double {
        switch self {
        case .narrower: return 0.9
        case .crosswalk: return 0.8
        case .exactMatch: return 0.95
        }
    }

    /// The confidence after expanding `depth` levels down the hierarchy (`depth` ≥ 1), or `nil` beyond
    /// `maximumNarrowerDepth`.
    public static func narrowerConfidence(_ confidence: Double, depth: Int) -> Double? {
        guard (1...maximumNarrowerDepth).contains(depth) else { return nil }
        var result = confidence
        for _ in 0..<depth { result *= ConceptExpansion.narrower.factor }
        return result
    }

    /// The confidence after following a crosswalk row, from Nesta's confidence level (2 highest, 1, 0.5): 0.9, 0.8,
    /// 0.6 of the original. Other levels count as the lowest.
    public static func crosswalkConfidence(_ confidence: Double, nestaLevel: Double) -> Double {
        let trust: Double
        switch nestaLevel {
        case 2...: trust = 0.9
        case 1..<2: trust = ConceptExpansion.crosswalk.factor
        default: trust = 0.6
        }
        return confidence * trust
    }
}
