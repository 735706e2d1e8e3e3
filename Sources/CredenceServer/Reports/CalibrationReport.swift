import Foundation
import Logging
import PostgresNIO
import Reporting

/// The calibration report: per achievement and rubric version, the agreement and drift of closed calibration sessions,
/// the pooled figures search ranks by, the proposals still open and the rubric's revision history.
///
/// It reads the figures each session froze when it closed (`calibration_sessions.final_figures`) and the pooled
/// summaries (`calibration_summaries`), so the report shows exactly what the session reports showed, never a
/// recomputation that could drift from them.
struct CalibrationReport {
    let client: PostgresClient
    let logger: Logger

    func build(_ scope: ReportScope, now: Date) async throws -> ReportDocument {
        let ids = scope.ids
        let names = Dictionary(uniqueKeysWithValues: scope.achievements.map { ($0.id, $0.name) })
        let sessions = try await self.sessions(ids, from: scope.request.from, to: scope.request.end, names: names)
        let pooled = try await self.pooled(ids, names: names)
        let proposals = try await self.proposals(ids, names: names)
        let revisions = try await self.revisions(ids, names: names)
        let latest = [sessions.latest, pooled.latest, proposals.latest, revisions.latest].compactMap { $0 }.max()
        return scope.document(
            name: "calibration", title: "Calibration: how employers' reviewers read our assessments",
            summary: "Agreement between reviewers and with the issuer's levels, per achievement and rubric version, from closed calibration "
                + "sessions; the revision proposals still open and how each rubric has been revised.",
            dataAsOf: latest, now: now, sections: [sessions.section, pooled.section, proposals.section, revisions.section]
        )
    }

    private typealias Built = (section: ReportSection, latest: Date?)

    private func sessions(_ ids: [UUID], from: Date, to: Date, names: [UUID: String]) async throws -> Built {
        let rows = try await client.query(
            """
            SELECT s.achievement_id, v.number, s.title, s.closed_at,
                   (s.final_figures ->> 'artefacts')::int, (s.final_figures ->> 'reviewers')::int, (s.final_figures ->> 'ratings')::int,
                   (s.final_figures #>> '{agreement,alpha}')::float8, (s.final_figures #>> '{agreement,interval,lower}')::float8,
                   (s.final_figures #>> '{agreement,interval,upper}')::float8, s.final_figures #>> '{drift,direction}',
                   (s.final_figures #>> '{drift,meanDifference}')::float8, (s.final_figures #>> '{hiringBar,rate}')::float8
            FROM calibration_sessions s JOIN rubric_versions v ON v.id = s.rubric_version_id
            WHERE s.achievement_id = ANY(\(ids)) AND s.state = 'closed' AND s.closed_at >= \(from) AND s.closed_at < \(to)
            ORDER BY s.closed_at, s.id
            """,
            logger: logger
        )
        var table: [[ReportValue]] = []
        var bars: [BarChart.Bar] = []
        var latest: Date?
        for try await row in rows.decode(
            (UUID, Int, String, Date, Int?, Int?, Int?, Double?, Double?, Double?, String?, Double?, Double?).self
        ) {
            let (achievement, version, title, closed, artefacts, reviewers, ratings, alpha, lower, upper, direction, mean, bar) = row
            let name = names[achievement] ?? ""
            table.append([
                .text(name), .integer(version), .text(title), .text(ReportRequest.dayText(closed)), Self.integer(artefacts),
                Self.integer(reviewers), Self.integer(ratings), Self.decimal(alpha, 3), Self.decimal(lower, 3), Self.decimal(upper, 3),
                direction.map { .text($0) } ?? .missing, Self.decimal(mean, 2), bar.map { .rate($0, places: 1) } ?? .missing,
            ])
            bars.append(
                BarChart.Bar(
                    label: "\(name) v\(version), \(ReportRequest.dayText(closed))", value: alpha,
                    valueText: alpha.map { "α = " + NumberText.decimal($0, places: 2) } ?? "", note: "alpha undefined (no variation)"
                )
            )
            latest = max(latest ?? closed, closed)
        }
        let section = ReportSection(
            heading: "Agreement and drift by session",
            method: "One row per calibration session closed in the period, with the figures it froze when it closed. Agreement is "
                + "Krippendorff's alpha for ordinal data across reviewers over every artefact × criterion (1 is perfect agreement, 0 "
                + "no better than chance), with a 95% percentile bootstrap interval over artefacts (1000 replicates). Drift is the "
                + "mean over artefacts of the reviewers' median level minus the issuer's level, in levels (negative: reviewers rate "
                + "lower than the issuer); a direction is named only when an exact sign test gives p < 0.05. The hiring-bar rate is "
                + "the share of decided artefacts that most reviewers said meet their bar.",
            table: ReportTable(
                id: "sessions",
                columns: [
                    ReportColumn("achievement", "Achievement"), ReportColumn("rubric_version", "Rubric version"),
                    ReportColumn("session", "Session"), ReportColumn("closed_on", "Closed"), ReportColumn("artefacts", "Artefacts"),
                    ReportColumn("reviewers", "Reviewers"), ReportColumn("ratings", "Ratings"), ReportColumn("alpha", "Agreement (α)"),
                    ReportColumn("alpha_lower", "α 95% lower"), ReportColumn("alpha_upper", "α 95% upper"),
                    ReportColumn("drift_direction", "Drift"), ReportColumn("drift_mean_levels", "Mean drift (levels)"),
                    ReportColumn("hiring_bar_rate", "Meets hiring bar"),
                ],
                rows: table
            ),
            chart: .bars(
                BarChart(
                    title: "Reviewer agreement by session", description: "Krippendorff's alpha of each closed session, on a scale to 1.",
                    bars: bars, maximum: 1, tickFormat: .decimal(places: 1), idPrefix: "calibration-alpha"
                )
            )
        )
        return (section, latest)
    }

