import Credentials
import Foundation
import Logging
import PostgresNIO
import Reporting
import StrictJSON
import Verification

/// Demo records so a newcomer sees real data at once: Northwind Institute (a `did:key` issuer, so its badges verify
/// offline) awards six badges with four-level rubrics, aligned to ESCO skills, with evidence, to 240 learners, most of
/// whom share their badges. Every badge carries an entry on Northwind's revocation list (a signed Bitstring Status
/// List, preloaded into the document cache), on which a few are revoked; a few have expired and a few are not valid
/// yet, so the demo shows each outcome. Everything goes through the real ingest path (parse, verify, store, index).
/// Idempotent.
public struct DemoSeed: Sendable {
    let components: AppComponents

    public init(components: AppComponents) {
        self.components = components
    }

    struct Course {
        var slug: String
        var name: String
        var description: String
        /// Skill phrases resolved to ESCO concepts at seed time, so alignments carry real ESCO URIs.
        var skills: [String]
        var tags: [String]
    }

    static let courses = [
        Course(slug: "data-visualisation", name: "Data Visualisation with Python", description: "Turns real datasets into clear, honest charts and dashboards.",
            skills: ["data visualisation", "Python (computer programming)"], tags: ["Tableau", "matplotlib"]),
        Course(slug: "sql-analytics", name: "SQL for Analysts", description: "Queries, joins and aggregates relational data to answer business questions.",
            skills: ["SQL", "data analytics"], tags: ["PostgreSQL"]),
        Course(slug: "project-management", name: "Project Management Essentials", description: "Plans, runs and closes a small project with stakeholders.",
            skills: ["project management", "manage budgets"], tags: ["Agile"]),
        Course(slug: "customer-service", name: "Customer Service Excellence", description: "Resolves customer enquiries and complaints professionally.",
            skills: ["customer service", "handle customer complaints"], tags: []),
        Course(slug: "cyber-security", name: "Cyber Security Fundamentals", description: "Identifies threats and applies basic controls to protect systems.",
            skills: ["cyber security", "ICT security legislation"], tags: ["Security+"]),
        Course(slug: "machine-learning", name: "Machine Learning Foundations", description: "Trains and evaluates simple predictive models responsibly.",
            skills: ["machine learning", "statistics"], tags: ["scikit-learn"]),
    ]
    static let levels = [("Beginning", "Completes guided tasks with support."), ("Developing", "Completes tasks with occasional help."),
        ("Proficient", "Completes realistic tasks independently."), ("Exemplary", "Completes complex tasks and helps others.")]
    static let firstNames = ["Ada", "Ben", "Chloe", "Dev", "Elif", "Farah", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Mateo", "Nia", "Omar",
        "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor", "Wen", "Ximena"]
    static let lastNames = ["Okafor", "Schmidt", "Garcia", "Nguyen", "Kowalski", "Haddad", "Larsen", "Moreau", "Tanaka", "Silva"]

    public struct Report: Sendable {
        public var stored = 0
        public var duplicates = 0
        public var earners = 0
        public var discoverable = 0
        /// Northwind's stored badges by verification outcome, as verification found them.
        public var outcomes: [String: Int] = [:]
    }

    static let statusListURL = "https://northwind.example/status/revocation/1"

    /// Whose badges Northwind revoked: every 29th learner from the 8th.
    static func isRevoked(learner: Int) -> Bool { learner % 29 == 7 }

