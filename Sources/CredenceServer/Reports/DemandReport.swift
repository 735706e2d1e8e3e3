import Foundation
import Logging
import PostgresNIO
import Reporting

/// The demand report: what recruiters searched for in the period, resolved to skill concepts; what they found little
/// or nothing for (gaps no badge covers); and which of the team's achievements answered searches, and how often.
///
/// Demand is the whole market's: every organisation's searches count, but no searcher is ever named. Search logs
/// record each search once (its first page) with the concepts its terms resolved to directly (`searches.concept_ids`).
struct DemandReport {
    let client: PostgresClient
    let logger: Logger

    /// Fewer results than this (but some) is "few".
    static let fewResults = 5
    static let topConcepts = 100
    static let chartedConcepts = 12
    static let trendConcepts = 10
    /// Raw search terms are shown only when this many organisations typed them, so one recruiter's free text (a name,
    /// an internal project) never reaches a report.
    static let termOrganizations = 2

    struct Concept {
        let id: Int
        let label: String
        let framework: String
        let code: String
        let searches: Int
        let organizations: Int
        let zero: Int
        let few: Int
        let coveringAchievements: Int
    }

    func build(_ scope: ReportScope, now: Date) async throws -> ReportDocument {
        let from = scope.request.from
        let end = scope.request.end
        let concepts = try await self.concepts(covering: scope.ids, from: from, end: end)
        let total = try await searchTotals(from: from, end: end)
        let top = Array(concepts.prefix(Self.topConcepts))
        let trend = try await monthly(Array(top.prefix(Self.trendConcepts)), from: from, end: end)
        let gaps = concepts.filter { $0.zero + $0.few > 0 && $0.coveringAchievements == 0 }
            .sorted { ($0.zero + $0.few, $0.searches, $1.label) > ($1.zero + $1.few, $1.searches, $0.label) }
        let terms = try await unresolvedTerms(from: from, end: end)
        let matches = try await achievementMatches(scope, from: from, end: end, searches: total.searches)
        return scope.document(
            name: "demand", title: "Demand and gaps: what employers search for",
            summary: "Skills recruiters searched for in the period, resolved to framework concepts; where searches found few or no "
                + "verified badge holders and none of these achievements covers the skill; and how often each achievement "
                + "answered a search. \(total.searches) searches by \(total.organizations) organisations in the period.",
            dataAsOf: total.latest, now: now,
            sections: [
                demandSection(top), trendSection(trend), gapSection(gaps),
                termSection(terms), matches,
            ]
        )
    }

    private func concepts(covering ids: [UUID], from: Date, end: Date) async throws -> [Concept] {
        // searches_organization_idx does not help a period over every organisation; the period scan is the cost.
        let rows = try await client.query(
            """
            WITH hits AS (
                SELECT unnest(s.concept_ids) AS skill_id, s.organization_id, s.result_count
                FROM searches s WHERE s.at >= \(from) AND s.at < \(end)
            )
            SELECT k.id, k.preferred_label, k.framework, k.code, count(*)::int, count(DISTINCT h.organization_id)::int,
                   count(*) FILTER (WHERE h.result_count = 0)::int,
                   count(*) FILTER (WHERE h.result_count BETWEEN 1 AND \(Self.fewResults - 1))::int,
                   (SELECT count(DISTINCT al.achievement_id)::int FROM achievement_alignments al
                    WHERE al.skill_id = k.id AND al.achievement_id = ANY(\(ids)) AND al.review <> 'rejected')
            FROM hits h JOIN skills k ON k.id = h.skill_id
            GROUP BY k.id
            ORDER BY count(*) DESC, k.preferred_label, k.id
            """,
            logger: logger
        )
        var concepts: [Concept] = []
        for try await (id, label, framework, code, searches, organizations, zero, few, covering) in rows.decode(
            (Int, String, String, String, Int, Int, Int, Int, Int).self
        ) {
            concepts.append(
                Concept(
                    id: id, label: label, framework: framework, code: code, searches: searches, organizations: organizations, zero: zero, few: few,
                    coveringAchievements: covering
                )
            )
        }
        return concepts
    }

