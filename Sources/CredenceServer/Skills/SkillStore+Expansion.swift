import Foundation
import PostgresNIO
import Skills

/// How a concept came to stand for a query term.
public enum ConceptVia: String, Sendable, Hashable {
    /// The term itself named or matched it.
    case direct
    /// It is narrower than a matched concept (following `broader` down).
    case narrower
    /// An occupation of the other framework, through the ESCO–O*NET crosswalk.
    case crosswalk
    /// An imported framework item its publisher mapped to a matched concept.
    case exactMatch = "exact_match"
}

/// A concept a query term reaches, directly or by expansion, with the confidence it carries.
public struct ExpandedConcept: Sendable, Hashable {
    public var match: ConceptMatch
    public var via: ConceptVia
    /// The directly matched concept it was reached from (itself when direct).
    public var fromSkillID: Int
    public var confidence: Double
}

extension SkillStore {
    /// Adds narrower concepts (up to `ConceptExpansion.maximumNarrowerDepth` levels), crosswalked occupations and
    /// mapped custom items to the direct matches; each concept keeps its best route. At most `limit` concepts.
    public func expand(_ direct: [ConceptMatch], limit: Int = 400) async throws -> [ExpandedConcept] {
        var best: [Int: ExpandedConcept] = [:]
        func offer(_ concept: ExpandedConcept) {
            if let existing = best[concept.match.skillID], existing.confidence >= concept.confidence { return }
            best[concept.match.skillID] = concept
        }
        for match in direct { offer(ExpandedConcept(match: match, via: .direct, fromSkillID: match.skillID, confidence: match.confidence)) }
        guard !direct.isEmpty else { return [] }
        let ids = direct.map(\.skillID)
        // skill_relations_to_idx: children point at their parent with `broader`; items point at concepts with `exact_match`.
        let rows = try await db.run(
            """
            WITH RECURSIVE down(root, skill_id, depth) AS (
                SELECT r.to_skill, r.from_skill, 1 FROM skill_relations r
                WHERE r.kind = 'broader' AND r.to_skill = ANY(\(ids)::integer[])
                UNION
                SELECT d.root, r.from_skill, d.depth + 1 FROM down d JOIN skill_relations r ON r.kind = 'broader' AND r.to_skill = d.skill_id
                WHERE d.depth < \(ConceptExpansion.maximumNarrowerDepth)
            ),
            reached AS (
                (SELECT root, skill_id, 'narrower' AS via, depth::float8 AS strength FROM down LIMIT \(limit * 4))
                UNION ALL
                SELECT r.from_skill, r.to_skill, 'crosswalk', coalesce(r.weight, 0.5)::float8 FROM skill_relations r
                WHERE r.kind = 'crosswalk' AND r.from_skill = ANY(\(ids)::integer[])
                UNION ALL
                SELECT r.to_skill, r.from_skill, 'exact_match', 1::float8 FROM skill_relations r
                WHERE r.kind = 'exact_match' AND r.to_skill = ANY(\(ids)::integer[])
            )
            SELECT x.root, x.skill_id, x.via, x.strength, s.framework, s.code, s.preferred_label, s.kind
            FROM reached x JOIN skills s ON s.id = x.skill_id
            """,
            logger: logger
        )
        let byID = Dictionary(direct.map { ($0.skillID, $0) }, uniquingKeysWith: { a, b in a.confidence >= b.confidence ? a : b })
        for try await (root, id, via, strength, framework, code, label, kind) in rows.decode((Int, Int, String, Double, String, String, String, String).self) {
            guard let from = byID[root] else { continue }
            let confidence: Double?
            let route: ConceptVia
            switch via {
            case "narrower":
                route = .narrower
                confidence = ConceptExpansion.narrowerConfidence(from.confidence, depth: Int(strength))
            case "crosswalk":
                route = .crosswalk
                confidence = ConceptExpansion.crosswalkConfidence(from.confidence, nestaLevel: strength)
            default:
                route = .exactMatch
                confidence = from.confidence * ConceptExpansion.exactMatch.factor
            }
            guard let confidence else { continue }
            let match = ConceptMatch(
                skillID: id, framework: framework, code: code, label: label, kind: kind, matchedLabel: from.matchedLabel, rule: from.rule,
                confidence: confidence
            )
            offer(ExpandedConcept(match: match, via: route, fromSkillID: root, confidence: confidence))
        }
        return Array(best.values.sorted { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.match.skillID < $1.match.skillID }.prefix(limit))
    }
}