    private func pooled(_ ids: [UUID], names: [UUID: String]) async throws -> Built {
        let rows = try await client.query(
            """
            SELECT achievement_id, sessions, artefacts, (summary #>> '{agreement,alpha}')::float8,
                   (summary #>> '{drift,meanDifference}')::float8, (summary #>> '{hiringBar,rate}')::float8, ranking_multiplier, computed_at
            FROM calibration_summaries WHERE achievement_id = ANY(\(ids))
            """,
            logger: logger
        )
        var table: [(String, [ReportValue])] = []
        var latest: Date?
        for try await (achievement, sessions, artefacts, alpha, mean, bar, multiplier, computed) in rows.decode(
            (UUID, Int, Int, Double?, Double?, Double?, Double, Date).self
        ) {
            let name = names[achievement] ?? ""
            table.append(
                (
                    name,
                    [
                        .text(name), .integer(sessions), .integer(artefacts), Self.decimal(alpha, 3), Self.decimal(mean, 2),
                        bar.map { .rate($0, places: 1) } ?? .missing, .decimal(multiplier, places: 3),
                    ]
                )
            )
            latest = max(latest ?? computed, computed)
        }
        let section = ReportSection(
            heading: "Pooled over every closed session, per achievement",
            method: "All closed sessions of the achievement pooled, whatever the period: agreement over every artefact × criterion of "
                + "every session, mean drift over every artefact. The ranking multiplier is how search weighs this achievement's "
                + "badges (1 is neutral; between 0.5 and 1.5).",
            table: ReportTable(
                id: "achievements",
                columns: [
                    ReportColumn("achievement", "Achievement"), ReportColumn("sessions", "Sessions"), ReportColumn("artefacts", "Artefacts"),
                    ReportColumn("alpha", "Agreement (α)"), ReportColumn("drift_mean_levels", "Mean drift (levels)"),
                    ReportColumn("hiring_bar_rate", "Meets hiring bar"), ReportColumn("ranking_multiplier", "Ranking multiplier"),
                ],
                rows: table.sorted { $0.0 < $1.0 }.map(\.1)
            )
        )
        return (section, latest)
    }

