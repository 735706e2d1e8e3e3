import Foundation
import Logging
import PostgresNIO
import Reporting

/// The equity report: who earns these achievements, who shares them (consents to discovery) and who is shortlisted,
/// by each self-reported attribute earners chose to give, as suppressed aggregates (`EquityTable`).
///
/// Attributes never leave this query as anything but counts per group. Values held by fewer earners than the
/// threshold are pooled into one "other" group before suppression, so a rare value's mere existence is not disclosed
/// by its label.
struct EquityReport {
    let client: PostgresClient
    let logger: Logger
    let rule = SuppressionRule()

    static let otherGroup = "Other groups (each under 10 people)"
    static let notStated = "Not stated"
    /// Signals at or past shortlisting: an earner interviewed or hired without a recorded shortlist was shortlisted too.
    static let shortlistKinds = ["shortlisted", "interviewed", "badge_referenced", "accepted_in_screening", "hired"]

    func build(_ scope: ReportScope, now: Date) async throws -> ReportDocument {
        let from = scope.request.from
        let end = scope.request.end
        // The period picks the cohort (awarded in it); sharing and shortlisting are followed up to now, since a cohort's
        // outcomes come after its awards. One row per (attribute, value or '' for not stated, stage) with its earners;
        // every attribute any earner of the cohort gave is crossed with the whole cohort, so each attribute's table
        // partitions the same people.
        let rows = try await client.query(
            """
            WITH population AS (
                SELECT c.earner_id, bool_or(e.discoverable) AS shared,
                       bool_or(EXISTS (SELECT 1 FROM signals g WHERE g.credential_id = c.id AND g.kind = ANY(\(Self.shortlistKinds))))
                           AS shortlisted,
                       max(c.received_at) AS received
                FROM credentials c JOIN earners e ON e.id = c.earner_id
                WHERE c.achievement_id = ANY(\(scope.ids)) AND c.awarded_at >= \(from) AND c.awarded_at < \(end)
                  AND c.superseded_by IS NULL AND c.verification NOT IN ('failed', 'revoked')
                GROUP BY c.earner_id
            ), staged AS (
                SELECT earner_id, CASE WHEN shortlisted THEN 2 WHEN shared THEN 1 ELSE 0 END AS stage, received FROM population
            ), attributes AS (
                SELECT DISTINCT a.attribute FROM earner_attributes a JOIN staged s ON s.earner_id = a.earner_id
            )
            SELECT '' AS attribute, '' AS value, s.stage, count(*)::int, max(s.received) FROM staged s GROUP BY s.stage
            UNION ALL
            SELECT t.attribute, coalesce(a.value, ''), s.stage, count(*)::int, max(s.received)
            FROM staged s CROSS JOIN attributes t
            LEFT JOIN earner_attributes a ON a.earner_id = s.earner_id AND a.attribute = t.attribute
            GROUP BY 1, 2, 3
            """,
            logger: logger
        )
        // attribute ('' for the whole population) → value → stage counts
        var counts: [String: [String: [Int]]] = [:]
        var latest: Date?
        for try await (attribute, value, stage, earners, received) in rows.decode((String, String, Int, Int, Date?).self) {
            counts[attribute, default: [:]][value, default: [0, 0, 0]][stage] = earners
            if let received { latest = max(latest ?? received, received) }
        }
        let population = counts[""]?[""] ?? [0, 0, 0]
        let sections = counts.keys.filter { !$0.isEmpty }.sorted().map { attribute in
            section(attribute, groups: counts[attribute] ?? [:])
        }
        let total = population.reduce(0, +)
        return scope.document(
            name: "equity", title: "Equity: who earns, shares and is shortlisted",
            summary: "Earners of these achievements in the period by the group attributes they chose to report, how many share "
                + "their badges with employers and how many employers shortlist, with each group's rates against everyone's. "
                + (rule.isSmall(total) ? "Fewer than \(rule.threshold) earners in scope: no breakdown can be published."
                    : "\(total) earners in scope."),
            dataAsOf: latest, now: now, sections: rule.isSmall(total) ? [] : sections
        )
    }

