import Foundation
import Logging
import PostgresNIO
import Reporting

/// The alignment report: each achievement's alignments and the skill concepts they resolved to (and how), and how
/// much of target occupations an achievement, or a pathway of stacked achievements, covers: an ESCO occupation's
/// essential skills, an O*NET occupation's important skills and knowledge (importance at least 3.5 of 5).
///
/// A requirement counts as covered when the unit is aligned to the concept itself or to a narrower one (one step
/// down ESCO's hierarchy), using the alignments search uses: resolved, not rejected, and either reviewed or
/// confident (at least 0.5), so a weak guess cannot claim coverage.
struct AlignmentReport {
    let client: PostgresClient
    let logger: Logger

    static let importantRating = 3.5
    /// Occupations shown per unit when the request names none: those with the most requirements covered.
    static let occupationsPerUnit = 5
    /// Coverage is computed for at most this many units (achievements, plus the pathway).
    static let maxUnits = 50

    struct Unit {
        let label: String
        let skills: [Int]
    }

    func build(_ scope: ReportScope, now: Date) async throws -> ReportDocument {
        let (alignments, skillsByAchievement, latest) = try await self.alignments(scope)
        var units = scope.achievements.map { Unit(label: $0.name, skills: skillsByAchievement[$0.id] ?? []) }
        if !scope.request.pathway.isEmpty {
            let stacked = Set(scope.achievements.flatMap { skillsByAchievement[$0.id] ?? [] })
            units.insert(Unit(label: "Pathway: " + scope.achievements.map(\.name).joined(separator: " + "), skills: stacked.sorted()), at: 0)
        }
        let covered = Array(units.prefix(Self.maxUnits))
        var coverage: [[ReportValue]] = []
        var missing: [[ReportValue]] = []
        var bars: [BarChart.Bar] = []
        let requested = scope.request.occupations.isEmpty ? nil : try await named(scope.request.occupations)
        for unit in covered where !unit.skills.isEmpty {
            var occupations = requested ?? []
            if requested == nil { occupations = try await candidates(unit.skills) }
            for requirement in try await requirements(of: occupations, coveredBy: unit.skills) {
                let rate = requirement.required > 0 ? Double(requirement.covered.count) / Double(requirement.required) : 0
                coverage.append([
                    .text(unit.label), .text(requirement.label), .text(requirement.framework), .text(requirement.code),
                    .integer(requirement.required), .integer(requirement.covered.count), .rate(rate, places: 1),
                    .text(requirement.covered.joined(separator: "; ")),
                ])
                missing += requirement.missing.map { [.text(unit.label), .text(requirement.label), .text($0.label), .text($0.code)] }
                bars.append(
                    BarChart.Bar(
                        label: "\(unit.label): \(requirement.label)", value: rate,
                        valueText: "\(NumberText.percent(rate, places: 0)) (\(requirement.covered.count) of \(requirement.required))"
                    )
                )
            }
        }
        var notes: [String] = []
        if units.count > Self.maxUnits {
            notes.append("Coverage is shown for the first \(Self.maxUnits) of \(units.count) achievements; filter to see others.")
        }
        return scope.document(
            name: "alignment", title: "Alignment: skills and occupation coverage",
            summary: "What each achievement is aligned to and how each alignment was resolved to a framework concept, and how much of "
                + "target occupations' required skills each achievement\(scope.request.pathway.isEmpty ? "" : " and the pathway") covers.",
            dataAsOf: latest, now: now,
            sections: [
                alignmentSection(alignments),
                ReportSection(
                    heading: "Coverage of target occupations",
                    method: "Required skills: an ESCO occupation's essential skills and knowledge, or an O*NET occupation's skills and "
                        + "knowledge rated at least \(NumberText.decimal(Self.importantRating, places: 1)) of 5 in importance. Covered: "
                        + "the achievement (or any achievement of the pathway) is aligned to the skill or to a narrower ESCO skill; only "
                        + "alignments confirmed by the issuer or resolved with confidence at least 0.5 count. "
                        + (scope.request.occupations.isEmpty
                            ? "Occupations: for each achievement, the \(Self.occupationsPerUnit) whose requirements it covers most."
                            : "Occupations: those named in the request."),
                    table: ReportTable(
                        id: "coverage",
                        columns: [
                            ReportColumn("unit", "Achievement or pathway"), ReportColumn("occupation", "Occupation"),
                            ReportColumn("framework", "Framework"), ReportColumn("occupation_code", "Code"),
                            ReportColumn("required", "Required skills"), ReportColumn("covered", "Covered"),
                            ReportColumn("coverage", "Coverage"), ReportColumn("covered_skills", "Skills covered"),
                        ],
                        rows: coverage
                    ),
                    chart: .bars(
                        BarChart(
                            title: "Coverage of occupations' required skills", description: "Share of each occupation's required skills covered.",
                            bars: Array(bars.prefix(20)), maximum: 1, tickFormat: .percent(places: 0), idPrefix: "alignment-coverage"
                        )
                    ),
                    notes: notes
                ),
                ReportSection(
                    heading: "Required skills not covered",
                    method: "For each occupation above, every required skill that no alignment of the achievement or pathway covers.",
                    table: ReportTable(
                        id: "missing",
                        columns: [
                            ReportColumn("unit", "Achievement or pathway"), ReportColumn("occupation", "Occupation"),
                            ReportColumn("skill", "Missing skill"), ReportColumn("skill_code", "Code"),
                        ],
                        rows: missing
                    )
                ),
            ]
        )
    }

