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
/// keeping the concepts within 5% of the best (a term can mean two concepts, as "Python" is both an ESCO skill and an
/// O*NET technology); then narrower concepts and crosswalked occupations are added unless the term says not to.
public struct SearchPlanner: Sendable {
    let skills: SkillStore
    let cache: TermCache

    /// Direct matches below this confidence are not used (a weak trigram neighbour is not what was asked for).
    static let minimumConfidence = 0.55
    /// Direct matches this close to the best one are kept besides it.
    static let closeToBest = 0.95
    static let maxDirect = 5
    static let maxConceptsPerTerm = 200

    public init(skills: SkillStore, cache: TermCache = TermCache()) {
        self.skills = skills
        self.cache = cache
    }

    public func interpret(_ query: SearchQuery) async throws -> [InterpretedTerm] {
        var terms: [InterpretedTerm] = []
        for (index, term) in query.skills.enumerated() {
            let reached = try await cache.concepts(for: term) { try await self.concepts(for: term) }
            terms.append(InterpretedTerm(index: index, label: term.label, required: term.isRequired, minProficiency: term.minProficiency, concepts: reached))
        }
        return terms
    }

    /// The concepts one term reaches (uncached).
    func concepts(for term: SearchQuery.Term) async throws -> [ExpandedConcept] {
        var direct: [ConceptMatch]
        if let id = term.concept {
            direct = try await skills.concept(id: id).map { [$0] } ?? []
        } else {
            direct = try await skills.concepts(for: term.text ?? term.code ?? "", limit: Self.maxDirect)
            let best = direct.first?.confidence ?? 0
            direct = direct.filter { $0.confidence >= Self.minimumConfidence && $0.confidence >= best * Self.closeToBest }
        }
        return term.expand ?? true
            ? try await skills.expand(direct, limit: Self.maxConceptsPerTerm)
            : direct.map { ExpandedConcept(match: $0, via: .direct, fromSkillID: $0.skillID, confidence: $0.confidence) }
    }
}