    private func searchTotals(from: Date, end: Date) async throws -> (searches: Int, organizations: Int, latest: Date?) {
        let rows = try await client.query(
            "SELECT count(*)::int, count(DISTINCT organization_id)::int, max(at) FROM searches WHERE at >= \(from) AND at < \(end)",
            logger: logger
        )
        for try await row in rows.decode((Int, Int, Date?).self) { return row }
        return (0, 0, nil)
    }

    private func monthly(_ concepts: [Concept], from: Date, end: Date) async throws -> [(month: String, concept: String, searches: Int)] {
        let rows = try await client.query(
            """
            SELECT to_char(date_trunc('month', s.at AT TIME ZONE 'UTC'), 'YYYY-MM'), c, count(*)::int
            FROM searches s CROSS JOIN LATERAL unnest(s.concept_ids) AS c
            WHERE s.at >= \(from) AND s.at < \(end) AND c = ANY(\(concepts.map(\.id)))
            GROUP BY 1, 2
            """,
            logger: logger
        )
        let rank = Dictionary(uniqueKeysWithValues: concepts.enumerated().map { ($1.id, $0) })
        var result: [(month: String, rank: Int, searches: Int)] = []
        for try await (month, concept, searches) in rows.decode((String, Int, Int).self) {
            result.append((month, rank[concept] ?? 0, searches))
        }
        return result.sorted { ($0.month, $0.rank) < ($1.month, $1.rank) }
            .map { (month: $0.month, concept: concepts[$0.rank].label, searches: $0.searches) }
    }

    private func unresolvedTerms(from: Date, end: Date) async throws -> [(term: String, searches: Int, organizations: Int)] {
        let rows = try await client.query(
            """
            SELECT lower(t), count(*)::int, count(DISTINCT s.organization_id)::int
            FROM searches s CROSS JOIN LATERAL unnest(s.terms) AS t
            WHERE s.at >= \(from) AND s.at < \(end) AND s.zero_results
            GROUP BY 1 HAVING count(DISTINCT s.organization_id) >= \(Self.termOrganizations)
            ORDER BY 2 DESC, 1 LIMIT 50
            """,
            logger: logger
        )
        var terms: [(term: String, searches: Int, organizations: Int)] = []
        for try await row in rows.decode((String, Int, Int).self) { terms.append(row) }
        return terms
    }

    private func achievementMatches(_ scope: ReportScope, from: Date, end: Date, searches: Int) async throws -> ReportSection {
        // searches_concepts_idx (GIN) answers `concept_ids && skills`.
        let rows = try await client.query(
            """
            SELECT a.id, count(s.id)::int, count(DISTINCT s.organization_id)::int
            FROM unnest(\(scope.ids)) AS a(id)
            LEFT JOIN LATERAL (
                SELECT array_agg(DISTINCT al.skill_id) AS skills FROM achievement_alignments al
                WHERE al.achievement_id = a.id AND al.skill_id IS NOT NULL AND al.review <> 'rejected'
            ) aligned ON true
            LEFT JOIN searches s ON s.concept_ids && aligned.skills AND s.at >= \(from) AND s.at < \(end)
            GROUP BY a.id
            """,
            logger: logger
        )
        var counts: [UUID: (Int, Int)] = [:]
        for try await (id, matched, organizations) in rows.decode((UUID, Int, Int).self) { counts[id] = (matched, organizations) }
        let table = scope.achievements.map { achievement -> [ReportValue] in
            let (matched, organizations) = counts[achievement.id] ?? (0, 0)
            return [
                .text(achievement.name), .text(achievement.issuerName), .integer(matched), .integer(organizations),
                searches > 0 ? .rate(Double(matched) / Double(searches), places: 1) : .missing,
            ]
        }
        return ReportSection(
            heading: "Searches each achievement answered",
            method: "A search counts for an achievement when one of the concepts its terms resolved to is a skill the achievement "
                + "is aligned to (alignments the issuer rejected do not count). Share: of all searches in the period.",
            table: ReportTable(
                id: "achievements",
                columns: [
                    ReportColumn("achievement", "Achievement"), ReportColumn("issuer", "Issuer"), ReportColumn("searches", "Searches matched"),
                    ReportColumn("organizations", "Searching organisations"), ReportColumn("share_of_searches", "Share of all searches"),
                ],
                rows: table
            )
        )
    }

