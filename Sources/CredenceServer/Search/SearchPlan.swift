import Foundation
import Skills

/// A query term understood: the concepts it reaches and with what confidence.
public struct InterpretedTerm: Sendable, Hashable {
    public var index: Int
    public var label: String
    public var required: Bool
    public var minProficiency: Double?
    public var concepts: [ExpandedConcept]
}

/// Turns query terms into concepts: codes and concept ids resolve directly; text goes through query understanding,
/// keeping the concepts within 5% of the best, and the best match of each other framework that contains every word of
/// the term (a term can mean one thing in two frameworks: "Python" is an O*NET technology and, as "Python (computer
/// programming)", an ESCO skill); then narrower concepts and crosswalked occupations are added unless the term says not to.
public struct SearchPlanner: Sendable {
    let skills: SkillStore
    let cache: TermCache

    /// Direct matches below this confidence are not used (a weak trigram neighbour is not what was asked for).
    static let minimumConfidence = 0.55
    /// Direct matches this close to the best one are kept besides it.
    static let closeToBest = 0.95
    /// Rules under which a label holds every word of the term.
    static let containsEveryWord: Set<ResolutionRule> = [.textExact, .textAltLabel, .textFullText]
    static let maxDirect = 5
    static let maxConceptsPerTerm = 200

    public init(skills: SkillStore, cache: TermCache = TermCache()) {
        self.skills = skills
        self.cache = cache
    }

    /// The query's terms understood, concurrently (each is a look-up or two unless cached).
    public func interpret(_ query: SearchQuery) async throws -> [InterpretedTerm] {
        try await withThrowingTaskGroup(of: InterpretedTerm.self) { group in
            for (index, term) in query.skills.enumerated() {
                group.addTask {
                    let reached = try await cache.concepts(for: term) { try await self.concepts(for: term) }
                    return InterpretedTerm(index: index, label: term.label, required: term.isRequired, minProficiency: term.minProficiency, concepts: reached)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }.sorted { $0.index < $1.index }
        }
    }

    /// The direct matches worth searching for, from candidates ranked best first.
    static func keep(_ ranked: [ConceptMatch]) -> [ConceptMatch] {
        let best = ranked.first?.confidence ?? 0
        var kept = ranked.filter { $0.confidence >= minimumConfidence && $0.confidence >= best * closeToBest }
        var frameworks = Set(kept.map(\.framework))
        for match in ranked where !frameworks.contains(match.framework)
            && Self.containsEveryWord.contains(match.rule) && match.confidence >= minimumConfidence {
            kept.append(match)
            frameworks.insert(match.framework)
        }
        return kept
    }

    /// The concepts one term reaches (uncached).
    func concepts(for term: SearchQuery.Term) async throws -> [ExpandedConcept] {
        var direct: [ConceptMatch]
        if let id = term.concept {
            direct = try await skills.concept(id: id).map { [$0] } ?? []
        } else {
            direct = try await skills.concepts(for: term.text ?? term.code ?? "", limit: Self.maxDirect)
            direct = Self.keep(direct)
        }
        return term.expand ?? true
            ? try await skills.expand(direct, limit: Self.maxConceptsPerTerm)
            : direct.map { ExpandedConcept(match: $0, via: .direct, fromSkillID: $0.skillID, confidence: $0.confidence) }
    }
}