    /// One attribute's table: small groups pooled, then suppressed, rates and ratios from published counts only.
    private func section(_ attribute: String, groups: [String: [Int]]) -> ReportSection {
        var named: [(String, [Int])] = []
        var other = [0, 0, 0]
        for (value, stages) in groups where !value.isEmpty {
            if rule.isSmall(stages.reduce(0, +)) { other = zip(other, stages).map(+) } else { named.append((value, stages)) }
        }
        named.sort { $0.0 < $1.0 }
        if other.reduce(0, +) > 0 { named.append((Self.otherGroup, other)) }
        named.append((Self.notStated, groups[""] ?? [0, 0, 0]))
        let equity = EquityTable(groups: named.map(\.0), counts: named.map(\.1), rule: rule)
        let rows = (equity.rows + [equity.overall]).map { row -> [ReportValue] in
            [
                .text(row.group), .count(row.earners), .count(row.stages[0]), .count(row.stages[1]), .count(row.stages[2]), .count(row.shared),
                Self.rate(row.shareOfEarners), Self.rate(row.sharingRate), Self.ratio(row.sharingRatio), Self.rate(row.shortlistingRate),
                Self.ratio(row.shortlistingRatio),
            ]
        }
        let heading = attribute.replacingOccurrences(of: "_", with: " ")
        return ReportSection(
            heading: "By \(heading)",
            method: "Earners who were awarded one of these achievements in the period, each counted once in the furthest stage "
                + "reached, up to now: earned only; shared (discoverable to employers now) but not shortlisted; shortlisted (an "
                + "employer shortlisted, interviewed, screened or hired them on one of these badges). Sharing rate: shared "
                + "over earners; shortlisting rate: shortlisted over shared; ratio: the group's rate over everyone's (1 = the "
                + "same). Groups are what earners wrote, pooled into \"other\" when under \(rule.threshold) people. Any count "
                + "under \(rule.threshold) (zero included) is suppressed, with further counts hidden so that none can be worked "
                + "out from the totals; rates and ratios that would need a hidden count are not shown.",
            table: ReportTable(id: attribute, columns: Self.columns, rows: rows),
            chart: .bars(
                BarChart(
                    title: "Shortlisting rate by \(heading)",
                    description: "Shortlisted over shared earners per group; suppressed groups show no bar.",
                    bars: (equity.rows + [equity.overall]).map { row in
                        BarChart.Bar(
                            label: row.group, value: row.shortlistingRate,
                            valueText: row.shortlistingRate.map { NumberText.percent($0) } ?? "", note: "suppressed (small numbers)"
                        )
                    },
                    maximum: 1, tickFormat: .percent(places: 0), idPrefix: "equity-\(attribute)"
                )
            ),
            notes: equity.table.cells.joined().contains { $0.value == nil } || equity.table.rowTotals.contains { $0.value == nil }
                ? ["Some counts are suppressed to protect small groups."] : []
        )
    }

    static let columns = [
        ReportColumn("group", "Group"), ReportColumn("earners", "Earners"), ReportColumn("earned_only", "Earned only"),
        ReportColumn("shared_not_shortlisted", "Shared, not shortlisted"), ReportColumn("shortlisted", "Shortlisted"),
        ReportColumn("shared", "Shared"), ReportColumn("share_of_earners", "Share of earners"), ReportColumn("sharing_rate", "Sharing rate"),
        ReportColumn("sharing_ratio", "Sharing vs all"), ReportColumn("shortlisting_rate", "Shortlisting rate"),
        ReportColumn("shortlisting_ratio", "Shortlisting vs all"),
    ]

    private static func rate(_ value: Double?) -> ReportValue { value.map { .rate($0, places: 1) } ?? .missing }
    private static func ratio(_ value: Double?) -> ReportValue { value.map { .decimal($0, places: 2) } ?? .missing }
}
