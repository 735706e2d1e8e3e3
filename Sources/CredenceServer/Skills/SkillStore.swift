import Foundation
public import Logging
import PostgresNIO
public import Skills

/// A concept found for some text, with how it was found.
public struct ConceptMatch: Sendable, Hashable {
    public var skillID: Int
    public var framework: String
    public var code: String
    public var label: String
    public var kind: String
    public var matchedLabel: String
    public var rule: ResolutionRule
    public var confidence: Double
}

/// The skill vocabulary in PostgreSQL: text and codes to concepts (query understanding and alignment resolution),
/// and autocomplete. Scoring is the Skills library's; this type only finds candidates.
public struct SkillStore: Sendable {
    let db: any SQLRunner
    let logger: Logger

    /// On the pool, or on one connection when part of a larger transaction.
    public init(_ db: any SQLRunner, logger: Logger) {
        self.db = db
        self.logger = logger
    }

    /// Concepts for what a recruiter typed: a code or URI resolves directly; text ranks labels by `MatchScoring`.
    public func concepts(for text: String, framework: String? = nil, source: TextSource = .query, limit: Int = 10) async throws -> [ConceptMatch] {
        let references = ConceptCode.references(in: text)
        if !references.isEmpty {
            let exact = try await concepts(referencedBy: references)
            if !exact.isEmpty { return Array(exact.filter { framework == nil || $0.framework == framework }.prefix(limit)) }
        }
        let normalized = SkillText.normalize(text)
        guard !normalized.isEmpty else { return [] }
        let candidates = try await textCandidates(normalized, framework: framework)
        return Self.rank(candidates, query: normalized, source: source, limit: limit)
    }

    /// Suggestions as a recruiter types: labels starting with the typed text, or whose words do (the last one partly typed).
    public func autocomplete(_ text: String, framework: String?, limit: Int) async throws -> [ConceptMatch] {
        let prefix = SkillText.autocompletePrefix(text)
        guard !prefix.isEmpty else { return [] }
        let words = prefix.split(separator: " ").map(String.init)
        let tsquery = words.enumerated().map { index, word in
            let escaped = word.filter { $0.isLetter || $0.isNumber }
            return index == words.count - 1 ? "\(escaped):*" : escaped
        }.filter { $0 != ":*" && !$0.isEmpty }.joined(separator: " & ")
        // skill_labels_normalized_idx serves the prefix range; skill_labels_fts_idx the word prefixes.
        let rows = try await db.run(
            """
            WITH hits AS (
                (SELECT skill_id, label, normalized, kind FROM skill_labels
                 WHERE normalized LIKE \(Self.likePrefix(prefix)) ORDER BY length(normalized) LIMIT 100)
                UNION
                (SELECT skill_id, label, normalized, kind FROM skill_labels
                 WHERE \(tsquery) <> '' AND to_tsvector('simple', normalized) @@ to_tsquery('simple', \(tsquery))
                 ORDER BY length(normalized) LIMIT 200)
            )
            SELECT h.skill_id, h.label, h.normalized, h.kind, s.framework, s.code, s.preferred_label, s.kind, s.reuse_level,
                   s.hot_technology, similarity(h.normalized, \(prefix))::float8, 0::float8
            FROM hits h JOIN skills s ON s.id = h.skill_id
            WHERE \(framework)::text IS NULL OR s.framework = \(framework)
            """,
            logger: logger
        )
        let candidates = try await Self.candidates(rows)
        return Self.rank(candidates, query: SkillText.normalize(text), source: .query, limit: limit)
    }

    /// The concept with this id, as a certain match (a recruiter picked it from autocomplete).
    public func concept(id: Int) async throws -> ConceptMatch? {
        let rows = try await db.run("SELECT id, framework, code, preferred_label, kind FROM skills WHERE id = \(id)", logger: logger)
        for try await (id, framework, code, label, kind) in rows.decode((Int, String, String, String, String).self) {
            return ConceptMatch(skillID: id, framework: framework, code: code, label: label, kind: kind, matchedLabel: label, rule: .textExact, confidence: 1)
        }
        return nil
    }

    /// Concepts named by code or URI.
    func concepts(referencedBy references: [ConceptReference]) async throws -> [ConceptMatch] {
        var matches: [ConceptMatch] = []
        for reference in references {
            let rows: PostgresRowSequence
            if let framework = reference.framework {
                rows = try await db.run(
                    "SELECT id, framework, code, preferred_label, kind FROM skills WHERE framework = \(framework.rawValue) AND code = \(reference.code)",
                    logger: logger
                )
            } else {
                // A CASE item: by its identifier or URI within imported frameworks.
                rows = try await db.run(
                    """
                    SELECT id, framework, code, preferred_label, kind FROM skills
                    WHERE framework NOT IN ('esco', 'onet') AND (code = \(reference.code) OR url = \(reference.code))
                    """,
                    logger: logger
                )
            }
            let rule: ResolutionRule = reference.framework == .esco ? .escoURI : reference.framework == .onet ? .onetCode : .caseItem
            for try await (id, framework, code, label, kind) in rows.decode((Int, String, String, String, String).self) {
                matches.append(ConceptMatch(skillID: id, framework: framework, code: code, label: label, kind: kind, matchedLabel: code, rule: rule, confidence: 1))
            }
        }
        return matches
    }

