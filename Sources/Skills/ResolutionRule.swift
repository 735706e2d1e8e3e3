/// How an alignment or a query term reached a concept, as recorded in `achievement_alignments` and explained in
/// search results. The raw value is the stored name.
public enum ResolutionRule: String, Sendable, Hashable, CaseIterable {
    /// `targetUrl` or `targetCode` is an ESCO URI.
    case escoURI = "esco_uri"
    /// An O*NET-SOC code, content-model element id, technology id or commodity code (also inside an O*NET OnLine link).
    case onetCode = "onet_code"
    /// A CASE `CFItem` link or identifier, matched to an item of an imported CASE framework.
    case caseItem = "case_item"
    /// `targetCode` within the framework `targetFramework` names (an imported framework's item code, an ESCO
    /// skill-group code); without a framework name the code is looked up in every framework.
    case frameworkCode = "framework_code"
    /// `targetUrl` equals the URL of an imported framework item.
    case itemURL = "item_url"
    /// The normalised text equals a concept's preferred label.
    case textExact = "text_exact"
    /// The normalised text equals one of a concept's alternative labels.
    case textAltLabel = "text_alt_label"
    /// Every token of the text occurs in the label (full-text match).
    case textFullText = "text_fulltext"
    /// Only similar: trigram similarity and partial token overlap.
    case textTrigram = "text_trigram"
    /// The issuer named the concept when reviewing the alignment (a correction, never re-resolved).
    case issuerCorrection = "issuer_correction"

    /// The confidence of a match by this rule before its strength and source are weighed (`MatchScoring`).
    ///
    /// Codes and URIs are unambiguous by construction. A framework code depends on recognising the framework's
    /// name, and a bare code may occur in more than one framework. Text is weaker than any identifier, exact labels
    /// far stronger than overlaps; trigram matches start below the review threshold.
    public var baseConfidence: Double {
        switch self {
        case .escoURI, .onetCode, .caseItem, .issuerCorrection: return 1.0
        case .frameworkCode, .itemURL: return 0.95
        case .textExact: return 0.95
        case .textAltLabel: return 0.9
        case .textFullText: return 0.75
        case .textTrigram: return 0.6
        }
    }

    /// Whether the rule matched text rather than an identifier.
    public var isTextMatch: Bool {
        switch self {
        case .textExact, .textAltLabel, .textFullText, .textTrigram: return true
        default: return false
        }
    }
}

/// Where a piece of text came from; text from weaker sources resolves with lower confidence.
public enum TextSource: String, Sendable, Hashable, CaseIterable {
    /// A search query or an autocomplete entry: the user chose these words to name a skill.
    case query
    /// The alignment's `targetName`: the issuer's name for the target.
    case targetName
    /// One of the achievement's `tag`s: usually a skill, sometimes a topic or a level.
    case tag
    /// The achievement's `name`: often a course or badge title rather than a skill.
    case achievementName

    /// The factor applied to text-match confidence.
    public var weight: Double {
        switch self {
        case .query, .targetName: return 1.0
        case .tag: return 0.9
        case .achievementName: return 0.8
        }
    }
}
