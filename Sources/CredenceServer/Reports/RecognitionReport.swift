import Foundation
import Logging
import PostgresNIO
import Reporting

/// The recognition report: per achievement, how far its holders got with employers, from appearing in search results
/// to being hired, by employer (named only where the employer agreed; the rest pooled).
///
/// Every stage counts distinct earners, so a candidate shortlisted twice counts once. A stage is attributed to an
/// achievement only through that achievement: results of a search for a skill it is aligned to, evidence opened on its
/// credential, signals naming its credential. Signals that name no credential say nothing about which badge mattered
/// and are left out, as is `contacted` (not a stage of the funnel).
struct RecognitionReport {
    let client: PostgresClient
    let logger: Logger

    static let stages: [(name: String, heading: String)] = [
        ("appeared", "Appeared in results"), ("opened_evidence", "Opened evidence"), ("shortlisted", "Shortlisted"),
        ("interviewed", "Interviewed"), ("badge_referenced", "Badge referenced in interview"),
        ("accepted_in_screening", "Accepted in screening"), ("hired", "Hired"),
    ]
    static let allEmployers = "All employers"
    static let unnamedEmployers = "Employers not named"

    func build(_ scope: ReportScope, now: Date) async throws -> ReportDocument {
        let ids = scope.ids
        let from = scope.request.from
        let end = scope.request.end
        // One row per (achievement, employer bucket, stage) plus, through the grouping set, per (achievement, stage) over
        // all employers; the bucket is the employer's name when it agreed to be named, else NULL (pooled). The pseudo-stage
        // `converted` counts holders hired who had also appeared in results: to the same bucket, or to any employer for
        // the all-employers row, so the hire rate is a share of the same people and never exceeds 1.
        let rows = try await client.query(
            """
            WITH appeared AS (
                SELECT DISTINCT c.achievement_id, v.organization_id, v.earner_id, 'appeared' AS stage, v.at
                FROM earner_views v
                JOIN searches s ON s.id = v.search_id
                JOIN credentials c ON c.earner_id = v.earner_id AND c.achievement_id = ANY(\(ids))
                JOIN achievement_alignments al ON al.achievement_id = c.achievement_id AND al.review <> 'rejected'
                     AND al.skill_id = ANY(s.concept_ids)
                WHERE v.kind = 'result' AND v.at >= \(from) AND v.at < \(end)
            ), opened AS (
                SELECT c.achievement_id, v.organization_id, v.earner_id, 'opened_evidence' AS stage, v.at
                FROM earner_views v JOIN credentials c ON c.id = v.credential_id
                WHERE v.kind = 'evidence' AND c.achievement_id = ANY(\(ids)) AND v.at >= \(from) AND v.at < \(end)
            ), signalled AS (
                SELECT c.achievement_id, g.organization_id, g.earner_id, g.kind AS stage, g.at
                FROM signals g JOIN credentials c ON c.id = g.credential_id
                WHERE c.achievement_id = ANY(\(ids)) AND g.kind <> 'contacted' AND g.at >= \(from) AND g.at < \(end)
            ), events AS (
                SELECT e.achievement_id, e.earner_id, e.stage, e.at, CASE WHEN o.named_in_reports THEN o.name END AS employer
                FROM (SELECT * FROM appeared UNION ALL SELECT * FROM opened UNION ALL SELECT * FROM signalled) e
                JOIN organizations o ON o.id = e.organization_id
            )
            SELECT achievement_id, employer, GROUPING(employer) = 1, stage, count(DISTINCT earner_id)::int, max(at)
            FROM events
            GROUP BY GROUPING SETS ((achievement_id, stage, employer), (achievement_id, stage))
            UNION ALL
            SELECT h.achievement_id, h.employer, false, 'converted', count(DISTINCT h.earner_id)::int, max(h.at)
            FROM events h
            WHERE h.stage = 'hired' AND EXISTS (
                SELECT 1 FROM events a WHERE a.stage = 'appeared' AND a.achievement_id = h.achievement_id AND a.earner_id = h.earner_id
                  AND a.employer IS NOT DISTINCT FROM h.employer)
            GROUP BY h.achievement_id, h.employer
            UNION ALL
            SELECT h.achievement_id, NULL, true, 'converted', count(DISTINCT h.earner_id)::int, max(h.at)
            FROM events h
            WHERE h.stage = 'hired' AND EXISTS (
                SELECT 1 FROM events a WHERE a.stage = 'appeared' AND a.achievement_id = h.achievement_id AND a.earner_id = h.earner_id)
            GROUP BY h.achievement_id
            """,
            logger: logger
        )
        // achievement → employer label → stage → earners
        var counts: [UUID: [String: [String: Int]]] = [:]
        var latest: Date?
        for try await (achievement, employer, isTotal, stage, earners, at) in rows.decode((UUID, String?, Bool, String, Int, Date).self) {
            let label = isTotal ? Self.allEmployers : employer ?? Self.unnamedEmployers
            counts[achievement, default: [:]][label, default: [:]][stage] = earners
            latest = max(latest ?? at, at)
        }
        var table: [[ReportValue]] = []
        var totals = [Int](repeating: 0, count: Self.stages.count)
        for achievement in scope.achievements {
            let byEmployer = counts[achievement.id] ?? [:]
            let named = byEmployer.keys.filter { $0 != Self.allEmployers && $0 != Self.unnamedEmployers }.sorted()
            let labels = [Self.allEmployers] + named + (byEmployer[Self.unnamedEmployers] == nil ? [] : [Self.unnamedEmployers])
            for label in labels {
                let stages = Self.stages.map { byEmployer[label]?[$0.name] ?? 0 }
                if label == Self.allEmployers { totals = zip(totals, stages).map(+) }
                let converted = byEmployer[label]?["converted"] ?? 0
                let hireRate: ReportValue = stages[0] > 0 ? .rate(Double(converted) / Double(stages[0]), places: 1) : .missing
                table.append([.text(achievement.name), .text(label)] + stages.map { .integer($0) } + [hireRate])
            }
        }
        let funnel = BarChart(
            title: "From search results to hire",
            description: "Badge holders at each stage, summed over the achievements in this report (all employers).",
            // Counts only: stages are counted independently, so a share "of those who appeared" could exceed 100%.
            bars: zip(Self.stages, totals).map { stage, count in
                BarChart.Bar(label: stage.heading, value: Double(count), valueText: count == 1 ? "1 holder" : "\(count) holders")
            },
            idPrefix: "recognition-funnel"
        )
        let section = ReportSection(
            heading: "The funnel by achievement and employer",
            method: "Distinct badge holders at each stage in the period. Appeared: shown in the results of a search for a skill the "
                + "achievement is aligned to. Opened evidence: an employer opened the credential. Shortlisted, interviewed, badge "
                + "referenced in interview, accepted in screening and hired: employer signals naming the credential. Stages are counted "
                + "independently (a signal need not follow a search in this service), so a later stage can exceed an earlier one. "
                + "Hire rate: of the holders who appeared in results, the share hired (by the same employer, or by any for all "
                + "employers). Employers are named only when they agreed to be; the others are pooled, and "
                + "\"\(Self.allEmployers)\" counts each holder once however many employers acted.",
            table: ReportTable(
                id: "funnel",
                columns: [ReportColumn("achievement", "Achievement"), ReportColumn("employer", "Employer")]
                    + Self.stages.map { ReportColumn($0.name, $0.heading) } + [ReportColumn("hire_rate", "Hire rate")],
                rows: table
            ),
            chart: .bars(funnel)
        )
        return scope.document(
            name: "recognition", title: "Employer recognition: what happens to badge holders",
            summary: "How far holders of each achievement got with employers in the period, from appearing in search results to "
                + "being hired, by employer.",
            dataAsOf: latest, now: now, sections: [section]
        )
    }
}