    private func alignments(_ scope: ReportScope) async throws -> ([[ReportValue]], [UUID: [Int]], Date?) {
        let rows = try await client.query(
            """
            SELECT al.achievement_id, al.source, coalesce(al.target_name, al.target_code, al.target_url, ''), coalesce(al.target_framework, ''),
                   al.skill_id, k.preferred_label, k.framework, k.code, al.rule, al.confidence::float8, al.review,
                   al.skill_id IS NOT NULL AND al.review <> 'rejected' AND al.rule IS DISTINCT FROM 'not_needed'
                       AND (al.review IN ('confirmed', 'corrected') OR coalesce(al.confidence, 1) >= 0.5),
                   al.resolved_at
            FROM achievement_alignments al LEFT JOIN skills k ON k.id = al.skill_id
            WHERE al.achievement_id = ANY(\(scope.ids)) AND al.rule IS DISTINCT FROM 'not_needed'
            ORDER BY al.achievement_id, al.id
            """,
            logger: logger
        )
        let names = Dictionary(uniqueKeysWithValues: scope.achievements.map { ($0.id, $0.name) })
        var table: [(String, [ReportValue])] = []
        var skills: [UUID: [Int]] = [:]
        var latest: Date?
        for try await (achievement, source, target, framework, skill, label, skillFramework, code, rule, confidence, review, counts, resolved)
            in rows.decode((UUID, String, String, String, Int?, String?, String?, String?, String?, Double?, String, Bool, Date?).self)
        {
            let name = names[achievement] ?? ""
            table.append(
                (
                    name,
                    [
                        .text(name), .text(source.replacingOccurrences(of: "_", with: " ")), .text(target), .text(framework),
                        .text(label ?? "not resolved"), .text(skillFramework ?? ""), .text(code ?? ""),
                        .text(rule?.replacingOccurrences(of: "_", with: " ") ?? ""), confidence.map { .decimal($0, places: 2) } ?? .missing,
                        .text(review), .text(counts ? "yes" : "no"),
                    ]
                )
            )
            if counts, let skill { skills[achievement, default: []].append(skill) }
            if let resolved { latest = max(latest ?? resolved, resolved) }
        }
        return (table.sorted { $0.0 < $1.0 }.map(\.1), skills, latest)
    }

    private func alignmentSection(_ rows: [[ReportValue]]) -> ReportSection {
        ReportSection(
            heading: "Alignments and how they were resolved",
            method: "Every alignment the achievement's definition carries (on the achievement, its result descriptions or rubric "
                + "levels, its tags; the name only when nothing else aligns it), as received, and the framework concept it was resolved to: by URL or code, exact label, "
                + "full-text or close match, with the resolver's confidence (0 to 1) and the issuer's review. Counts: whether search "
                + "and coverage use it (resolved, not rejected, and confirmed or confidence at least 0.5).",
            table: ReportTable(
                id: "alignments",
                columns: [
                    ReportColumn("achievement", "Achievement"), ReportColumn("source", "Where"), ReportColumn("target", "As received"),
                    ReportColumn("target_framework", "Framework named"), ReportColumn("concept", "Resolved concept"),
                    ReportColumn("framework", "Framework"), ReportColumn("code", "Code"), ReportColumn("rule", "How resolved"),
                    ReportColumn("confidence", "Confidence"), ReportColumn("review", "Review"), ReportColumn("counts", "Counts"),
                ],
                rows: rows
            )
        )
    }

