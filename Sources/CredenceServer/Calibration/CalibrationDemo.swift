import Calibration
public import Foundation
public import Logging
public import PostgresNIO
import Reporting
import StrictJSON

/// The demo calibration session for `credence seed --demo`: five hiring managers from two employers rate a
/// stratified sample of a demo achievement's evidence, with comments and hiring-bar answers, and the session closes
/// so its report, proposals and the achievement's calibration summary are there to explore.
///
/// Ratings are simulated, reproducibly: each artefact's true standing is the issuer's level plus a shared offset,
/// each reviewer leans a little (Fabrikam's reviewers are stricter), and the second criterion is noisier, as a
/// criterion with vague descriptors would be. Idempotent: a second run finds the session and changes nothing.
public enum CalibrationDemo {
    /// What the seed did.
    public struct Outcome: Sendable {
        public let sessionID: UUID?
        /// False when the session already existed, or when no achievement could be calibrated.
        public let created: Bool
        public let artefacts: Int
        public let ratings: Int
        public let proposals: Int
        public let rankingMultiplier: Double?
        /// One line for the operator.
        public let message: String
    }

    static let titlePrefix = "Demo calibration: "

    /// Creates, fills and closes the demo session on the achievement with a rubric and the most credentials with
    /// evidence (rubrics are synced from achievement definitions first).
    public static func seed(client: PostgresClient, logger: Logger) async throws -> Outcome {
        try await RubricSync.syncAll(client: client, logger: logger)
        if let existing = try await existingSession(client: client, logger: logger) {
            return Outcome(
                sessionID: existing, created: false, artefacts: 0, ratings: 0, proposals: 0, rankingMultiplier: nil,
                message: "calibration: demo session \(existing) already present"
            )
        }
        guard let found = try await demoAchievement(client: client, logger: logger) else {
            return Outcome(
                sessionID: nil, created: false, artefacts: 0, ratings: 0, proposals: 0, rankingMultiplier: nil,
                message: "calibration: no achievement with rubric levels and at least 8 credentials with evidence; demo session skipped"
            )
        }
        let (achievement, name) = found
        let context = AuditContext(actor: .cli(command: "seed"))
        let organizations = OrganizationStore(client: client, logger: logger)
        let contoso = try await organizations.findOrCreate(name: "Contoso Hiring", kind: .employer, context: context)
        let fabrikam = try await organizations.findOrCreate(name: "Fabrikam Engineering", kind: .employer, context: context)
        var reviewers: [Reviewer] = []
        for (organization, name, lean) in [
            (contoso, "Priya", 0.0), (contoso, "Marcus", 0.25), (contoso, "Elena", -0.2), (fabrikam, "Tomás", -0.6), (fabrikam, "Aiko", -0.45),
        ] {
            let key = try await reviewerKey(
                label: "demo reviewer: \(name)", organization: organization.id, client: client, logger: logger, context: context)
            reviewers.append(Reviewer(principal: principal(key: key, organization: organization.id), lean: lean))
        }
        let store = CalibrationStore(client: client, logger: logger)
        let id = try await store.create(
            CalibrationStore.NewSession(
                title: titlePrefix + name, organization: contoso.id, organizationKind: .employer, achievement: achievement, rubricVersion: nil,
                reviewerKeys: reviewers.filter { $0.principal.organizationID == fabrikam.id }.map(\.principal.keyID),
                reviewerOrganizations: [contoso.id], sampleSize: 24, stratified: true, stratifyBy: nil, allocation: .equal, seed: 2026,
                showIssuerLevel: false, hiringBarRole: "Junior data analyst"
            ),
            context: context
        )
        try await store.open(id, by: nil, context: context)
        guard let data = try await client.withConnection({ try await CalibrationStore.data(id, on: $0, logger: logger) }) else {
            throw StoreError.notFound(what: "calibration session", id: id.uuidString)
        }
        var random = DemoRandom(seed: 2026)
        var ratings = 0
        for artefact in data.artefacts {
            let offset = random.normal() * 0.45
            for reviewer in reviewers where !random.chance(0.08) {
                let submission = simulate(artefact, rubric: data.rubric.version, reviewer: reviewer, offset: offset, random: &random)
                ratings += submission.criteria.count
                _ = try await store.rate(submission, session: id, by: reviewer.principal, context: context)
            }
        }
        try await store.close(id, by: nil, context: context)
        let (proposals, multiplier) = try await client.withConnection { connection in
            let proposals = try await ProposalRecord.list(session: id, on: connection, logger: logger)
            let summary = try await CalibrationFeedback.stored(achievement: achievement, on: connection, logger: logger)
            return (proposals.count, summary?.rankingMultiplier)
        }
        return Outcome(
            sessionID: id, created: true, artefacts: data.artefacts.count, ratings: ratings, proposals: proposals, rankingMultiplier: multiplier,
            message: "calibration: demo session \(id) on “\(name)”: \(data.artefacts.count) artefacts, \(ratings) ratings, \(proposals) proposals"
        )
    }

    private struct Reviewer {
        let principal: Principal
        /// Levels this reviewer rates above (or below) an artefact's standing.
        let lean: Double
    }

