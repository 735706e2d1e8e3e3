import Calibration
import Foundation
import Logging
import PostgresNIO
import StrictJSON

/// Calibration sessions in PostgreSQL: creation with the sample drawn, invitations, ratings, opening and closing.
struct CalibrationStore: Sendable {
    let client: PostgresClient
    let logger: Logger

    /// What a new session asks for; pointers in errors name these fields as the request body spells them.
    struct NewSession: Sendable {
        var title: String
        var organization: UUID
        var organizationKind: OrganizationKind
        var achievement: UUID
        /// nil: the rubric's latest version.
        var rubricVersion: Int?
        var reviewerKeys: [UUID]
        var reviewerOrganizations: [UUID]
        var sampleSize: Int
        var stratified: Bool
        /// nil: the rubric's first criterion.
        var stratifyBy: String?
        var allocation: SampleDraw.Allocation
        var seed: Int64
        var showIssuerLevel: Bool
        var hiringBarRole: String?
    }

    /// Creates a draft session: checks the achievement, rubric version and reviewers, draws the sample and
    /// snapshots its evidence. Returns the session id.
    func create(_ new: NewSession, context: AuditContext) async throws -> UUID {
        try await client.transaction(logger: logger) { connection in
            guard new.organizationKind == .issuer || new.organizationKind == .employer else {
                throw Problem.forbidden("calibration sessions are run by issuer or employer organisations")
            }
            guard try await AchievementOwnership.achievementExists(new.achievement, on: connection, logger: logger) else {
                throw StoreError.invalid(pointer: "/achievementId", message: "no achievement with id \(new.achievement)")
            }
            if new.organizationKind == .issuer,
                try await !AchievementOwnership.owns(achievement: new.achievement, organization: new.organization, on: connection, logger: logger)
            {
                throw Problem.forbidden("an issuer organisation runs sessions for its own achievements only")
            }
            // Achievements stored before rubrics existed get theirs now.
            try await RubricSync.sync(achievements: [new.achievement], on: connection, logger: logger)
            guard let rubric = try await RubricStore.rubric(id: nil, achievement: new.achievement, on: connection, logger: logger) else {
                throw StoreError.invalid(pointer: "/achievementId", message: "the achievement has no rubric; author one with POST /v1/rubrics")
            }
            let versions = try await RubricStore.versions(of: rubric.id, on: connection, logger: logger)
            guard let version = new.rubricVersion.map({ number in versions.first { $0.version.number == number } }) ?? versions.last else {
                throw StoreError.invalid(pointer: "/rubricVersion", message: "the rubric has versions 1 to \(versions.count)")
            }
            try await checkReviewers(new, on: connection)
            let criterion = new.stratified ? (new.stratifyBy ?? version.version.criteria.first?.id) : nil
            guard !new.stratified || criterion.flatMap(version.version.criterion) != nil else {
                throw StoreError.invalid(pointer: "/sample/stratifyBy", message: "is not a criterion of rubric version \(version.version.number)")
            }
            let candidates = try await candidates(of: new.achievement, stratifyBy: criterion, on: connection)
            let order: [String?] = criterion.flatMap(version.version.criterion).map { $0.levels.map(\.id) } ?? [nil]
            let draw = SampleDraw(
                candidates: candidates, strata: order, size: new.sampleSize, allocation: new.allocation, seed: UInt64(bitPattern: new.seed)
            )
            guard !draw.chosen.isEmpty else {
                throw StoreError.invalid(
                    pointer: "/achievementId", message: "no earned credential of this achievement has evidence (and an issuer level) to sample"
                )
            }
            let strata = JSONValue.array(
                draw.strata.map {
                    .object(JSONObject(compacting: ["levelId": .text($0.key), "available": .number($0.available), "drawn": .number($0.drawn)]))
                }
            )
            let rows = try await connection.query(
                """
                INSERT INTO calibration_sessions (organization_id, achievement_id, rubric_version_id, title, show_issuer_level, hiring_bar_role,
                    sample_requested, sample_stratified, sample_stratify_by, sample_allocation, sample_seed, sample_strata, created_by)
                VALUES (\(new.organization), \(new.achievement), \(version.id), \(new.title), \(new.showIssuerLevel), \(new.hiringBarRole),
                    \(new.sampleSize), \(new.stratified), \(criterion), \(new.allocation.rawValue), \(new.seed), \(strata.serialized())::jsonb,
                    \(context.actor.keyID))
                RETURNING id
                """,
                logger: logger
            )
            guard let id = try await rows.decode(UUID.self).first(where: { _ in true }) else {
                throw StoreError.conflict("the session was not created")
            }
            let invitations = JSONValue.array(
                new.reviewerKeys.map { ["key_id": .string($0.uuidString)] }
                    + new.reviewerOrganizations.map { ["organization_id": .string($0.uuidString)] }
            )
            try await connection.query(
                """
                INSERT INTO calibration_reviewers (session_id, key_id, organization_id)
                SELECT DISTINCT \(id)::uuid, x.key_id, x.organization_id
                FROM jsonb_to_recordset(\(invitations.serialized())::jsonb) AS x(key_id uuid, organization_id uuid)
                """,
                logger: logger
            )
            try await snapshot(draw, session: id, stratifyBy: criterion, on: connection)
            try await AuditLog.record(
                "calibration_session.create", recordType: "calibration_session", recordID: id.uuidString,
                detail: [
                    "achievementId": .string(new.achievement.uuidString), "rubricVersion": .number(JSONNumber(version.version.number)),
                    "artefacts": .number(JSONNumber(draw.chosen.count)), "seed": .number(JSONNumber(Int(new.seed))),
                ],
                context: context, on: connection, logger: logger
            )
            return id
        }
    }

