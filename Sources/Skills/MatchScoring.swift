/// Turns the signals the SQL layer returns for a (text, label) candidate into a rule and a confidence in 0…1.
///
/// The SQL layer finds candidates (exact key, full-text, trigram on `skill_labels.normalized`) and passes each here;
/// sorting by `confidence` ranks them. The formula:
///
/// 1. **Strength** of the label match, 0…1, and its rule:
///    - key equal to the label's key: 1, `text_exact` (preferred label or code) or `text_alt_label`;
///    - every query token in the label: `text_fulltext`, 0.8 + 0.2 × (share of label tokens the query covers),
///      so "python programming" → "Python (computer programming)" is 0.93;
///    - otherwise `text_trigram`: 0.7 × trigram similarity + 0.3 × token Dice overlap;
///    - plus 0.05 × the full-text rank when the caller has one (`ts_rank_cd(…, 32)`, already 0…1).
/// 2. **Confidence** = rule base confidence × strength × source weight (`ResolutionRule`, `TextSource`).
/// 3. **Priors**, small enough to order ties but never to lift a partial match over an exact one:
///    +0.01 preferred label (non-exact matches); reuse level transversal +0.02, cross-sector +0.01,
///    occupation-specific −0.01; technology: hot +0.02, in demand +0.01; occupation −0.02; group −0.04.
///    ESCO's skill type gets no prior: people type knowledge nouns ("project management") and competence verbs
///    ("manage projects") alike, and the label match already tells them apart.
///
/// The result is clamped to 0…1. `reviewThreshold` separates accepted from "kept but marked" alignments.
public enum MatchScoring {
    /// Alignments resolved below this confidence are kept but marked for the issuer to confirm or correct.
    public static let reviewThreshold = 0.75

    /// Scores one candidate label for a query or alignment text.
    public static func score(
        query: NormalizedText,
        label: LabelSignals,
        concept: ConceptTraits = ConceptTraits(kind: .skill),
        source: TextSource = .query
    ) -> TextMatch {
        let labelTokens = label.normalized.split(separator: " ").map(String.init)
        let (rule, strength) = ruleAndStrength(query: query, labelKey: label.normalized, labelTokens: labelTokens, label: label)
        var confidence = rule.baseConfidence * strength * source.weight
        if rule != .textExact && rule != .textAltLabel && label.kind == .preferred { confidence += 0.01 }
        confidence += prior(concept)
        return TextMatch(rule: rule, confidence: min(1, max(0, confidence)))
    }

    private static func ruleAndStrength(query: NormalizedText, labelKey: String, labelTokens: [String], label: LabelSignals) -> (ResolutionRule, Double) {
        if !query.isEmpty && labelKey == query.key {
            return (label.kind == .alternative ? .textAltLabel : .textExact, 1)
        }
        let common = sharedTokenCount(query.tokens, labelTokens)
        let fullText = 0.05 * min(1, max(0, label.fullTextRank ?? 0))
        if !query.isEmpty && common == query.tokens.count {
            let labelCoverage = labelTokens.isEmpty ? 0 : Double(common) / Double(labelTokens.count)
            return (.textFullText, min(1, 0.8 + 0.2 * labelCoverage + fullText))
        }
        let total = query.tokens.count + labelTokens.count
        let dice = total == 0 ? 0 : 2 * Double(common) / Double(total)
        let trigram = min(1, max(0, label.trigramSimilarity))
        return (.textTrigram, min(1, 0.7 * trigram + 0.3 * dice + fullText))
    }

    /// Tokens in common, counting repeats at most as often as both sides have them.
    private static func sharedTokenCount(_ a: [String], _ b: [String]) -> Int {
        var remaining: [String: Int] = [:]
        for token in b { remaining[token, default: 0] += 1 }
        var shared = 0
        for token in a where remaining[token, default: 0] > 0 {
            remaining[token, default: 0] -= 1
            shared += 1
        }
        return shared
    }

    private static func prior(_ concept: ConceptTraits) -> Double {
        var prior = 0.0
        switch concept.reuseLevel {
        case "transversal": prior += 0.02
        case "cross-sector": prior += 0.01
        case "occupation-specific": prior -= 0.01
        default: break
        }
        switch concept.kind {
        case .technology: prior += (concept.hotTechnology ? 0.02 : 0) + (concept.inDemand ? 0.01 : 0)
        case .occupation: prior -= 0.02
        case .group: prior -= 0.04
        case .skill, .knowledge, .item: break
        }
        return prior
    }
}

/// What the SQL layer knows about one candidate label.
public struct LabelSignals: Sendable, Hashable {
    /// `skill_labels.normalized` of the label.
    public var normalized: String
    public var kind: LabelKind
    /// `similarity(normalized, $query)` from pg_trgm, 0…1.
    public var trigramSimilarity: Double
    /// A full-text rank already scaled to 0…1 (for example `ts_rank_cd(…, 32)`), if the candidate came from full text.
    public var fullTextRank: Double?

    public init(normalized: String, kind: LabelKind, trigramSimilarity: Double = 0, fullTextRank: Double? = nil) {
        self.normalized = normalized
        self.kind = kind
        self.trigramSimilarity = trigramSimilarity
        self.fullTextRank = fullTextRank
    }
}

/// The kind of a stored label (`skill_labels.kind`).
public enum LabelKind: String, Sendable, Hashable, CaseIterable {
    case preferred
    case alternative
    case code
}

/// What the ranking knows about the concept a label belongs to (`skills` columns).
public struct ConceptTraits: Sendable, Hashable {
    public var kind: ConceptKind
    /// ESCO `transversal`, `cross-sector`, `sector-specific` or `occupation-specific`.
    public var reuseLevel: String?
    /// O*NET marks the technology as hot (frequently in job postings).
    public var hotTechnology: Bool
    /// O*NET marks the technology as in demand for at least one occupation.
    public var inDemand: Bool

    public init(kind: ConceptKind, reuseLevel: String? = nil, hotTechnology: Bool = false, inDemand: Bool = false) {
        self.kind = kind
        self.reuseLevel = reuseLevel
        self.hotTechnology = hotTechnology
        self.inDemand = inDemand
    }
}

/// The kind of a concept (`skills.kind`).
public enum ConceptKind: String, Sendable, Hashable, CaseIterable {
    case skill
    case knowledge
    case occupation
    case technology
    case group
    case item
}

/// A scored text match: the rule that explains it and its confidence.
public struct TextMatch: Sendable, Hashable {
    public let rule: ResolutionRule
    public let confidence: Double

    public init(rule: ResolutionRule, confidence: Double) {
        self.rule = rule
        self.confidence = confidence
    }
}