    /// One reviewer's ratings of one artefact, with comments where the rating parts from the issuer's level.
    private static func simulate(
        _ artefact: ArtefactRecord,
        rubric: RubricVersion,
        reviewer: Reviewer,
        offset: Double,
        random: inout DemoRandom
    ) -> CalibrationStore.RatingSubmission {
        var criteria: [CalibrationStore.RatingSubmission.Criterion] = []
        var standing: [Double] = []
        for (index, criterion) in rubric.criteria.enumerated() {
            let top = Double(criterion.levels.count - 1)
            let issuer = artefact.issuerLevels[criterion.id].flatMap(criterion.position(ofLevel:)).map(Double.init) ?? top / 2
            let noise = random.normal() * (index == 1 ? 1.0 : 0.4)
            let value = min(top, max(0, (issuer + offset + reviewer.lean + noise).rounded()))
            standing.append((issuer + offset) / max(1, top))
            let difference = value - issuer
            var comment: String?
            if difference <= -1, random.chance(0.6) {
                comment = random.pick(lowerComments)
            } else if difference >= 1, random.chance(0.6) {
                comment = random.pick(higherComments)
            } else if random.chance(0.1) {
                comment = random.pick(agreeingComments)
            }
            criteria.append(.init(criterionID: criterion.id, levelID: criterion.levels[Int(value)].id, comment: comment))
        }
        let merit = standing.reduce(0, +) / Double(max(1, standing.count)) + reviewer.lean / 4 + random.normal() * 0.12
        let meets = merit >= 0.55
        let comment = random.chance(0.3) ? random.pick(meets ? meetsComments : missesComments) : nil
        return CalibrationStore.RatingSubmission(
            artefact: artefact.id, criteria: criteria, hiringBar: .init(meets: meets, role: nil, comment: comment))
    }

    private static let lowerComments = [
        "The evidence shows the steps but not the reasoning behind them.",
        "Hard to tell what the learner did independently and what came from the template.",
        "The descriptor says 'independently'; the narrative mentions a lot of guidance.",
        "Charts are labelled, but the conclusions are not supported by the data shown.",
    ]
    private static let higherComments = [
        "Stronger than the level suggests: a clear write-up and tidy analysis.",
        "This would pass our take-home review as it stands.",
        "Good judgement about trade-offs; I would place it a level up.",
    ]
    private static let agreeingComments = ["Matches the descriptor well.", "Typical of what we see from new graduates."]
    private static let meetsComments = ["Would invite to interview for the junior analyst role.", "Ready for supervised client work."]
    private static let missesComments = ["Not yet: needs more independent work.", "Would need a second piece of work to be convinced."]

    private static func existingSession(client: PostgresClient, logger: Logger) async throws -> UUID? {
        let rows = try await client.query(
            "SELECT id FROM calibration_sessions WHERE title LIKE \(titlePrefix + "%") ORDER BY created_at LIMIT 1",
            logger: logger
        )
        for try await id in rows.decode(UUID.self) { return id }
        return nil
    }

    /// The achievement with a rubric and the most credentials that can be sampled (at least 8).
    private static func demoAchievement(client: PostgresClient, logger: Logger) async throws -> (UUID, String)? {
        let rows = try await client.query(
            """
            SELECT a.id, a.name FROM rubrics r JOIN achievements a ON a.id = r.achievement_id JOIN credentials c ON c.achievement_id = a.id
            WHERE c.superseded_by IS NULL AND c.verification NOT IN ('failed', 'revoked', 'suspended')
              AND EXISTS (SELECT 1 FROM evidence e WHERE e.credential_id = c.id)
            GROUP BY a.id, a.name HAVING count(*) >= 8
            ORDER BY count(*) DESC, a.name LIMIT 1
            """,
            logger: logger
        )
        for try await (id, name) in rows.decode((UUID, String).self) { return (id, name) }
        return nil
    }

    /// The demo reviewer's hiring-manager key, created on first run (its secret is not needed: the demo acts for it).
    private static func reviewerKey(label: String, organization: UUID, client: PostgresClient, logger: Logger, context: AuditContext) async throws
        -> UUID
    {
        let rows = try await client.query(
            """
            SELECT id FROM api_keys WHERE organization_id = \(organization) AND label = \(label) AND role = 'hiring_manager' AND revoked_at IS NULL
            ORDER BY created_at LIMIT 1
            """,
            logger: logger
        )
        for try await id in rows.decode(UUID.self) { return id }
        let created = try await APIKeyStore(client: client, logger: logger).create(
            organizationID: organization, role: .hiringManager, label: label, context: context
        )
        return created.record.id
    }

    private static func principal(key: UUID, organization: UUID) -> Principal {
        Principal(keyID: key, keyPrefix: "demo", organizationID: organization, organizationKind: .employer, role: .hiringManager, earnerID: nil)
    }
}

/// Seeded draws for the simulation (SplitMix64 through `SeededGenerator`, so every run gives the same session).
private struct DemoRandom {
    var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    /// Uniform in [0, 1).
    mutating func uniform() -> Double {
        Double(generator.next() >> 11) / Double(UInt64(1) << 53)
    }

    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u = max(uniform(), 1e-12)
        return (-2 * Foundation.log(u)).squareRoot() * cos(2 * Double.pi * uniform())
    }

    mutating func chance(_ probability: Double) -> Bool {
        uniform() < probability
    }

    mutating func pick(_ options: [String]) -> String {
        options[generator.index(below: options.count)]
    }
}
