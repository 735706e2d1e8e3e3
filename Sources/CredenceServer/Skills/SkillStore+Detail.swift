import Foundation
import PostgresNIO

/// A concept in a list: enough to show and link it.
public struct ConceptSummary: Sendable, Hashable {
    public var id: Int
    public var framework: String
    public var code: String
    public var label: String
    public var kind: String
    /// The relation's kind and weight where the list comes from a relation (essential/optional/rated, importance).
    public var relation: String?
    public var weight: Double?
}

/// Everything known about one concept.
public struct ConceptDetail: Sendable {
    public var concept: ConceptSummary
    public var description: String?
    public var skillType: String?
    public var reuseLevel: String?
    public var hotTechnology: Bool
    public var url: String?
    public var labels: [(label: String, kind: String)]
    public var broader: [ConceptSummary]
    public var narrower: [ConceptSummary]
    public var narrowerCount: Int
    public var related: [ConceptSummary]
    public var occupations: [ConceptSummary]
    public var occupationCount: Int
    public var crosswalk: [ConceptSummary]
    /// Earners who share their badges (consented) and hold a verified, current badge aligned to this concept.
    public var discoverableEarners: Int
}

extension SkillStore {
    /// The concept with this numeric id, or with this code (an ESCO URI, O*NET code or `tech:` code).
    public func detail(_ reference: String) async throws -> ConceptDetail? {
        let numericID = Int(reference)
        let rows = try await db.run(
            """
            SELECT id, framework, code, preferred_label, kind, description, skill_type, reuse_level, hot_technology, url FROM skills
            WHERE (\(numericID)::integer IS NOT NULL AND id = \(numericID)) OR (\(numericID)::integer IS NULL AND code = \(reference))
            ORDER BY id LIMIT 1
            """,
            logger: logger
        )
        var found: ConceptDetail?
        for try await (id, framework, code, label, kind, description, skillType, reuse, hot, url) in rows.decode(
            (Int, String, String, String, String, String?, String?, String?, Bool, String?).self
        ) {
            found = ConceptDetail(
                concept: ConceptSummary(id: id, framework: framework, code: code, label: label, kind: kind), description: description,
                skillType: skillType, reuseLevel: reuse, hotTechnology: hot, url: url, labels: [], broader: [], narrower: [], narrowerCount: 0,
                related: [], occupations: [], occupationCount: 0, crosswalk: [], discoverableEarners: 0
            )
        }
        guard var detail = found else { return nil }
        let id = detail.concept.id
        let labels = try await db.run(
            "SELECT label, kind FROM skill_labels WHERE skill_id = \(id) ORDER BY kind = 'preferred' DESC, label LIMIT 200",
            logger: logger
        )
        for try await (label, kind) in labels.decode((String, String).self) { detail.labels.append((label, kind)) }
        detail.broader = try await related(
            "SELECT s.id, s.framework, s.code, s.preferred_label, s.kind, r.kind, r.weight::float8 FROM skill_relations r JOIN skills s ON s.id = r.to_skill WHERE r.from_skill = \(id) AND r.kind = 'broader' ORDER BY s.preferred_label"
        )
        detail.narrower = try await related(
            "SELECT s.id, s.framework, s.code, s.preferred_label, s.kind, r.kind, r.weight::float8 FROM skill_relations r JOIN skills s ON s.id = r.from_skill WHERE r.to_skill = \(id) AND r.kind = 'broader' ORDER BY s.preferred_label LIMIT 100"
        )
        detail.related = try await related(
            "SELECT s.id, s.framework, s.code, s.preferred_label, s.kind, r.kind, r.weight::float8 FROM skill_relations r JOIN skills s ON s.id = r.to_skill WHERE r.from_skill = \(id) AND r.kind = 'related' ORDER BY r.weight DESC NULLS LAST, s.preferred_label LIMIT 50"
        )
        detail.occupations = try await related(
            """
            SELECT s.id, s.framework, s.code, s.preferred_label, s.kind, r.kind, r.weight::float8 FROM skill_relations r
            JOIN skills s ON s.id = r.from_skill
            WHERE r.to_skill = \(id) AND r.kind IN ('essential', 'optional', 'rated', 'technology')
            ORDER BY r.kind = 'essential' DESC, r.weight DESC NULLS LAST, s.preferred_label LIMIT 50
            """
        )
        detail.crosswalk = try await related(
            "SELECT s.id, s.framework, s.code, s.preferred_label, s.kind, r.kind, r.weight::float8 FROM skill_relations r JOIN skills s ON s.id = r.to_skill WHERE r.from_skill = \(id) AND r.kind = 'crosswalk' ORDER BY r.weight DESC"
        )
        let counts = try await db.run(
            """
            SELECT (SELECT count(*) FROM skill_relations WHERE to_skill = \(id) AND kind = 'broader')::int,
                   (SELECT count(*) FROM skill_relations WHERE to_skill = \(id) AND kind IN ('essential', 'optional', 'rated', 'technology'))::int,
                   (SELECT count(DISTINCT c.earner_id) FROM achievement_alignments al
                    JOIN credentials c ON c.achievement_id = al.achievement_id
                    JOIN earners e ON e.id = c.earner_id
                    WHERE al.skill_id = \(id) AND al.review <> 'rejected' AND e.discoverable AND c.verification = 'verified'
                      AND c.superseded_by IS NULL AND (c.valid_until IS NULL OR c.valid_until > now()))::int
            """,
            logger: logger
        )
        for try await (narrower, occupations, earners) in counts.decode((Int, Int, Int).self) {
            detail.narrowerCount = narrower
            detail.occupationCount = occupations
            detail.discoverableEarners = earners
        }
        return detail
    }

    private func related(_ query: PostgresQuery) async throws -> [ConceptSummary] {
        var result: [ConceptSummary] = []
        for try await (id, framework, code, label, kind, relation, weight) in try await db.run(query, logger: logger).decode(
            (Int, String, String, String, String, String, Double?).self
        ) {
            result.append(ConceptSummary(id: id, framework: framework, code: code, label: label, kind: kind, relation: relation, weight: weight))
        }
        return result
    }
}
