public import Foundation
public import Logging
public import PostgresNIO
import Skills
import StrictJSON

/// An achievement's alignments as resolution left them, for its issuer's curriculum team to review, and their
/// verdicts: confirm the concept, correct it to another, or reject the alignment. A verdict is final for the
/// resolver (re-resolution never touches reviewed rows) and reaches search in the same transaction.
public struct AlignmentReviewStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    public enum Verdict: Sendable, Equatable {
        case confirm
        /// The concept it should have resolved to: a numeric concept id, or a code or URI (ESCO, O*NET, item).
        case correct(concept: String)
        case reject
    }

    /// One alignment with what it resolved to.
    public struct Row: Sendable {
        public var id: Int
        public var achievementID: UUID
        public var achievementName: String
        public var source: String
        public var sourceRef: String
        public var targetType: String?
        public var targetFramework: String?
        public var targetCode: String?
        public var targetURL: String?
        public var targetName: String?
        public var concept: ConceptSummary?
        public var rule: String?
        public var confidence: Double?
        public var needsReview: Bool
        public var rivals: [ConceptSummary]
        public var review: String
        public var resolvedAt: Date?
    }

    /// Whose alignments a caller may see and review: everyone's (platform admin) or one organisation's achievements.
    public enum Scope: Sendable {
        case all
        case organization(UUID)

        public init(_ principal: Principal) {
            self = principal.isPlatformAdmin ? .all : .organization(principal.organizationID)
        }
    }

    /// Alignments of one achievement (or one alignment of it), or of every achievement in scope; optionally only those
    /// awaiting review. Ordered by id; `after` continues a page.
    public func list(achievement: UUID?, alignment: Int? = nil, scope: Scope, needingReview: Bool, after: Int?, limit: Int) async throws -> [Row] {
        let organization: UUID? = if case .organization(let id) = scope { id } else { nil }
        let rows = try await client.query(
            """
            SELECT al.id, a.id, a.name, al.source, al.source_ref, al.target_type, al.target_framework, al.target_code, al.target_url,
                   al.target_name, s.id, s.framework, s.code, s.preferred_label, s.kind, al.rule, al.confidence::float8,
                   al.needs_review, al.review, al.resolved_at,
                   coalesce((SELECT jsonb_agg(jsonb_build_array(r.id, r.framework, r.code, r.preferred_label, r.kind) ORDER BY r.id)
                             FROM skills r WHERE r.id = ANY(al.rivals)), '[]')::text
            FROM achievement_alignments al
            JOIN achievements a ON a.id = al.achievement_id
            JOIN issuers i ON i.id = a.issuer_id
            LEFT JOIN skills s ON s.id = al.skill_id
            WHERE (\(achievement)::uuid IS NULL OR al.achievement_id = \(achievement))
              AND (\(alignment)::bigint IS NULL OR al.id = \(alignment))
              AND (NOT \(needingReview) OR (al.review = 'automatic' AND (al.needs_review OR al.skill_id IS NULL)))
              AND (\(after)::bigint IS NULL OR al.id > \(after))
              AND (\(organization)::uuid IS NULL OR i.organization_id = \(organization) OR EXISTS (
                  SELECT 1 FROM credentials c JOIN api_keys k ON k.id = c.received_by
                  WHERE c.achievement_id = a.id AND k.organization_id = \(organization)))
            ORDER BY al.id
            LIMIT \(limit)
            """,
            logger: logger
        )
        var result: [Row] = []
        for try await row in rows.decode(
            (Int, UUID, String, String, String, String?, String?, String?, String?, String?, Int?, String?, String?, String?, String?,
                String?, Double?, Bool, String, Date?, String).self
        ) {
            let concept = row.10.map { ConceptSummary(id: $0, framework: row.11 ?? "", code: row.12 ?? "", label: row.13 ?? "", kind: row.14 ?? "") }
            result.append(
                Row(
                    id: row.0, achievementID: row.1, achievementName: row.2, source: row.3, sourceRef: row.4, targetType: row.5,
                    targetFramework: row.6, targetCode: row.7, targetURL: row.8, targetName: row.9, concept: concept, rule: row.15,
                    confidence: row.16, needsReview: row.17, rivals: Self.rivals(row.20), review: row.18, resolvedAt: row.19
                )
            )
        }
        return result
    }

    /// Records a verdict on one alignment of an achievement the caller's organisation owns (any, for platform admins),
    /// and rebuilds the achievement's search rows. Returns the alignment as it now stands.
    public func review(_ verdict: Verdict, alignment: Int, of achievement: UUID, principal: Principal, context: AuditContext) async throws -> Row {
        let scope = Scope(principal)
        try await client.transaction(logger: logger) { connection in
            if case .organization(let organization) = scope {
                guard try await AchievementOwnership.owns(achievement: achievement, organization: organization, on: connection, logger: logger) else {
                    throw StoreError.notFound(what: "achievement", id: achievement.uuidString)
                }
            }
            let current = try await connection.query(
                "SELECT skill_id FROM achievement_alignments WHERE id = \(alignment) AND achievement_id = \(achievement) FOR UPDATE",
                logger: logger
            )
            var found = false
            var skill: Int?
            for try await value in current.decode(Int?.self) { (found, skill) = (true, value) }
            guard found else { throw StoreError.notFound(what: "alignment", id: String(alignment)) }

            var detail: JSONObject = [:]
            switch verdict {
            case .confirm:
                guard skill != nil else {
                    throw Problem.invalid([.init(pointer: "/verdict", detail: "this alignment resolved to no concept; correct it instead", code: "nothing_to_confirm")])
                }
                try await connection.query(
                    """
                    UPDATE achievement_alignments SET review = 'confirmed', needs_review = false, reviewed_by = \(principal.keyID)
                    WHERE id = \(alignment)
                    """,
                    logger: logger
                )
                detail["verdict"] = "confirm"
            case .correct(let reference):
                guard let concept = try await Self.conceptID(reference, on: connection, logger: logger) else {
                    throw Problem.invalid([.init(pointer: "/concept", detail: "no concept has the id or code \(reference)", code: "unknown_concept")])
                }
                try await connection.query(
                    """
                    UPDATE achievement_alignments SET review = 'corrected', skill_id = \(concept), rule = \(ResolutionRule.issuerCorrection.rawValue),
                        confidence = 1, needs_review = false,
                        rivals = '{}', reviewed_by = \(principal.keyID), resolved_at = now()
                    WHERE id = \(alignment)
                    """,
                    logger: logger
                )
                detail = ["verdict": "correct", "from": skill.map { .number(JSONNumber($0)) } ?? .null, "to": .number(JSONNumber(concept))]
            case .reject:
                try await connection.query(
                    """
                    UPDATE achievement_alignments SET review = 'rejected', needs_review = false, reviewed_by = \(principal.keyID)
                    WHERE id = \(alignment)
                    """,
                    logger: logger
                )
                detail["verdict"] = "reject"
            }
            try await SearchIndex.refresh(achievements: [achievement], on: connection, logger: logger)
            try await AuditLog.record(
                "alignment.review", recordType: "achievement_alignment", recordID: String(alignment), detail: detail, context: context,
                on: connection, logger: logger
            )
        }
        guard let row = try await list(achievement: achievement, alignment: alignment, scope: .all, needingReview: false, after: nil, limit: 1).first else {
            throw StoreError.notFound(what: "alignment", id: String(alignment))
        }
        return row
    }

    /// A concept by numeric id, or by code or URI (the first when a code occurs in several frameworks).
    static func conceptID(_ reference: String, on connection: PostgresConnection, logger: Logger) async throws -> Int? {
        let numeric = Int(reference)
        let rows = try await connection.query(
            """
            SELECT id FROM skills
            WHERE (\(numeric)::integer IS NOT NULL AND id = \(numeric)) OR (\(numeric)::integer IS NULL AND (code = \(reference) OR url = \(reference)))
            ORDER BY id LIMIT 1
            """,
            logger: logger
        )
        for try await id in rows.decode(Int.self) { return id }
        return nil
    }

    private static func rivals(_ json: String) -> [ConceptSummary] {
        guard let list = (try? JSONParser.parse(json))?.arrayValue else { return [] }
        return list.compactMap { item in
            guard let fields = item.arrayValue, fields.count == 5, let id = fields[0].numberValue?.intValue else { return nil }
            return ConceptSummary(
                id: id, framework: fields[1].stringValue ?? "", code: fields[2].stringValue ?? "", label: fields[3].stringValue ?? "",
                kind: fields[4].stringValue ?? ""
            )
        }
    }
}