    /// The occupations whose requirements `skills` cover most (covered count, then share).
    private func candidates(_ skills: [Int]) async throws -> [Int] {
        let rows = try await client.query(
            """
            WITH covered AS (
                SELECT unnest(\(skills)::int[]) AS skill_id
                UNION SELECT r.to_skill FROM skill_relations r WHERE r.kind = 'broader' AND r.from_skill = ANY(\(skills))
            ), requirements AS (
                SELECT r.from_skill AS occupation, r.to_skill AS skill FROM skill_relations r
                WHERE r.kind = 'essential' OR (r.kind = 'rated' AND r.weight >= \(Self.importantRating))
            )
            SELECT q.occupation FROM requirements q
            WHERE q.occupation IN (SELECT q2.occupation FROM requirements q2 JOIN covered c ON c.skill_id = q2.skill)
            GROUP BY q.occupation
            ORDER BY count(*) FILTER (WHERE q.skill IN (SELECT skill_id FROM covered)) DESC,
                     count(*) FILTER (WHERE q.skill IN (SELECT skill_id FROM covered))::float8 / count(*) DESC, q.occupation
            LIMIT \(Self.occupationsPerUnit)
            """,
            logger: logger
        )
        var ids: [Int] = []
        for try await id in rows.decode(Int.self) { ids.append(id) }
        return ids
    }

    /// The occupations the request names, in its order; an unknown code is the caller's error, not an empty row.
    private func named(_ codes: [String]) async throws -> [Int] {
        let rows = try await client.query("SELECT code, id FROM skills WHERE kind = 'occupation' AND code = ANY(\(codes))", logger: logger)
        var ids: [String: Int] = [:]
        for try await (code, id) in rows.decode((String, Int).self) { ids[code] = id }
        let unknown = codes.enumerated().filter { ids[$0.element] == nil }
        if !unknown.isEmpty {
            throw Problem.invalid(
                unknown.map { .init(pointer: "#/query/occupation/\($0.offset)", detail: "is not the code of an occupation in any loaded framework") }
            )
        }
        return codes.compactMap { ids[$0] }
    }

    struct Requirement {
        let label: String
        let framework: String
        let code: String
        let required: Int
        let covered: [String]
        let missing: [(label: String, code: String)]
    }

    /// Each occupation's required skills, split into covered and missing, in the order the occupations were given.
    private func requirements(of occupations: [Int], coveredBy skills: [Int]) async throws -> [Requirement] {
        let rows = try await client.query(
            """
            WITH covered AS (
                SELECT unnest(\(skills)::int[]) AS skill_id
                UNION SELECT r.to_skill FROM skill_relations r WHERE r.kind = 'broader' AND r.from_skill = ANY(\(skills))
            )
            SELECT o.id, o.preferred_label, o.framework, o.code, k.preferred_label, k.code, k.id IN (SELECT skill_id FROM covered)
            FROM skill_relations r JOIN skills o ON o.id = r.from_skill JOIN skills k ON k.id = r.to_skill
            WHERE r.from_skill = ANY(\(occupations)) AND (r.kind = 'essential' OR (r.kind = 'rated' AND r.weight >= \(Self.importantRating)))
            ORDER BY k.preferred_label
            """,
            logger: logger
        )
        var found: [Int: (label: String, framework: String, code: String, covered: [String], missing: [(label: String, code: String)])] = [:]
        for try await (id, label, framework, code, skill, skillCode, isCovered) in rows.decode(
            (Int, String, String, String, String, String, Bool).self
        ) {
            var entry = found[id] ?? (label, framework, code, [], [])
            if isCovered { entry.covered.append(skill) } else { entry.missing.append((skill, skillCode)) }
            found[id] = entry
        }
        return occupations.compactMap { id in
            found[id].map {
                Requirement(
                    label: $0.label, framework: $0.framework, code: $0.code, required: $0.covered.count + $0.missing.count, covered: $0.covered,
                    missing: $0.missing
                )
            }
        }
    }
}