    private func proposals(_ ids: [UUID], names: [UUID: String]) async throws -> Built {
        let rows = try await client.query(
            """
            SELECT r.achievement_id, v.number, p.kind, p.criterion_id, coalesce(p.detail ->> 'rationale', ''), s.title, p.created_at
            FROM revision_proposals p JOIN rubrics r ON r.id = p.rubric_id JOIN rubric_versions v ON v.id = p.rubric_version_id
            JOIN calibration_sessions s ON s.id = p.session_id
            WHERE r.achievement_id = ANY(\(ids)) AND p.status = 'open'
            ORDER BY p.created_at, p.position
            """,
            logger: logger
        )
        var table: [[ReportValue]] = []
        var latest: Date?
        for try await (achievement, version, kind, criterion, rationale, session, created) in rows.decode(
            (UUID, Int, String, String, String, String, Date).self
        ) {
            table.append([
                .text(names[achievement] ?? ""), .integer(version), .text(kind.replacingOccurrences(of: "_", with: " ")), .text(criterion),
                .text(rationale), .text(session), .text(ReportRequest.dayText(created)),
            ])
            latest = max(latest ?? created, created)
        }
        let section = ReportSection(
            heading: "Revision proposals still open",
            method: "Every proposal calibration sessions made that the curriculum team has not yet accepted, edited or rejected, "
                + "whenever it was made; the rationale is the one the session gave, with its figures.",
            table: ReportTable(
                id: "proposals",
                columns: [
                    ReportColumn("achievement", "Achievement"), ReportColumn("rubric_version", "Rubric version"), ReportColumn("kind", "Proposal"),
                    ReportColumn("criterion", "Criterion"), ReportColumn("rationale", "Rationale"), ReportColumn("session", "Session"),
                    ReportColumn("proposed_on", "Proposed"),
                ],
                rows: table
            )
        )
        return (section, latest)
    }

    private func revisions(_ ids: [UUID], names: [UUID: String]) async throws -> Built {
        let rows = try await client.query(
            """
            SELECT r.achievement_id, v.number, v.source, v.effective_from, v.created_at, cardinality(v.answered_proposal_ids), coalesce(v.note, '')
            FROM rubric_versions v JOIN rubrics r ON r.id = v.rubric_id
            WHERE r.achievement_id = ANY(\(ids))
            ORDER BY r.achievement_id, v.number
            """,
            logger: logger
        )
        var table: [(String, Int, [ReportValue])] = []
        var latest: Date?
        for try await (achievement, number, source, effective, created, answered, note) in rows.decode(
            (UUID, Int, String, Date?, Date, Int, String).self
        ) {
            let name = names[achievement] ?? ""
            table.append(
                (
                    name, number,
                    [
                        .text(name), .integer(number), .text(source), .text(effective.map(ReportRequest.dayText) ?? "from the start"),
                        .text(ReportRequest.dayText(created)), .integer(answered), .text(note),
                    ]
                )
            )
            latest = max(latest ?? created, created)
        }
        let section = ReportSection(
            heading: "Revision history",
            method: "Every version of each rubric, oldest first: where it came from (definition: read from the badge's result "
                + "descriptions; authored: written by the curriculum team; revision: answering calibration proposals), the date "
                + "from which credentials are assessed under it, and how many proposals it answered.",
            table: ReportTable(
                id: "revisions",
                columns: [
                    ReportColumn("achievement", "Achievement"), ReportColumn("version", "Version"), ReportColumn("source", "Source"),
                    ReportColumn("effective_from", "In effect from"), ReportColumn("created_on", "Created"),
                    ReportColumn("answered_proposals", "Proposals answered"), ReportColumn("note", "Note"),
                ],
                rows: table.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
            )
        )
        return (section, latest)
    }

    private static func integer(_ value: Int?) -> ReportValue { value.map { .integer($0) } ?? .missing }
    private static func decimal(_ value: Double?, _ places: Int) -> ReportValue { value.map { .decimal($0, places: places) } ?? .missing }
}
