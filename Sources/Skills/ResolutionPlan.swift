import Foundation

/// The ordered look-ups that resolve one alignment to a concept, and the choice among what they find.
///
/// The store executes the look-ups in order (identifiers first, then text from the most to the least explicit
/// source), scores text candidates with `MatchScoring`, stops when `isSettled` says nothing later can do better,
/// and records `select`'s answer: concept, rule, confidence, and whether a person should review it.
public struct ResolutionPlan: Sendable, Hashable {
    public let lookups: [PlannedLookup]

    /// Plans the look-ups for an alignment:
    /// 1. codes and URIs recognised in `targetUrl` and `targetCode` (`esco_uri`, `onet_code`, `case_item`);
    /// 2. `targetCode` within the framework `targetFramework` names (`framework_code`, 0.95; 0.95 × 0.85 without a
    ///    framework name), unless the code was already recognised as a built-in identifier;
    /// 3. `targetUrl` as an imported item's URL (`item_url`), unless it is an ESCO or O*NET link;
    /// 4. text: `targetName`, then each tag, then the achievement name (each normalised text once).
    public init(for target: AlignmentTarget) {
        var lookups: [PlannedLookup] = []
        var seen = Set<ConceptLookup>()
        func add(_ lookup: ConceptLookup, _ rules: [ResolutionRule], confidence: Double) {
            if seen.insert(lookup).inserted { lookups.append(PlannedLookup(lookup: lookup, rules: rules, confidence: confidence)) }
        }
        let framework = target.targetFramework.flatMap(Self.nonEmpty).map(FrameworkName.init)
        let url = target.targetUrl.flatMap(Self.nonEmpty)
        let code = target.targetCode.flatMap(Self.nonEmpty)
        let fromURL = url.map { ConceptCode.references(in: $0, framework: framework) } ?? []
        let fromCode = code.map { ConceptCode.references(in: $0, framework: framework) } ?? []
        for reference in fromURL + fromCode {
            let rule = Self.rule(for: reference)
            add(.reference(reference), [rule], confidence: rule.baseConfidence)
        }
        if let code, !fromCode.contains(where: { $0.framework != nil }) {
            let confidence = ResolutionRule.frameworkCode.baseConfidence * (framework == nil ? 0.85 : 1)
            add(.frameworkCode(framework: framework, code: code), [.frameworkCode], confidence: confidence)
        }
        if let url, !fromURL.contains(where: { $0.framework != nil }) {
            add(.itemURL(url), [.itemURL], confidence: ResolutionRule.itemURL.baseConfidence)
        }
        let texts = [target.targetName.map { ($0, TextSource.targetName) }].compactMap { $0 }
            + target.tags.map { ($0, TextSource.tag) }
            + [target.achievementName.map { ($0, TextSource.achievementName) }].compactMap { $0 }
        for (text, source) in texts {
            let normalized = SkillText.normalize(text)
            guard !normalized.isEmpty, !lookups.contains(where: { $0.lookup.normalizedText == normalized }) else { continue }
            add(.text(normalized, source: source), Self.textRules, confidence: ResolutionRule.textExact.baseConfidence * source.weight)
        }
        self.lookups = lookups
    }

    /// Whether the look-ups after `index` cannot beat the best confidence found so far, or it is already above the
    /// review threshold, so the store may stop.
    public func isSettled(after index: Int, bestConfidence: Double) -> Bool {
        if bestConfidence >= MatchScoring.reviewThreshold { return true }
        let remaining = lookups.dropFirst(index + 1).map(\.confidence).max() ?? 0
        return bestConfidence >= remaining
    }

    /// The concept an alignment resolves to among the candidates the look-ups found: the highest confidence, then
    /// the earlier look-up, then the smaller id. A text match with a different concept within 0.02 of it makes the
    /// result ambiguous, which, like a confidence below `MatchScoring.reviewThreshold`, needs review.
    public func select<ID: Hashable & Comparable & Sendable>(_ candidates: [ResolutionCandidate<ID>]) -> ResolvedAlignment<ID>? {
        let ordered = candidates.sorted { a, b in
            if a.confidence != b.confidence { return a.confidence > b.confidence }
            if a.lookupIndex != b.lookupIndex { return a.lookupIndex < b.lookupIndex }
            return a.concept < b.concept
        }
        guard let best = ordered.first else { return nil }
        var rivals: [ID] = []
        for candidate in ordered.dropFirst()
        where candidate.concept != best.concept && candidate.rule.isTextMatch && best.rule.isTextMatch
            && candidate.confidence >= best.confidence - Self.ambiguityMargin && !rivals.contains(candidate.concept)
        {
            rivals.append(candidate.concept)
        }
        return ResolvedAlignment(
            concept: best.concept,
            rule: best.rule,
            confidence: best.confidence,
            needsReview: best.confidence < MatchScoring.reviewThreshold || !rivals.isEmpty,
            rivals: rivals
        )
    }

    private static let ambiguityMargin = 0.02
    private static let textRules: [ResolutionRule] = [.textExact, .textAltLabel, .textFullText, .textTrigram]

    private static func rule(for reference: ConceptReference) -> ResolutionRule {
        switch reference {
        case .esco: return .escoURI
        case .onetOccupation, .onetElement, .onetCommodity, .onetTechnology: return .onetCode
        case .caseItem: return .caseItem
        }
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// One look-up of a plan: what to find, the rules a hit is recorded under, and the confidence of the best hit.
public struct PlannedLookup: Sendable, Hashable {
    public let lookup: ConceptLookup
    /// One rule for identifier look-ups; for text the four text rules, best first, of which `MatchScoring` picks one.
    public let rules: [ResolutionRule]
    /// The confidence of a hit (for text: of an exact preferred-label hit; weaker matches score lower).
    public let confidence: Double
}

/// What the store looks up.
public enum ConceptLookup: Sendable, Hashable {
    /// A seeded concept by framework and code, or an imported CASE item by identifier or URI.
    case reference(ConceptReference)
    /// An item code within a framework (`nil`: any framework; `.other(key:)`: imported frameworks whose title has
    /// that normalised key).
    case frameworkCode(framework: FrameworkName?, code: String)
    /// An imported item whose URL equals this one.
    case itemURL(String)
    /// Labels matching normalised text from `source`.
    case text(NormalizedText, source: TextSource)

    var normalizedText: NormalizedText? {
        if case .text(let text, _) = self { return text }
        return nil
    }
}

/// A concept one look-up found, with the rule and confidence it was found by.
public struct ResolutionCandidate<ID: Hashable & Comparable & Sendable>: Sendable, Hashable {
    public var concept: ID
    public var rule: ResolutionRule
    public var confidence: Double
    /// The index of the look-up in `ResolutionPlan.lookups`.
    public var lookupIndex: Int

    public init(concept: ID, rule: ResolutionRule, confidence: Double, lookupIndex: Int) {
        self.concept = concept
        self.rule = rule
        self.confidence = confidence
        self.lookupIndex = lookupIndex
    }
}

/// The outcome recorded for an alignment.
public struct ResolvedAlignment<ID: Hashable & Comparable & Sendable>: Sendable, Hashable {
    public let concept: ID
    public let rule: ResolutionRule
    public let confidence: Double
    /// Low confidence or ambiguous: kept, but shown to the issuer to confirm or correct.
    public let needsReview: Bool
    /// Other concepts that text matched about as well (the reason an otherwise confident match needs review).
    public let rivals: [ID]
}