    public func seed() async throws -> Report {
        let client = components.client
        let logger = components.logger
        let context = AuditContext(actor: .cli(command: "seed --demo"))
        let organizations = OrganizationStore(client: client, logger: logger)
        _ = try await organizations.findOrCreate(name: "Credence Demo", kind: .platform, context: context)
        let northwind = try await organizations.findOrCreate(name: "Northwind Institute", kind: .issuer, context: context)
        _ = try await organizations.findOrCreate(name: "Contoso Hiring", kind: .employer, context: context)

        let signer = Ed25519CredentialSigner(seed: "credence-demo-northwind-institute")
        try await publishStatusList(signer: signer, context: context)
        let skills = SkillStore(client, logger: logger)
        var alignments: [String: [JSONValue]] = [:]
        for course in Self.courses {
            for phrase in course.skills {
                guard let concept = try await skills.concepts(for: phrase, framework: "esco", limit: 1).first else { continue }
                alignments[course.slug, default: []].append(
                    ["type": ["Alignment"], "targetName": .string(concept.label), "targetUrl": .string(concept.code), "targetFramework": "ESCO",
                        "targetType": "ceasn:Competency"]
                )
            }
        }

        var rng = SeededGenerator(seed: 2026)
        var items: [IngestItem] = []
        var report = Report()
        var learners: [(subject: String, name: String)] = []
        for index in 0..<240 {
            let name = "\(Self.firstNames[index % Self.firstNames.count]) \(Self.lastNames[(index / Self.firstNames.count) % Self.lastNames.count])"
            let subject = "did:example:northwind-learner-\(String(format: "%03d", index))"
            learners.append((subject, name))
            let count = 1 + rng.index(below: 3)
            var taken = Set<Int>()
            while taken.count < count { taken.insert(rng.index(below: Self.courses.count)) }
            for courseIndex in taken.sorted() {
                let course = Self.courses[courseIndex]
                let level = [0, 1, 1, 2, 2, 2, 3, 3][rng.index(below: 8)]
                let monthsAgo = rng.index(below: 36)
                let expired = rng.index(below: 20) == 0
                // Two learners' newest badges start next year.
                let notYetValid = index % 120 == 60 && courseIndex == taken.max()
                var credential = Self.credential(
                    course: course, alignments: alignments[course.slug] ?? [], subject: subject, learnerIndex: index, level: level,
                    monthsAgo: notYetValid ? -14 : monthsAgo, expired: expired && !notYetValid, issuer: signer.issuerID
                )
                credential["credentialStatus"] = Self.statusEntry(index: Self.statusIndex(learner: index, course: courseIndex))
                let body = Array(try signer.jwt(credential).utf8)
                items += try await components.ingest.check(body: body, mediaType: "application/jwt")
            }
        }
        for start in stride(from: 0, to: items.count, by: 100) {
            for outcome in try await components.ingest.store(Array(items[start..<min(start + 100, items.count)]), context: context) {
                if case .duplicate = outcome { report.duplicates += 1 } else { report.stored += 1 }
            }
        }

        // Northwind claims its issuer id and is trusted; learners get display names and most share their badges.
        try await client.query(
            "UPDATE issuers SET organization_id = \(northwind.id), trust = 'trusted', name = 'Northwind Institute' WHERE uri = \(signer.issuerID)",
            logger: logger
        )
        let earners = EarnerStore(client: client, logger: logger)
        for (index, learner) in learners.enumerated() {
            let rows = try await client.query(
                "UPDATE earners SET display_name = \(learner.name) WHERE subject = \(learner.subject) RETURNING id", logger: logger
            )
            for try await id in rows.decode(UUID.self) {
                report.earners += 1
                let shares = index % 4 != 3
                if shares { report.discoverable += 1 }
                try await earners.setConsent(Consent(discoverable: shares, scope: .all), for: id, givenBy: "demo", context: context)
            }
        }
        let issuer = try await issuerID(signer.issuerID)
        try await client.transaction(logger: logger) { connection in
            try await SearchIndex.refresh(issuer: issuer, on: connection, logger: logger)
        }
        let outcomes = try await client.query(
            "SELECT verification, count(*)::int FROM credentials WHERE issuer_id = \(issuer) AND superseded_by IS NULL GROUP BY verification",
            logger: logger
        )
        for try await (outcome, count) in outcomes.decode((String, Int).self) { report.outcomes[outcome] = count }
        return report
    }

