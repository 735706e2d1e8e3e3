import Foundation
import Logging
import PostgresNIO
import Reporting

/// The uplift report: learners in cohorts with badges against learners in cohorts without, on check-ins, discussion,
/// going on from one module to another, completion and time to submit (`CohortComparison`).
///
/// Cohorts are the caller's organisation's (every organisation's for the platform); with an achievement, issuer or
/// pathway filter, only cohorts linked to those achievements. Activity counts when it happened in the period.
/// Cohorts are not randomised: the figures describe a difference, not what badges caused.
struct UpliftReport {
    let client: PostgresClient
    let logger: Logger

    func build(_ scope: ReportScope, now: Date) async throws -> ReportDocument {
        let request = scope.request
        let filtered = request.achievement != nil || request.issuer != nil || !request.pathway.isEmpty
        let from = request.from
        let end = request.end
        // Per learner: whether they checked in, posted, completed modules (distinct) and the course, and the median of
        // their hours from each assignment's (first) release to their submissions of it; then per group.
        let rows = try await client.query(
            """
            WITH chosen AS (
                SELECT id, with_badges FROM cohorts
                WHERE (\(scope.organization)::uuid IS NULL OR organization_id = \(scope.organization))
                  AND (NOT \(filtered) OR achievement_id = ANY(\(scope.ids)))
            ), events AS (
                SELECT e.* FROM learner_events e JOIN chosen c ON c.id = e.cohort_id WHERE e.at >= \(from) AND e.at < \(end)
            ), learners AS (
                SELECT e.cohort_id, e.learner, bool_or(e.kind = 'check_in') AS checked_in, bool_or(e.kind = 'discussion_post') AS discussed,
                       count(DISTINCT e.module) FILTER (WHERE e.kind = 'module_completed') AS modules,
                       bool_or(e.kind = 'course_completed') AS completed
                FROM events e WHERE e.learner <> '' GROUP BY e.cohort_id, e.learner
            ), releases AS (
                SELECT cohort_id, module, min(at) AS released FROM events WHERE kind = 'assignment_released' GROUP BY 1, 2
            ), delays AS (
                SELECT s.cohort_id, s.learner,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.at - r.released) / 3600) AS hours
                FROM events s JOIN releases r ON r.cohort_id = s.cohort_id AND r.module = s.module
                WHERE s.kind = 'submission' AND s.at >= r.released
                GROUP BY 1, 2
            )
            SELECT c.with_badges, count(*)::int, (count(*) FILTER (WHERE l.checked_in))::int, (count(*) FILTER (WHERE l.discussed))::int,
                   (count(*) FILTER (WHERE l.modules >= 1))::int, (count(*) FILTER (WHERE l.modules >= 2))::int,
                   (count(*) FILTER (WHERE l.completed))::int, coalesce(array_agg(d.hours) FILTER (WHERE d.hours IS NOT NULL), '{}'),
                   count(DISTINCT l.cohort_id)::int
            FROM learners l JOIN chosen c ON c.id = l.cohort_id LEFT JOIN delays d ON d.cohort_id = l.cohort_id AND d.learner = l.learner
            GROUP BY c.with_badges
            """,
            logger: logger
        )
        var groups: [Bool: (activity: CohortActivity, cohorts: Int)] = [:]
        for try await (badges, learners, checked, discussed, started, continued, completed, hours, cohorts) in rows.decode(
            (Bool, Int, Int, Int, Int, Int, Int, [Double], Int).self
        ) {
            let activity = CohortActivity(
                learners: learners, checkedIn: checked, discussed: discussed, startedModules: started, continuedModules: continued,
                completed: completed, submissionHours: hours
            )
            groups[badges] = (activity, cohorts)
        }
        let latest = try await latestEvent(scope)
        let empty = CohortActivity(learners: 0, checkedIn: 0, discussed: 0, startedModules: 0, continuedModules: 0, completed: 0, submissionHours: [])
        let withBadges = groups[true] ?? (empty, 0)
        let withoutBadges = groups[false] ?? (empty, 0)
        let comparison = CohortComparison(withBadges: withBadges.activity, withoutBadges: withoutBadges.activity)
        let table = comparison.rows.map { row -> [ReportValue] in
            let places = row.isRate ? 1 : 2
            func figure(_ value: Double?) -> ReportValue {
                guard let value else { return .missing }
                return row.isRate ? .rate(value, places: places) : .decimal(value, places: places)
            }
            return [
                .text(row.label), figure(row.withBadges), figure(row.withoutBadges), .integer(row.withBadgesSize), .integer(row.withoutBadgesSize),
                row.difference.map { .decimal($0, places: row.isRate ? 3 : 2) } ?? .missing,
                row.interval.map { .decimal($0.lower, places: row.isRate ? 3 : 2) } ?? .missing,
                row.interval.map { .decimal($0.upper, places: row.isRate ? 3 : 2) } ?? .missing, .text(row.test),
                row.statistic.map { .decimal($0, places: 3) } ?? .missing, row.pValue.map { .decimal($0, places: 4) } ?? .missing,
                .text(row.warnings.joined(separator: " ")),
            ]
        }
        let plot = IntervalPlot(
            title: "Difference in rates, with badges minus without",
            description: "Each rate's difference in percentage points with its 95% Newcombe interval; right of the line favours badges.",
            rows: comparison.rows.filter(\.isRate).map { row in
                IntervalPlot.Row(
                    label: row.label, estimate: row.difference, interval: row.interval,
                    valueText: row.difference.map { difference in
                        let points = NumberText.decimal(difference * 100, places: 1)
                        let interval = row.interval.map {
                            " (\(NumberText.decimal($0.lower * 100, places: 1)) to \(NumberText.decimal($0.upper * 100, places: 1)))"
                        }
                        return "\(points) pts\(interval ?? "")" + (row.warnings.isEmpty ? "" : " ⚠")
                    } ?? "no learners"
                )
            },
            tickFormat: .percent(places: 1), idPrefix: "uplift-rates"
        )
        let warnings = Set(comparison.rows.flatMap(\.warnings)).sorted()
        return scope.document(
            name: "uplift", title: "Uplift: learners in cohorts with badges and without",
            summary: "\(withBadges.activity.learners) learners in \(withBadges.cohorts) cohorts with badges, "
                + "\(withoutBadges.activity.learners) learners in \(withoutBadges.cohorts) cohorts without, active in the period. "
                + "Cohorts were not assigned at random, so differences describe these cohorts, not what badges caused.",
            dataAsOf: latest, now: now,
            sections: [
                ReportSection(
                    heading: "With badges against without",
                    method: "Learners are the units: anyone with an event in the period, each counted once per measure. Rates: "
                        + "checked in at least once; posted in a discussion; of those who completed a module, completed another; "
                        + "completed the course. Difference: with minus without, with Newcombe's 95% interval and the pooled "
                        + "two-proportion z-test. Time: each learner's median hours from an assignment's first release to their "
                        + "submission of it; the groups' medians, the Hodges–Lehmann shift with its 95% interval and the two-sided "
                        + "Mann–Whitney U test (exact for small samples without ties). A warning marks groups under 20 learners or an "
                        + "expected count under 5 (\"first\" is the group with badges).",
                    table: ReportTable(
                        id: "comparison",
                        columns: [
                            ReportColumn("measure", "Measure"), ReportColumn("with_badges", "With badges"),
                            ReportColumn("without_badges", "Without"), ReportColumn("n_with_badges", "Learners with"),
                            ReportColumn("n_without_badges", "Learners without"), ReportColumn("difference", "Difference"),
                            ReportColumn("ci_lower", "95% lower"), ReportColumn("ci_upper", "95% upper"), ReportColumn("test", "Test"),
                            ReportColumn("statistic", "Statistic (z or U)"), ReportColumn("p_value", "p"), ReportColumn("warnings", "Warnings"),
                        ],
                        rows: withBadges.activity.learners + withoutBadges.activity.learners == 0 ? [] : table
                    ),
                    chart: .intervals(plot),
                    notes: warnings
                )
            ]
        )
    }

    private func latestEvent(_ scope: ReportScope) async throws -> Date? {
        let rows = try await client.query(
            """
            SELECT max(e.at) FROM learner_events e JOIN cohorts c ON c.id = e.cohort_id
            WHERE (\(scope.organization)::uuid IS NULL OR c.organization_id = \(scope.organization))
            """,
            logger: logger
        )
        for try await latest in rows.decode(Date?.self) { return latest }
        return nil
    }
}
