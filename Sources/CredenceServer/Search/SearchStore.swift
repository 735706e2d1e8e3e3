public import Foundation
public import Logging
public import PostgresNIO
import StrictJSON

/// Ranking constants, documented in docs/ranking.md.
public enum Ranking {
    /// A badge's recency weight halves every three years.
    public static let recencyHalfLife: TimeInterval = 3 * 365.25 * 86_400
    /// A preferred term adds half as much as a required one.
    public static let preferredWeight = 0.5
    /// The total is counted exactly up to this many earners.
    public static let totalBound = 1_000
    /// Facets list at most this many issuers and achievements.
    public static let facetValues = 20

    /// `now` on the scale of `credential_skills.rank` (schema/0010): a row's value is its term confidence times
    /// 2^(rank − this). Both engines compute it so, from the same stored rank.
    public static func rank(at now: Date) -> Double { now.timeIntervalSince1970 / recencyHalfLife }
}

/// What narrows a search besides its terms, resolved for SQL.
struct SearchScope: Sendable {
    var filters: SearchQuery.Filters
    /// Issuer organisations see only earners of their own issuers.
    var issuerOrganization: UUID?
    /// Saved searches: only credentials received, or earners discoverable, since then.
    var changedSince: Date?
}

/// Runs ranked searches over `credential_skills`.
public struct SearchStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Terms and their concepts as parallel arrays: `unnest` of bound arrays lets PostgreSQL estimate the row count
    /// (a JSON record set would be guessed at 100 rows and mislead the join choice).
    struct TermArrays {
        var term: [Int] = []
        var skill: [Int] = []
        var confidence: [Double] = []
        var via: [String] = []
        var required: [Bool] = []
        var weight: [Double] = []
        /// −1 when the term sets no minimum.
        var minProficiency: [Double] = []

        init(_ terms: [InterpretedTerm]) {
            for term in terms {
                for concept in term.concepts {
                    self.term.append(term.index)
                    skill.append(concept.match.skillID)
                    confidence.append(concept.confidence)
                    via.append(concept.via.rawValue)
                    required.append(term.required)
                    weight.append(term.required ? 1.0 : Ranking.preferredWeight)
                    minProficiency.append(term.minProficiency ?? -1)
                }
            }
        }
    }

    /// One page of ranked earners, each with the best credential behind each term, in a single statement: the
    /// filtered hits are computed once and serve the ranking, the total and the explanations.
    func page(
        terms: [InterpretedTerm], minMatched: Int, scope: SearchScope, limit: Int, after cursor: SearchCursor?, facets wantFacets: Bool,
        now: Date, searchID: UUID
    ) async throws -> SearchPage {
        let query = Self.rankingQuery(
            terms: terms, minMatched: minMatched, scope: scope, limit: limit, after: cursor, facets: wantFacets, now: now
        )
        let rows = try await client.query(query, logger: logger)
        var hits: [SearchHit] = []
        var total = 0
        var facetDocument: String?
        for try await row in rows.decode(
            (UUID, Double, Int, Int, Int, Int, String, Double, String, UUID, Double, Double?, Bool, Date, Date?, String).self
        ) {
            let (earner, score, matched, count, term, skill, via, confidence, rule, credential, s, proficiency, verified, awarded, validUntil, facetText) = row
            total = count
            if facetDocument == nil { facetDocument = facetText }
            let match = SearchMatch(
                term: term, skillID: skill, via: ConceptVia(rawValue: via) ?? .direct, termConfidence: confidence, alignmentRule: rule,
                credentialID: credential, score: s, proficiency: proficiency, verified: verified, awardedAt: awarded, validUntil: validUntil
            )
            if hits.last?.earnerID == earner {
                hits[hits.count - 1].matches.append(match)
            } else {
                hits.append(SearchHit(earnerID: earner, score: score, matchedTerms: matched, matches: [match]))
            }
        }
        return SearchPage(
            ranked: hits, limit: limit, matching: total, facets: wantFacets ? Self.facets(facetDocument) : [:], rankedAt: now, searchID: searchID
        )
    }

    /// The ranking statement: filtered hits materialised once, per-term best, per-earner score with the required and
    /// minimum-matched rules, one page after the cursor, the best credential per term of each earner on it, the
    /// bounded total and (on request) facets. credential_skills_pkey drives the join by skill; filters apply per row.
    static func rankingQuery(
        terms: [InterpretedTerm], minMatched: Int, scope: SearchScope, limit: Int, after cursor: SearchCursor?, facets wantFacets: Bool, now: Date
    ) -> PostgresQuery {
        let requiredCount = terms.filter(\.required).count
        let t = TermArrays(terms)
        let f = scope.filters
        let trustedOnly = f.issuerTrust == "trusted"
        let includeUnverified = f.includeUnverified ?? false
        return """
            WITH terms AS (
                SELECT * FROM unnest(\(t.term)::integer[], \(t.skill)::integer[], \(t.confidence)::float8[], \(t.via)::text[],
                                     \(t.required)::boolean[], \(t.weight)::float8[], \(t.minProficiency)::float8[])
                    AS t(term, skill_id, confidence, via, required, weight, min_proficiency)
            ),
            hits AS MATERIALIZED (
                SELECT cs.earner_id, t.term, t.required, t.weight, cs.skill_id, t.via, t.confidence, cs.rule, cs.credential_id,
                       cs.proficiency, cs.verified, cs.awarded_at, cs.valid_until, cs.issuer_id, cs.achievement_id, cs.framework,
                       t.confidence * power(2::float8, cs.rank - \(Ranking.rank(at: now))::float8) AS s
                FROM terms t JOIN credential_skills cs ON cs.skill_id = t.skill_id
                WHERE (cs.verified OR \(includeUnverified))
                  AND (cs.valid_until IS NULL OR cs.valid_until > \(now)::timestamptz)
                  AND (t.min_proficiency < 0 OR cs.proficiency >= t.min_proficiency)
                  AND (\(f.issuers)::uuid[] IS NULL OR cs.issuer_id = ANY(\(f.issuers)::uuid[]))
                  AND (\(f.frameworks)::text[] IS NULL OR cs.framework = ANY(\(f.frameworks)::text[]))
                  AND (\(f.achievementTypes)::text[] IS NULL OR cs.achievement_type = ANY(\(f.achievementTypes)::text[]))
                  AND (\(f.awardedAfter)::timestamptz IS NULL OR cs.awarded_at >= \(f.awardedAfter)::timestamptz)
                  AND (\(f.awardedBefore)::timestamptz IS NULL OR cs.awarded_at < \(f.awardedBefore)::timestamptz)
                  AND (NOT \(trustedOnly) OR cs.trust = 'trusted')
                  AND (\(scope.issuerOrganization)::uuid IS NULL
                       OR cs.issuer_id IN (SELECT id FROM issuers WHERE organization_id = \(scope.issuerOrganization))
                       OR EXISTS (SELECT 1 FROM credentials c JOIN api_keys k ON k.id = c.received_by
                                  WHERE c.id = cs.credential_id AND k.organization_id = \(scope.issuerOrganization)))
                  AND (\(scope.changedSince)::timestamptz IS NULL
                       OR EXISTS (SELECT 1 FROM credentials c WHERE c.id = cs.credential_id AND c.received_at >= \(scope.changedSince)::timestamptz)
                       OR EXISTS (SELECT 1 FROM earners e WHERE e.id = cs.earner_id AND e.discoverable_since >= \(scope.changedSince)::timestamptz))
            ),
            per_term AS (
                SELECT earner_id, term, bool_or(required) AS required, max(weight) AS weight, max(s) AS best FROM hits GROUP BY earner_id, term
            ),
            matching AS (
                SELECT earner_id, sum(best * weight) AS score, count(*)::integer AS matched
                FROM per_term GROUP BY earner_id
                HAVING count(*) FILTER (WHERE required) = \(requiredCount) AND count(*) >= \(minMatched)
            ),
            page AS (
                SELECT earner_id, score, matched FROM matching
                WHERE \(cursor?.score)::float8 IS NULL OR (score, earner_id) < (\(cursor?.score)::float8, \(cursor?.earnerID)::uuid)
                ORDER BY score DESC, earner_id DESC
                LIMIT \(limit + 1)
            ),
            best AS (
                SELECT DISTINCT ON (h.earner_id, h.term) h.*
                FROM hits h JOIN page p ON p.earner_id = h.earner_id
                ORDER BY h.earner_id, h.term, h.s DESC, h.credential_id
            ),
            -- Facets count matching earners (not credentials) per value, over every match, on request.
            facet_rows AS (
                SELECT h.earner_id, h.issuer_id, h.achievement_id, h.framework, h.proficiency FROM hits h
                WHERE \(wantFacets) AND h.earner_id IN (SELECT earner_id FROM matching)
            ),
            facets AS (
                SELECT jsonb_build_object(
                    'issuer', (SELECT coalesce(jsonb_agg(jsonb_build_object('value', x.issuer_id, 'label', i.name, 'count', x.n) ORDER BY x.n DESC, i.name), '[]')
                               FROM (SELECT issuer_id, count(DISTINCT earner_id) AS n FROM facet_rows GROUP BY issuer_id ORDER BY n DESC LIMIT \(Ranking.facetValues)) x
                               JOIN issuers i ON i.id = x.issuer_id),
                    'achievement', (SELECT coalesce(jsonb_agg(jsonb_build_object('value', x.achievement_id, 'label', a.name, 'count', x.n) ORDER BY x.n DESC, a.name), '[]')
                                    FROM (SELECT achievement_id, count(DISTINCT earner_id) AS n FROM facet_rows GROUP BY achievement_id ORDER BY n DESC LIMIT \(Ranking.facetValues)) x
                                    JOIN achievements a ON a.id = x.achievement_id),
                    'framework', (SELECT coalesce(jsonb_agg(jsonb_build_object('value', framework, 'count', n) ORDER BY n DESC, framework), '[]')
                                  FROM (SELECT framework, count(DISTINCT earner_id) AS n FROM facet_rows GROUP BY framework) x),
                    'proficiency', (SELECT coalesce(jsonb_agg(jsonb_build_object('value', band, 'count', n) ORDER BY band), '[]')
                                    FROM (SELECT band, count(*) AS n FROM (
                                        SELECT earner_id, CASE WHEN max(proficiency) IS NULL THEN 'unrated'
                                                               WHEN max(proficiency) < \(ProficiencyBand.intermediateFrom)::float8 THEN 'foundation'
                                                               WHEN max(proficiency) < \(ProficiencyBand.advancedFrom)::float8 THEN 'intermediate' ELSE 'advanced' END AS band
                                        FROM facet_rows GROUP BY earner_id) e GROUP BY band) x)
                )::text AS document
            )
            SELECT p.earner_id, p.score, p.matched, (SELECT count(*) FROM (SELECT 1 FROM matching LIMIT \(Ranking.totalBound + 1)) b)::integer,
                   b.term, b.skill_id, b.via, b.confidence, b.rule, b.credential_id, b.s, b.proficiency::float8, b.verified, b.awarded_at,
                   b.valid_until, (SELECT document FROM facets)
            FROM page p JOIN best b ON b.earner_id = p.earner_id
            ORDER BY p.score DESC, p.earner_id DESC, b.term
            """
    }

    /// The plan and timing of one ranking statement (`EXPLAIN (ANALYZE, BUFFERS)`), for the benchmark's record.
    func explain(terms: [InterpretedTerm], minMatched: Int) async throws -> String {
        let query = Self.rankingQuery(
            terms: terms, minMatched: minMatched, scope: SearchScope(filters: SearchQuery.Filters()), limit: 20, after: nil, facets: true, now: Date()
        )
        let rows = try await client.query(PostgresQuery(unsafeSQL: "EXPLAIN (ANALYZE, BUFFERS) " + query.sql, binds: query.binds), logger: logger)
        var lines: [String] = []
        for try await line in rows.decode(String.self) { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// The issuers an organisation runs (an issuer organisation's searches see their earners only).
    func issuers(of organization: UUID) async throws -> Set<UUID> {
        var issuers = Set<UUID>()
        for try await id in try await client.query("SELECT id FROM issuers WHERE organization_id = \(organization)", logger: logger).decode(UUID.self) {
            issuers.insert(id)
        }
        return issuers
    }

    /// Facets from the in-memory engine's counts, labelled and ordered as the SQL engine orders them: most earners
    /// first, then by name; at most `Ranking.facetValues` issuers and achievements.
    func facets(of answer: PostingAnswer) async throws -> [String: [Facet]] {
        guard answer.total > 0 else { return [:] }
        // Names are needed only to order the values that can make the cut: those counted at least as often as the last one kept.
        func contenders(_ counts: [UUID: Int]) -> [UUID] {
            let cut = counts.values.sorted(by: >).prefix(Ranking.facetValues).last ?? 0
            return counts.filter { $0.value >= cut }.map(\.key)
        }
        let issuers = contenders(answer.issuerCounts)
        let achievements = contenders(answer.achievementCounts)
        var names: [UUID: String] = [:]
        for try await (id, name) in try await client.execute(FacetNames(issuers: issuers, achievements: achievements), logger: logger) {
            names[id] = name
        }
        func ranked(_ counts: [UUID: Int], _ contenders: [UUID]) -> [Facet] {
            contenders.map { Facet(value: $0.uuidString.lowercased(), label: names[$0], count: counts[$0] ?? 0) }
                .sorted { ($1.count, $0.label ?? "", $0.value) < ($0.count, $1.label ?? "", $1.value) }
                .prefix(Ranking.facetValues).map { $0 }
        }
        return [
            "issuer": ranked(answer.issuerCounts, issuers),
            "achievement": ranked(answer.achievementCounts, achievements),
            "framework": answer.frameworkCounts.map { Facet(value: $0.key, label: nil, count: $0.value) }
                .sorted { ($1.count, $0.value) < ($0.count, $1.value) },
            "proficiency": answer.proficiencyCounts.map { Facet(value: $0.key, label: nil, count: $0.value) }.sorted { $0.value < $1.value },
        ]
    }

    /// The names of issuers and achievements facets may list (prepared: every first page runs it).
    struct FacetNames: PostgresPreparedStatement {
        typealias Row = (UUID, String?)
        static let sql = """
            SELECT id, name FROM issuers WHERE id = ANY($1::uuid[])
            UNION ALL SELECT id, name FROM achievements WHERE id = ANY($2::uuid[])
            """
        var issuers: [UUID]
        var achievements: [UUID]
        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(issuers)
            bindings.append(achievements)
            return bindings
        }
        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }

    static func facets(_ document: String?) -> [String: [Facet]] {
        guard let document, let object = (try? JSONParser.parse(document, limits: .trusted))?.objectValue else { return [:] }
        var result: [String: [Facet]] = [:]
        for (name, values) in object {
            result[name] = values.asList.compactMap { value in
                guard let count = value["count"]?.numberValue?.intValue else { return nil }
                let text = value["value"]?.stringValue ?? value["value"].map { $0.serialized() } ?? ""
                return Facet(value: text, label: value["label"]?.stringValue, count: count)
            }
        }
        return result
    }
}
