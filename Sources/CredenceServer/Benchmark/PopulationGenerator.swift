import Credentials
import Foundation
public import Logging
public import PostgresNIO
import Reporting

/// The size and shape of a synthetic population for benchmarks.
public struct PopulationSpec: Sendable {
    public var earners: Int
    public var credentials: Int
    public var issuers: Int
    public var achievements: Int
    public var seed: UInt64
    /// Share of earners who consented to be found.
    public var discoverableShare: Double

    public init(earners: Int = 250_000, credentials: Int = 1_000_000, issuers: Int = 300, achievements: Int = 3_000, seed: UInt64 = 42,
        discoverableShare: Double = 0.7)
    {
        self.earners = earners
        self.credentials = credentials
        self.issuers = issuers
        self.achievements = achievements
        self.seed = seed
        self.discoverableShare = discoverableShare
    }
}

/// Generates a realistic population over the real taxonomy and loads it with COPY: issuers, achievements aligned to
/// Zipf-skewed skills with four-level rubrics, earners (most consenting), credentials with levels, evidence and a mix of
/// verified, unverifiable, revoked, failed and expired; then builds the search index. Deterministic for a seed.
public struct PopulationGenerator: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    static let levels = ["Foundation", "Developing", "Proficient", "Advanced"]
    static let types = ["Badge", "Course", "Certificate", "MicroCredential", "Competency", "Assessment"]

    struct Achievement {
        var id: UUID
        var issuer: Int
        var primarySkill: Int
    }

    public func generate(_ spec: PopulationSpec, progress: @Sendable (String) -> Void) async throws {
        var rng = SeededGenerator(seed: spec.seed)
        let skills = try await skillPool()
        guard !skills.isEmpty else { throw StoreError.conflict("no skills loaded: run `credence seed` first") }
        let skillOrder = skills.indices.shuffled(using: &rng)
        let skillZipf = ZipfSampler(count: skills.count, exponent: 1.0)
        let achievementZipf = ZipfSampler(count: spec.achievements, exponent: 0.8)
        let issuers = (0..<spec.issuers).map { _ in rng.uuid() }
        let now = Date()
        let runTag = String(spec.seed, radix: 36) + "-" + String(Int(now.timeIntervalSince1970), radix: 36)

        // Achievements and their aligned skills.
        var achievements: [Achievement] = []
        var alignments: [[String?]] = []
        for _ in 0..<spec.achievements {
            var skillSet: [Int] = []
            let count = 2 + rng.index(below: 5)
            while skillSet.count < count {
                let skill = skillOrder[skillZipf.sample(&rng)]
                if !skillSet.contains(skill) { skillSet.append(skill) }
            }
            let achievement = Achievement(id: rng.uuid(), issuer: rng.index(below: spec.issuers), primarySkill: skillSet[0])
            achievements.append(achievement)
            for skill in skillSet {
                let s = skills[skill]
                let byText = rng.unit() < 0.15
                alignments.append([
                    achievement.id.uuidString, "achievement", "", nil, s.framework == "esco" ? "ESCO" : "O*NET", s.framework == "onet" ? s.code : nil,
                    s.framework == "esco" ? s.code : nil, s.label, String(s.id), byText ? "text_alt_label" : (s.framework == "esco" ? "esco_uri" : "onet_code"),
                    byText ? "0.9" : "1", "f", now.rfc3339,
                ])
            }
        }

        try await client.transaction(logger: logger) { connection in
            progress("issuers")
            try await connection.copy(
                issuers.enumerated().map { index, id in
                    let trust = index % 20 == 0 ? "trusted" : (index % 50 == 7 ? "blocked" : (index % 3 == 0 ? "trusted" : "unknown"))
                    return [id.uuidString, "https://issuer-\(index).bench.example/\(runTag)", "Bench Issuer \(index)", trust]
                },
                into: "issuers", columns: ["id", "uri", "name", "trust"], logger: logger
            )
            progress("achievements")
            try await connection.copy(
                achievements.enumerated().map { index, a in
                    let name = "\(skills[a.primarySkill].label.capitalized) \(["Foundations", "Practice", "Professional", "Advanced"][index % 4])"
                    let definition = #"{"id":"https://issuer-\#(a.issuer).bench.example/achievements/\#(index)","name":"\#(name.replacingOccurrences(of: "\"", with: "'"))","resultDescription":[{"id":"urn:bench:rubric:\#(index)","rubricCriterionLevel":[{"id":"urn:bench:rubric:\#(index):0","name":"Foundation"},{"id":"urn:bench:rubric:\#(index):1","name":"Developing"},{"id":"urn:bench:rubric:\#(index):2","name":"Proficient"},{"id":"urn:bench:rubric:\#(index):3","name":"Advanced"}]}]}"#
                    return [
                        a.id.uuidString, issuers[a.issuer].uuidString, "https://issuer-\(a.issuer).bench.example/achievements/\(index)", name,
                        "Demonstrates \(skills[a.primarySkill].label).", Self.types[index % Self.types.count], definition, "bench-\(index)",
                    ]
                },
                into: "achievements",
                columns: ["id", "issuer_id", "uri", "name", "description", "achievement_type", "definition", "definition_sha256"], logger: logger
            )
            try await connection.copy(
                alignments, into: "achievement_alignments",
                columns: ["achievement_id", "source", "source_ref", "target_type", "target_framework", "target_code", "target_url", "target_name",
                    "skill_id", "rule", "confidence", "needs_review", "resolved_at"],
                logger: logger
            )
        }

        progress("earners")
        let earnerIDs = (0..<spec.earners).map { _ in rng.uuid() }
        try await client.transaction(logger: logger) { connection in
            try await connection.copy(
                earnerIDs.enumerated().lazy.map { index, id -> [String?] in
                    var r = SeededGenerator(seed: spec.seed &+ 0x9E37_79B9 &* UInt64(index + 1))
                    let discoverable = r.unit() < spec.discoverableShare
                    let since = now.addingTimeInterval(-r.unit() * 2 * 365 * 86_400)
                    return [id.uuidString, "did:example:bench-\(runTag)-\(index)", discoverable ? "t" : "f", discoverable ? since.rfc3339 : nil,
                        discoverable ? since.rfc3339 : nil]
                },
                into: "earners", columns: ["id", "subject", "discoverable", "consent_at", "discoverable_since"], logger: logger
            )
        }

        // Credentials, results and evidence: each row recomputed from its index, so nothing is held in memory.
        func credential(_ index: Int) -> (id: UUID, earner: UUID, achievement: Achievement, achievementIndex: Int, level: Int, awarded: Date, validUntil: Date?, verification: String) {
            var r = SeededGenerator(seed: spec.seed &+ 0xC2B2_AE35 &* UInt64(index + 1))
            let id = r.uuid()
            let earner = earnerIDs[r.index(below: earnerIDs.count)]
            let achievementIndex = achievementZipf.sample(&r)
            let levelDraw = r.unit()
            let level = levelDraw < 0.15 ? 0 : levelDraw < 0.5 ? 1 : levelDraw < 0.85 ? 2 : 3
            let awarded = now.addingTimeInterval(-r.unit() * 6 * 365 * 86_400)
            let validUntil: Date? = r.unit() < 0.25 ? awarded.addingTimeInterval(3 * 365 * 86_400) : nil
            let draw = r.unit()
            var verification = draw < 0.01 ? "failed" : draw < 0.03 ? "revoked" : draw < 0.06 ? "unverifiable" : "verified"
            if verification == "verified", let validUntil, validUntil < now { verification = "expired" }
            return (id, earner, achievements[achievementIndex], achievementIndex, level, awarded, validUntil, verification)
        }
        let batch = 100_000
        for start in stride(from: 0, to: spec.credentials, by: batch) {
            let range = start..<min(start + batch, spec.credentials)
            progress("credentials \(range.upperBound)/\(spec.credentials)")
            try await client.transaction(logger: logger) { connection in
                try await connection.copy(
                    range.lazy.map { index -> [String?] in
                        let c = credential(index)
                        let uri = "urn:uuid:\(c.id.uuidString.lowercased())"
                        let document = #"{"id":"\#(uri)","type":["VerifiableCredential","OpenBadgeCredential"],"bench":true}"#
                        let normalized = #"{"credentialId":"\#(uri)","achievement":{"name":"bench achievement \#(c.achievementIndex)"}}"#
                        return [
                            c.id.uuidString, c.earner.uuidString, c.achievement.id.uuidString, issuers[c.achievement.issuer].uuidString, uri, "ob3-jwt",
                            "document", "3.0", c.awarded.rfc3339, c.validUntil?.rfc3339, c.awarded.rfc3339,
                            "\\x" + ContentDigest.hex(document.utf8), "bench-\(index)", "bench-\(index)",
                            "application/jwt", normalized, c.verification, c.verification == "unverifiable" ? nil : c.awarded.rfc3339, c.awarded.rfc3339,
                        ]
                    },
                    into: "credentials",
                    columns: ["id", "earner_id", "achievement_id", "issuer_id", "uri", "format", "packaging", "spec_version", "valid_from",
                        "valid_until", "awarded_at", "document", "document_sha256", "content_sha256", "media_type", "normalized", "verification",
                        "verified_at", "received_at"],
                    logger: logger
                )
                try await connection.copy(
                    range.lazy.map { index -> [String?] in
                        let c = credential(index)
                        let rubric = "urn:bench:rubric:\(c.achievementIndex)"
                        return [c.id.uuidString, c.earner.uuidString, "0", rubric, "\(rubric):\(c.level)", Self.levels[c.level], String(c.level + 1), "4",
                            String(Double(c.level) / 3)]
                    },
                    into: "credential_results",
                    columns: ["credential_id", "earner_id", "position", "result_description_uri", "level_uri", "level_name", "ordinal", "level_count",
                        "normalized"],
                    logger: logger
                )
                try await connection.copy(
                    range.lazy.map { index -> [String?] in
                        let c = credential(index)
                        return [c.id.uuidString, c.earner.uuidString, "0", "https://portfolio.bench.example/\(c.id.uuidString.lowercased())", "Project"]
                    },
                    into: "evidence", columns: ["credential_id", "earner_id", "position", "url", "name"], logger: logger
                )
            }
        }
        progress("analyze")
        for table in ["issuers", "achievements", "achievement_alignments", "earners", "credentials", "credential_results", "evidence"] {
            try await client.query(PostgresQuery(unsafeSQL: "ANALYZE \(table)"), logger: logger)
        }
        try await buildIndex(progress: progress)
    }

    /// Rebuilds `credential_skills` for every credential, in batches (the same function ingest uses).
    public func buildIndex(progress: @Sendable (String) -> Void) async throws {
        var after = UUID(uuidString: "00000000-0000-0000-0000-000000000000")!
        var done = 0
        while true {
            let rows = try await client.query(
                "SELECT id FROM credentials WHERE id > \(after) ORDER BY id LIMIT 50000", logger: logger
            )
            var ids: [UUID] = []
            for try await id in rows.decode(UUID.self) { ids.append(id) }
            guard let last = ids.last else { break }
            try await client.transaction(logger: logger) { connection in
                try await SearchIndex.refresh(credentials: ids, on: connection, logger: logger)
            }
            after = last
            done += ids.count
            progress("search index \(done)")
        }
        try await client.query("ANALYZE credential_skills", logger: logger)
    }

    struct Skill {
        var id: Int
        var framework: String
        var code: String
        var label: String
    }

    private func skillPool() async throws -> [Skill] {
        let rows = try await client.query(
            "SELECT id, framework, code, preferred_label FROM skills WHERE kind IN ('skill', 'knowledge', 'technology') AND framework IN ('esco', 'onet') ORDER BY id",
            logger: logger
        )
        var skills: [Skill] = []
        for try await (id, framework, code, label) in rows.decode((Int, String, String, String).self) {
            skills.append(Skill(id: id, framework: framework, code: code, label: label))
        }
        return skills
    }
}
