import CredenceServer
import Foundation
import PostgresNIO
import StrictJSON
import Testing

/// Calibration feeding search, and the demo session.
@Suite struct CalibrationFeedbackTests {
    @Test func closingASessionRescoresTheAchievementInTheSearchIndex() async throws {
        try await CalibrationWorld.runSeeded { world in
            let issuer = try await world.key(org: "Northwind Test Institute", kind: .issuer, role: .issuer)
            let organiser = try await world.key(org: "Acme Hiring", kind: .employer, role: .hiringManager)
            let reviewers = [
                organiser, try await world.key(org: "Acme Hiring", kind: .employer, role: .hiringManager),
                try await world.key(org: "Acme Hiring", kind: .employer, role: .hiringManager),
            ]
            var achievement = UUID()
            for index in 0..<12 {
                achievement = try await world.ingest(world.credential(index: index, analysis: index % 4, communication: index % 4), issuer: issuer)
            }
            _ = try await world.service.database.withTransaction(logger: TestDatabase.logger) { connection in
                try await connection.query("UPDATE earners SET discoverable = true, consent_at = now()", logger: TestDatabase.logger)
                try await SearchIndex.refresh(achievements: [achievement], on: connection, logger: TestDatabase.logger)
            }
            let scores: @Sendable () -> PostgresQuery = { [achievement] in
                "SELECT score::text FROM credential_skills WHERE achievement_id = \(achievement) ORDER BY credential_id, skill_id"
            }
            let before = try await world.service.strings(scores()).compactMap(Double.init)
            #expect(before.count >= 12)

            let created = try await world.call(
                .post, "/v1/calibration-sessions", organiser,
                [
                    "title": "Search feedback", "achievementId": .string(achievement.uuidString),
                    "reviewers": ["organizations": [.string(organiser.organization.uuidString)]], "sample": ["size": 12, "seed": 1],
                    "showIssuerLevel": true,
                ]
            )
            let session = try #require(created.json["id"]?.stringValue)
            _ = try await world.call(.post, "/v1/calibration-sessions/\(session)/open", organiser)
            // Every reviewer places every artefact a level below the issuer and would not hire on it.
            for reviewer in reviewers {
                for artefact in created.json.items("artefacts") {
                    let criteria: [JSONValue] = artefact.items("issuerLevels").compactMap { level in
                        guard let criterion = level["criterionId"]?.stringValue, let id = level["levelId"]?.stringValue else { return nil }
                        return ["criterionId": .string(criterion), "levelId": .string("\(criterion)-\(max(0, (Int(id.suffix(1)) ?? 0) - 1))")]
                    }
                    let body: JSONValue = ["artefactId": artefact["id"] ?? .null, "criteria": .array(criteria), "hiringBar": ["meets": false]]
                    #expect(try await world.call(.post, "/v1/calibration-sessions/\(session)/ratings", reviewer, body).status == .ok)
                }
            }
            let closed = try await world.call(.post, "/v1/calibration-sessions/\(session)/close", organiser)
            // 12 artefacts (sample weight 0.3), alpha 1, nobody hires (bar signal −1), drift −0.75 levels, significant:
            // 1 + 0.1 × 0.3 × 1 × (½·(−1) + ½·(−0.75)) = 0.97375.
            let multiplier = try #require(closed.json.double("achievementSummary", "rankingMultiplier"))
            #expect(abs(multiplier - 0.97375) < 1e-12)
            let after = try await world.service.strings(scores()).compactMap(Double.init)
            #expect(after.count == before.count)
            for (old, new) in zip(before, after) {
                #expect(abs(new / old - multiplier) < 1e-6, "each index row's static score carries the multiplier")
            }
        }
    }

    @Test func demoSessionIsCreatedOnceWithRealisticRatings() async throws {
        try await CalibrationWorld.run { world in
            let issuer = try await world.key(org: "Northwind Test Institute", kind: .issuer, role: .issuer)
            var achievement = UUID()
            for index in 0..<20 {
                achievement = try await world.ingest(
                    world.credential(index: index, analysis: index % 4, communication: (index + 1) % 4), issuer: issuer)
            }
            let first = try await CalibrationDemo.seed(client: world.service.database, logger: TestDatabase.logger)
            #expect(first.created && first.artefacts == 20)
            #expect(first.ratings > 20 * 2 * 4 && first.ratings < 20 * 2 * 5, "five reviewers, a few skipped artefacts")
            let second = try await CalibrationDemo.seed(client: world.service.database, logger: TestDatabase.logger)
            #expect(!second.created && second.sessionID == first.sessionID)
            let session = try #require(first.sessionID)
            let state = try await world.service.strings("SELECT state FROM calibration_sessions WHERE id = \(session)")
            #expect(state == ["closed"])
            let comments = try await world.service.strings(
                "SELECT comment FROM calibration_ratings WHERE session_id = \(session) AND comment IS NOT NULL"
            )
            #expect(!comments.isEmpty)
            let organisations = try await world.service.strings(
                """
                SELECT DISTINCT o.name FROM calibration_ratings r JOIN organizations o ON o.id = r.reviewer_organization_id
                WHERE r.session_id = \(session) ORDER BY 1
                """
            )
            #expect(organisations == ["Contoso Hiring", "Fabrikam Engineering"])
            let summary = try await world.service.strings("SELECT sessions::text FROM calibration_summaries WHERE achievement_id = \(achievement)")
            #expect(summary == ["1"])
        }
    }
}