    /// Signs Northwind's revocation list and preloads it, so verification reads it without network.
    private func publishStatusList(signer: Ed25519CredentialSigner, context: AuditContext) async throws {
        var revoked: [Int] = []
        for learner in 0..<240 where Self.isRevoked(learner: learner) {
            revoked += Self.courses.indices.map { Self.statusIndex(learner: learner, course: $0) }
        }
        let list: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "id": .string(Self.statusListURL),
            "type": ["VerifiableCredential", "BitstringStatusListCredential"],
            "issuer": .string(signer.issuerID),
            "validFrom": "2024-01-01T00:00:00Z",
            "credentialSubject": [
                "id": .string(Self.statusListURL + "#list"), "type": "BitstringStatusList", "statusPurpose": "revocation",
                "encodedList": .string(EncodedStatusList.encode(set: revoked)),
            ],
        ]
        _ = try await DocumentCache(client: components.client, logger: components.logger).preload(
            url: Self.statusListURL, mediaType: "application/vc+jwt", body: Array(try signer.jwt(list).utf8), context: context
        )
    }

    /// Each learner's badge in each course has its own place on the list.
    static func statusIndex(learner: Int, course: Int) -> Int { learner * courses.count + course }

    static func statusEntry(index: Int) -> JSONValue {
        [
            "id": .string("\(statusListURL)#\(index)"), "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": .string(String(index)), "statusListCredential": .string(statusListURL),
        ]
    }

    private func issuerID(_ uri: String) async throws -> UUID {
        for try await id in try await components.client.query("SELECT id FROM issuers WHERE uri = \(uri)", logger: components.logger).decode(UUID.self) {
            return id
        }
        throw StoreError.notFound(what: "issuer", id: uri)
    }

    static func credential(
        course: Course, alignments: [JSONValue], subject: String, learnerIndex: Int, level: Int, monthsAgo: Int, expired: Bool, issuer: String
    ) -> JSONObject {
        let achievementID = "https://northwind.example/achievements/\(course.slug)"
        let rubric = "\(achievementID)#rubric"
        let awarded = Calendar(identifier: .gregorian).date(byAdding: .month, value: -monthsAgo, to: Date(timeIntervalSince1970: 1_790_000_000)) ?? Date()
        let validFrom = awarded.formatted(.iso8601)
        var credential: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": .string("urn:uuid:\(Self.stableUUID("\(subject)|\(course.slug)"))"),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": ["id": .string(issuer), "type": ["Profile"], "name": "Northwind Institute", "url": "https://northwind.example"],
            "validFrom": .string(validFrom),
            "name": .string(course.name),
            "credentialSubject": [
                "id": .string(subject),
                "type": ["AchievementSubject"],
                "achievement": [
                    "id": .string(achievementID), "type": ["Achievement"], "name": .string(course.name), "description": .string(course.description),
                    "achievementType": "Badge",
                    "criteria": ["narrative": .string("Complete the \(course.name) project; it is assessed against the four-level rubric.")],
                    "alignment": .array(alignments),
                    "tag": .array(course.tags.map(JSONValue.string)),
                    "resultDescription": [
                        [
                            "id": .string(rubric), "type": ["ResultDescription"], "name": "Project rubric", "resultType": "RubricCriterionLevel",
                            "rubricCriterionLevel": .array(
                                Self.levels.enumerated().map { i, l in
                                    ["id": .string("\(rubric)-\(i)"), "type": ["RubricCriterionLevel"], "name": .string(l.0), "description": .string(l.1),
                                        "points": .string(String(i + 1))]
                                }
                            ),
                        ]
                    ],
                ],
                "result": [["type": ["Result"], "resultDescription": .string(rubric), "achievedLevel": .string("\(rubric)-\(level)")]],
            ],
            "evidence": [
                ["id": .string("https://portfolio.northwind.example/learners/\(learnerIndex)/\(course.slug)"), "type": ["Evidence"],
                    "name": .string("\(course.name) final project"), "genre": "Project"]
            ],
        ]
        if expired {
            credential["validUntil"] = .string((Calendar(identifier: .gregorian).date(byAdding: .month, value: 6, to: awarded) ?? awarded).formatted(.iso8601))
        }
        return credential
    }

    /// A UUID derived from text, so demo credential ids are the same on every run.
    static func stableUUID(_ text: String) -> String {
        var generator = SeededGenerator(seed: text.utf8.reduce(1_469_598_103_934_665_603) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 })
        return generator.uuid().uuidString.lowercased()
    }
}