    /// Invited keys must be live hiring-manager keys; invited organisations must be employers.
    private func checkReviewers(_ new: NewSession, on connection: PostgresConnection) async throws {
        guard !new.reviewerKeys.isEmpty || !new.reviewerOrganizations.isEmpty else {
            throw StoreError.invalid(pointer: "/reviewers", message: "invite at least one hiring manager's key or organisation")
        }
        let keys = try await connection.query(
            "SELECT id FROM api_keys WHERE id = ANY(\(new.reviewerKeys)::uuid[]) AND role = 'hiring_manager' AND revoked_at IS NULL",
            logger: logger
        )
        var live = Set<UUID>()
        for try await id in keys.decode(UUID.self) { live.insert(id) }
        if let index = new.reviewerKeys.firstIndex(where: { !live.contains($0) }) {
            throw StoreError.invalid(pointer: "/reviewers/keys" / index, message: "is not a live key with role hiring_manager")
        }
        let organizations = try await connection.query(
            "SELECT id FROM organizations WHERE id = ANY(\(new.reviewerOrganizations)::uuid[]) AND kind = 'employer'",
            logger: logger
        )
        var employers = Set<UUID>()
        for try await id in organizations.decode(UUID.self) { employers.insert(id) }
        if let index = new.reviewerOrganizations.firstIndex(where: { !employers.contains($0) }) {
            throw StoreError.invalid(pointer: "/reviewers/organizations" / index, message: "is not an employer organisation")
        }
    }

    /// Earned credentials of the achievement with evidence: newest versions, not failed, revoked or suspended, each
    /// with the issuer's level on the stratification criterion.
    private func candidates(of achievement: UUID, stratifyBy criterion: String?, on connection: PostgresConnection) async throws
        -> [(id: UUID, stratum: String?)]
    {
        let rows = try await connection.query(
            """
            SELECT c.id, r.level_uri
            FROM credentials c
            LEFT JOIN LATERAL (
                SELECT level_uri FROM credential_results
                WHERE credential_id = c.id AND \(criterion)::text IS NOT NULL AND result_description_uri = \(criterion)
                ORDER BY position LIMIT 1
            ) r ON true
            WHERE c.achievement_id = \(achievement) AND c.superseded_by IS NULL
              AND c.verification NOT IN ('failed', 'revoked', 'suspended')
              AND EXISTS (SELECT 1 FROM evidence e WHERE e.credential_id = c.id)
            """,
            logger: logger
        )
        var candidates: [(id: UUID, stratum: String?)] = []
        for try await (id, level) in rows.decode((UUID, String?).self) { candidates.append((id, criterion == nil ? nil : level)) }
        return candidates
    }

    /// Writes the artefacts: labels in presentation order, the issuer's levels, and the evidence as it is now, with
    /// nothing that names the earner.
    private func snapshot(_ draw: SampleDraw, session: UUID, stratifyBy criterion: String?, on connection: PostgresConnection) async throws {
        let width = max(2, String(draw.chosen.count).count)
        let items = JSONValue.array(
            draw.chosen.enumerated().map { position, credential in
                let number = String(position + 1)
                let label = "A" + String(repeating: "0", count: max(0, width - number.count)) + number
                return [
                    "credential_id": .string(credential.uuidString), "position": .number(JSONNumber(position + 1)), "label": .string(label),
                ]
            }
        )
        try await connection.query(
            """
            INSERT INTO calibration_artifacts (session_id, position, label, credential_id, stratum, issuer_levels, evidence)
            SELECT \(session), x.position, x.label, c.id,
                   (SELECT r.level_uri FROM credential_results r WHERE r.credential_id = c.id AND r.result_description_uri = \(criterion)
                    ORDER BY r.position LIMIT 1),
                   coalesce((
                       SELECT jsonb_object_agg(first.result_description_uri, first.level_uri) FROM (
                           SELECT DISTINCT ON (r.result_description_uri) r.result_description_uri, r.level_uri
                           FROM credential_results r
                           WHERE r.credential_id = c.id AND r.result_description_uri IS NOT NULL AND r.level_uri IS NOT NULL
                           ORDER BY r.result_description_uri, r.position
                       ) first
                   ), '{}'),
                   coalesce((
                       SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object(
                           'url', e.url, 'name', e.name, 'narrative', e.narrative, 'description', e.description, 'genre', e.genre
                       )) ORDER BY e.position)
                       FROM evidence e WHERE e.credential_id = c.id
                   ), '[]')
            FROM jsonb_to_recordset(\(items.serialized())::jsonb) AS x(credential_id uuid, position integer, label text)
            JOIN credentials c ON c.id = x.credential_id
            """,
            logger: logger
        )
    }
}