    /// Labels that may match normalised text: exact key and full-text (all tokens); trigram neighbours only when no
    /// label has exactly this key, since a trigram match can never outrank an exact one (`MatchScoring`).
    func textCandidates(_ text: NormalizedText, framework: String?) async throws -> [Candidate] {
        let key = text.key
        // skill_labels_normalized_idx (exact), skill_labels_fts_idx (full text).
        let direct = try await Self.candidates(
            try await db.run(
                """
                WITH hits AS (
                    (SELECT skill_id, label, normalized, kind FROM skill_labels WHERE normalized = \(key))
                    UNION
                    (SELECT skill_id, label, normalized, kind FROM skill_labels
                     WHERE to_tsvector('simple', normalized) @@ plainto_tsquery('simple', \(key))
                     ORDER BY length(normalized) LIMIT 200)
                )
                SELECT h.skill_id, h.label, h.normalized, h.kind, s.framework, s.code, s.preferred_label, s.kind, s.reuse_level,
                       s.hot_technology, similarity(h.normalized, \(key))::float8,
                       ts_rank_cd(to_tsvector('simple', h.normalized), plainto_tsquery('simple', \(key)), 32)::float8
                FROM hits h JOIN skills s ON s.id = h.skill_id
                WHERE \(framework)::text IS NULL OR s.framework = \(framework)
                """,
                logger: logger
            )
        )
        if direct.contains(where: { $0.signals.normalized == key }) { return direct }
        // skill_labels_trgm_idx.
        let similar = try await Self.candidates(
            try await db.run(
                """
                WITH hits AS (
                    SELECT skill_id, label, normalized, kind FROM skill_labels WHERE normalized % \(key)
                    ORDER BY similarity(normalized, \(key)) DESC LIMIT 60
                )
                SELECT h.skill_id, h.label, h.normalized, h.kind, s.framework, s.code, s.preferred_label, s.kind, s.reuse_level,
                       s.hot_technology, similarity(h.normalized, \(key))::float8, 0::float8
                FROM hits h JOIN skills s ON s.id = h.skill_id
                WHERE \(framework)::text IS NULL OR s.framework = \(framework)
                """,
                logger: logger
            )
        )
        return direct + similar
    }

    /// One label that may match, with what scoring needs.
    struct Candidate {
        var skillID: Int
        var label: String
        var signals: LabelSignals
        var traits: ConceptTraits
        var framework: String
        var code: String
        var preferredLabel: String
        var kind: String
    }

    static func candidates(_ rows: PostgresRowSequence) async throws -> [Candidate] {
        var result: [Candidate] = []
        for try await row in rows.decode((Int, String, String, String, String, String, String, String, String?, Bool, Double, Double).self) {
            let (id, label, normalized, labelKind, framework, code, preferred, kind, reuse, hot, similarity, rank) = row
            result.append(
                Candidate(
                    skillID: id, label: label,
                    signals: LabelSignals(
                        normalized: normalized, kind: LabelKind(rawValue: labelKind) ?? .alternative, trigramSimilarity: similarity,
                        fullTextRank: rank
                    ),
                    traits: ConceptTraits(kind: ConceptKind(rawValue: kind) ?? .skill, reuseLevel: reuse, hotTechnology: hot),
                    framework: framework, code: code, preferredLabel: preferred, kind: kind
                )
            )
        }
        return result
    }

    /// The best label of each concept, scored, best concepts first (ties: smaller id).
    static func rank(_ candidates: [Candidate], query: NormalizedText, source: TextSource, limit: Int) -> [ConceptMatch] {
        var best: [Int: ConceptMatch] = [:]
        for c in candidates {
            let match = MatchScoring.score(query: query, label: c.signals, concept: c.traits, source: source)
            if let existing = best[c.skillID], existing.confidence >= match.confidence { continue }
            best[c.skillID] = ConceptMatch(
                skillID: c.skillID, framework: c.framework, code: c.code, label: c.preferredLabel, kind: c.kind, matchedLabel: c.label,
                rule: match.rule, confidence: match.confidence
            )
        }
        return Array(best.values.sorted { $0.confidence != $1.confidence ? $0.confidence > $1.confidence : $0.skillID < $1.skillID }.prefix(limit))
    }

    /// A LIKE pattern matching values that start with `prefix` (its own `%`, `_` and `\` escaped).
    static func likePrefix(_ prefix: String) -> String {
        prefix.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_") + "%"
    }
}