    private func demandSection(_ top: [Concept]) -> ReportSection {
        ReportSection(
            heading: "What recruiters search for",
            method: "Each search is counted once for every concept its terms resolved to directly (exact label, full-text or close "
                + "match, or a framework code). Zero: the search found no verified badge holder; few: 1 to \(Self.fewResults - 1). "
                + "Covered by: how many of these achievements are aligned to the concept. The \(Self.topConcepts) most searched concepts.",
            table: ReportTable(
                id: "demand",
                columns: Self.conceptColumns + [ReportColumn("covered_by", "Covered by (achievements)")],
                rows: top.map { Self.conceptRow($0) + [.integer($0.coveringAchievements)] }
            ),
            chart: .bars(
                BarChart(
                    title: "Most searched skills", description: "Searches per concept in the period, the \(Self.chartedConcepts) most searched.",
                    bars: top.prefix(Self.chartedConcepts).map {
                        BarChart.Bar(label: $0.label, value: Double($0.searches), valueText: "\($0.searches) searches")
                    },
                    idPrefix: "demand-top"
                )
            )
        )
    }

    private func trendSection(_ trend: [(month: String, concept: String, searches: Int)]) -> ReportSection {
        ReportSection(
            heading: "Demand by month",
            method: "Searches per calendar month (UTC) for the \(Self.trendConcepts) most searched concepts of the period.",
            table: ReportTable(
                id: "monthly",
                columns: [ReportColumn("month", "Month"), ReportColumn("concept", "Concept"), ReportColumn("searches", "Searches")],
                rows: trend.map { [.text($0.month), .text($0.concept), .integer($0.searches)] }
            )
        )
    }

    private func gapSection(_ gaps: [Concept]) -> ReportSection {
        ReportSection(
            heading: "Gaps: skills employers want that none of these achievements covers",
            method: "Concepts searched with zero or few results (fewer than \(Self.fewResults) verified badge holders) that none of "
                + "these achievements is aligned to, most unmet searches first (at most \(Self.topConcepts)).",
            table: ReportTable(
                id: "gaps", columns: Self.conceptColumns, rows: gaps.prefix(Self.topConcepts).map { Self.conceptRow($0) }
            ),
            chart: .bars(
                BarChart(
                    title: "Unmet demand", description: "Searches with zero or few results per uncovered concept.",
                    bars: gaps.prefix(Self.chartedConcepts).map {
                        BarChart.Bar(label: $0.label, value: Double($0.zero + $0.few), valueText: "\($0.zero) none, \($0.few) few")
                    },
                    idPrefix: "demand-gaps"
                )
            )
        )
    }

    private func termSection(_ terms: [(term: String, searches: Int, organizations: Int)]) -> ReportSection {
        ReportSection(
            heading: "Terms of searches that found nobody",
            method: "Terms of searches with no results, lower-cased, shown only when at least \(Self.termOrganizations) organisations "
                + "searched for them (so no single recruiter's free text is disclosed); at most 50.",
            table: ReportTable(
                id: "terms",
                columns: [ReportColumn("term", "Term"), ReportColumn("searches", "Searches"), ReportColumn("organizations", "Organisations")],
                rows: terms.map { [.text($0.term), .integer($0.searches), .integer($0.organizations)] }
            )
        )
    }

    static let conceptColumns = [
        ReportColumn("concept", "Concept"), ReportColumn("framework", "Framework"), ReportColumn("code", "Code"),
        ReportColumn("searches", "Searches"), ReportColumn("organizations", "Organisations"), ReportColumn("zero_results", "Zero results"),
        ReportColumn("few_results", "Few results"),
    ]

    static func conceptRow(_ concept: Concept) -> [ReportValue] {
        [
            .text(concept.label), .text(concept.framework), .text(concept.code), .integer(concept.searches), .integer(concept.organizations),
            .integer(concept.zero), .integer(concept.few),
        ]
    }
}
