public import Foundation
public import Logging
public import PostgresNIO
import Skills
import StrictJSON

/// Resolves achievements' alignments to skill concepts with the Skills library's plans: identifiers first, then
/// text; each result records the concept, the rule, the confidence and whether a person should review it.
/// Rows an issuer confirmed or corrected are never touched.
public struct AlignmentResolver: Sendable {
    let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    /// Re-resolves the automatic alignments of these achievements, on the caller's connection (inside its transaction).
    @discardableResult
    public func resolve(achievements: [UUID], on connection: PostgresConnection) async throws -> Int {
        guard !achievements.isEmpty else { return 0 }
        let rows = try await connection.query(
            """
            SELECT al.id, al.achievement_id, al.source, al.target_type, al.target_framework, al.target_code, al.target_url,
                   al.target_name, a.name
            FROM achievement_alignments al JOIN achievements a ON a.id = al.achievement_id
            WHERE al.achievement_id = ANY(\(achievements)::uuid[]) AND al.review = 'automatic'
            ORDER BY al.achievement_id, al.source = 'name', al.id
            """,
            logger: logger
        )
        var pending: [(id: Int, achievement: UUID, source: String, target: AlignmentTarget)] = []
        for try await (id, achievement, source, type, framework, code, url, name, achievementName) in rows.decode(
            (Int, UUID, String, String?, String?, String?, String?, String?, String).self
        ) {
            let target: AlignmentTarget
            switch source {
            case "tag": target = AlignmentTarget(tags: [name ?? ""])
            case "name": target = AlignmentTarget(achievementName: achievementName)
            default: target = AlignmentTarget(targetType: type, targetFramework: framework, targetCode: code, targetUrl: url, targetName: name)
            }
            pending.append((id, achievement, source, target))
        }
        let skills = SkillStore(connection, logger: logger)
        var resolvedAchievements = Set<UUID>()
        var updates: [JSONValue] = []
        for row in pending {
            // The achievement's name stands in only when nothing else about it resolved.
            if row.source == "name", resolvedAchievements.contains(row.achievement) {
                updates.append(["id": .number(JSONNumber(row.id)), "skip": true])
                continue
            }
            let resolution = try await resolve(row.target, skills: skills, on: connection)
            if resolution != nil { resolvedAchievements.insert(row.achievement) }
            updates.append(
                .object(
                    JSONObject(compacting: [
                        "id": .number(JSONNumber(row.id)), "skill_id": .number(resolution?.concept), "rule": .text(resolution?.rule.rawValue),
                        "confidence": .number(resolution?.confidence), "needs_review": .bool(resolution?.needsReview ?? true),
                        "rivals": .array((resolution?.rivals ?? []).map { .number(JSONNumber($0)) }), "skip": false,
                    ])
                )
            )
        }
        try await connection.query(
            """
            UPDATE achievement_alignments al SET
                skill_id = CASE WHEN x.skip THEN NULL ELSE x.skill_id END, rule = CASE WHEN x.skip THEN 'not_needed' ELSE x.rule END,
                confidence = x.confidence, needs_review = coalesce(x.needs_review, false) AND NOT x.skip,
                rivals = ARRAY(SELECT jsonb_array_elements_text(coalesce(x.rivals, '[]'))::integer), resolved_at = now()
            FROM jsonb_to_recordset(\(JSONValue.array(updates).serialized())::jsonb)
                AS x(id bigint, skill_id integer, rule text, confidence real, needs_review boolean, rivals jsonb, skip boolean)
            WHERE al.id = x.id
            """,
            logger: logger
        )
        try await SearchIndex.refresh(achievements: achievements, on: connection, logger: logger)
        return updates.count
    }

    /// Re-resolves every automatic alignment, a batch of achievements per transaction (after a framework changes).
    @discardableResult
    public func resolveAll(client: PostgresClient, batchSize: Int = 200) async throws -> Int {
        let rows = try await client.query(
            "SELECT DISTINCT achievement_id FROM achievement_alignments WHERE review = 'automatic' ORDER BY achievement_id",
            logger: logger
        )
        var achievements: [UUID] = []
        for try await id in rows.decode(UUID.self) { achievements.append(id) }
        var resolved = 0
        for start in stride(from: 0, to: achievements.count, by: batchSize) {
            let batch = Array(achievements[start..<min(start + batchSize, achievements.count)])
            resolved += try await client.transaction(logger: logger) { connection in
                try await resolve(achievements: batch, on: connection)
            }
        }
        return resolved
    }

    /// Runs a plan's look-ups in order until it is settled, then selects the concept.
    func resolve(_ target: AlignmentTarget, skills: SkillStore, on connection: PostgresConnection) async throws -> ResolvedAlignment<Int>? {
        let plan = ResolutionPlan(for: target)
        var candidates: [ResolutionCandidate<Int>] = []
        for (index, planned) in plan.lookups.enumerated() {
            switch planned.lookup {
            case .reference(let reference):
                for match in try await skills.concepts(referencedBy: [reference]) {
                    candidates.append(ResolutionCandidate(concept: match.skillID, rule: planned.rules[0], confidence: planned.confidence, lookupIndex: index))
                }
            case .frameworkCode(let framework, let code):
                for id in try await conceptIDs(code: code, framework: framework, on: connection) {
                    candidates.append(ResolutionCandidate(concept: id, rule: planned.rules[0], confidence: planned.confidence, lookupIndex: index))
                }
            case .itemURL(let url):
                let rows = try await connection.query("SELECT id FROM skills WHERE url = \(url)", logger: logger)
                for try await id in rows.decode(Int.self) {
                    candidates.append(ResolutionCandidate(concept: id, rule: planned.rules[0], confidence: planned.confidence, lookupIndex: index))
                }
            case .text(let text, let source):
                let matches = SkillStore.rank(try await skills.textCandidates(text, framework: nil), query: text, source: source, limit: 5)
                for match in matches {
                    candidates.append(ResolutionCandidate(concept: match.skillID, rule: match.rule, confidence: match.confidence, lookupIndex: index))
                }
            }
            if plan.isSettled(after: index, bestConfidence: candidates.map(\.confidence).max() ?? 0) { break }
        }
        return plan.select(candidates)
    }

    /// Concepts with this code in the named framework (ESCO, O*NET, or an imported framework by its normalised title).
    private func conceptIDs(code: String, framework: FrameworkName?, on connection: PostgresConnection) async throws -> [Int] {
        let builtIn: String?
        var customKey: String?
        switch framework {
        case .esco, .isco: builtIn = "esco"
        case .onet, .soc: builtIn = "onet"
        case .other(let key):
            builtIn = nil
            customKey = key
        default: builtIn = nil
        }
        let rows = try await connection.query(
            """
            SELECT s.id FROM skills s JOIN skill_frameworks f ON f.id = s.framework
            WHERE s.code = \(code)
              AND (\(builtIn)::text IS NULL OR s.framework = \(builtIn))
              AND (\(customKey)::text IS NULL OR f.name_key = \(customKey))
            ORDER BY s.id LIMIT 5
            """,
            logger: logger
        )
        var ids: [Int] = []
        for try await id in rows.decode(Int.self) { ids.append(id) }
        return ids
    }
}
