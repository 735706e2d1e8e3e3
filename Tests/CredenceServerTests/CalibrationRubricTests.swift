import CredenceServer
import Foundation
import PostgresNIO
import StrictJSON
import Testing

/// Rubrics from Open Badges definitions and from curriculum teams: immutable versions, the version each credential
/// was assessed under, diffs, and who may author and revise.
@Suite struct CalibrationRubricTests {
    static func sync(_ world: CalibrationWorld, _ achievement: UUID) async throws {
        _ = try await world.service.database.withTransaction(logger: TestDatabase.logger) { connection in
            try await RubricSync.sync(achievements: [achievement], on: connection, logger: TestDatabase.logger)
        }
    }

    @Test func changedDefinitionMakesANewVersionAndCredentialsKeepTheirs() async throws {
        try await CalibrationWorld.run { world in
            let issuer = try await world.key(org: "Northwind Test Institute", kind: .issuer, role: .issuer)
            // Ingest records the version as it stores each credential; a later sync changes nothing.
            let achievement = try await world.ingest(world.credential(index: 1, analysis: 1, communication: 2), issuer: issuer)
            try await world.ingest(world.credential(index: 2, analysis: 2, communication: 2), issuer: issuer)
            try await world.ingest(world.credential(index: 3, analysis: 3, communication: 1, descriptorSuffix: ", unaided"), issuer: issuer)
            // The old definition again (a late credential from before the change) maps back to version 1.
            try await world.ingest(world.credential(index: 4, analysis: 0, communication: 0), issuer: issuer)
            try await Self.sync(world, achievement)

            let assigned = try await world.service.strings(
                """
                SELECT v.number || ':' || c.rubric_version_basis FROM credentials c JOIN rubric_versions v ON v.id = c.rubric_version_id
                WHERE c.achievement_id = \(achievement) ORDER BY c.received_at
                """
            )
            #expect(assigned == ["1:credential", "1:credential", "2:credential", "1:credential"])
            let rubric = try #require(try await world.call(.get, "/v1/rubrics?achievementId=\(achievement)", issuer).json.items("items").first)
            let id = try #require(rubric["id"]?.stringValue)
            let versions = try await world.call(.get, "/v1/rubrics/\(id)/versions", issuer).json.items("items")
            #expect(versions.map { $0["source"]?.stringValue } == ["definition", "definition"])
            #expect(versions.map { $0.double("assessedCredentials") } == [3, 1])
            #expect(versions.first?["effectiveFrom"] == nil && versions.last?["effectiveFrom"] != nil)
            let diff = try await world.call(.get, "/v1/rubrics/\(id)/diff", issuer).json
            #expect(diff.double("from") == 1 && diff.double("to") == 2)
            #expect(diff.items("changes").count == 8 && diff.items("changes").allSatisfy { $0["kind"] == "level_descriptor_changed" })
            #expect(diff.items("changes").first?["after"] == "Beginning work on data analysis, unaided.")
            let second = try await world.call(.get, "/v1/rubrics/\(id)/versions/2", issuer)
            #expect(second.json.items("criteria").count == 2 && second.json.double("assessedCredentials") == 1)
            #expect(try await world.call(.get, "/v1/rubrics/\(id)/versions/3", issuer).status == .notFound)
            // Versions are immutable in the database too.
            await #expect(throws: (any Error).self) {
                try await world.service.database.query("UPDATE rubric_versions SET note = 'edited'", logger: TestDatabase.logger)
            }
            let authored = try await world.call(
                .post, "/v1/rubrics", issuer,
                [
                    "achievementId": .string(achievement.uuidString),
                    "criteria": [["name": "Clarity", "levels": [["name": "Low"], ["name": "High"]]]],
                ]
            )
            #expect(authored.status == .conflict)
        }
    }

    @Test func curriculumTeamsAuthorAndReviseTheirOwnRubrics() async throws {
        try await CalibrationWorld.run { world in
            let issuer = try await world.key(org: "Northwind Test Institute", kind: .issuer, role: .issuer)
            let otherIssuer = try await world.key(org: "Southwind College", kind: .issuer, role: .issuer)
            let hiringManager = try await world.key(org: "Acme Hiring", kind: .employer, role: .hiringManager)
            let achievement = try await world.ingest(
                world.credential(
                    index: 1, analysis: 0, communication: 0, achievement: "https://issuer.example/achievements/plain", rubric: false,
                    validFrom: "2024-01-10T00:00:00Z"),
                issuer: issuer
            )
            try await world.ingest(
                world.credential(
                    index: 2, analysis: 0, communication: 0, achievement: "https://issuer.example/achievements/plain", rubric: false,
                    validFrom: "2026-03-01T00:00:00Z"),
                issuer: issuer
            )
            try await Self.sync(world, achievement)
            #expect(try await world.call(.get, "/v1/rubrics?achievementId=\(achievement)", issuer).json.items("items").isEmpty)

            let criteria: JSONValue = [
                [
                    "id": "clarity", "name": "Clarity", "skillAlignmentIds": ["http://data.europa.eu/esco/skill/abc"],
                    "levels": [
                        ["name": "Unclear", "descriptor": "Hard to follow."], ["name": "Clear", "descriptor": "Easy to follow.", "points": 2],
                    ],
                ]
            ]
            let body: JSONValue = ["achievementId": .string(achievement.uuidString), "criteria": criteria, "effectiveFrom": "2025-01-01T00:00:00Z"]
            #expect(try await world.call(.post, "/v1/rubrics", otherIssuer, body).status == .forbidden)
            #expect(try await world.call(.post, "/v1/rubrics", hiringManager, body).status == .forbidden)
            let bad = try await world.call(
                .post, "/v1/rubrics", issuer,
                ["achievementId": .string(achievement.uuidString), "criteria": [["name": "Clarity", "levels": [["name": "One"]]]]]
            )
            #expect(bad.status == .unprocessableContent && bad.json.items("errors").first?["pointer"] == "/criteria/0/levels")
            let created = try await world.call(.post, "/v1/rubrics", issuer, body)
            #expect(created.status == .created)
            #expect(created.json["version"]?.double("version") == 1 && created.json["version"]?["source"] == "authored")
            #expect(
                created.json["version"]?.items("criteria").first?.items("levels").map { $0["id"]?.stringValue } == [
                    "clarity/unclear", "clarity/clear",
                ])
            let id = try #require(created.json["id"]?.stringValue)
            // Credentials without a rubric of their own are assessed under the version in effect when awarded (the
            // first version also covers anything earlier).
            let assigned = try await world.service.strings(
                """
                SELECT v.number || ':' || c.rubric_version_basis FROM credentials c JOIN rubric_versions v ON v.id = c.rubric_version_id
                WHERE c.achievement_id = \(achievement) ORDER BY c.awarded_at
                """
            )
            #expect(assigned == ["1:date", "1:date"])

            var revised = criteria.arrayValue ?? []
            revised.append(["id": "evidence", "name": "Use of evidence", "levels": [["name": "Thin"], ["name": "Solid"], ["name": "Compelling"]]])
            let revision: JSONValue = ["criteria": .array(revised), "note": "Adds a criterion on evidence.", "effectiveFrom": "2026-01-01T00:00:00Z"]
            #expect(try await world.call(.post, "/v1/rubrics/\(id)/revisions", otherIssuer, revision).status == .forbidden)
            let second = try await world.call(.post, "/v1/rubrics/\(id)/revisions", issuer, revision)
            #expect(second.status == .created && second.json["version"]?.double("version") == 2)
            #expect(second.json["diff"]?.items("changes").map { $0["kind"]?.stringValue } == ["criterion_added"])
            let same = try await world.call(.post, "/v1/rubrics/\(id)/revisions", issuer, revision)
            #expect(same.status == .unprocessableContent && same.json.items("errors").first?["pointer"] == "/criteria")
            let unknown = try await world.call(
                .post, "/v1/rubrics/\(id)/revisions", issuer, ["decisions": [["proposalId": "nope", "decision": "reject"]]]
            )
            #expect(unknown.status == .unprocessableContent && unknown.json.items("errors").first?["pointer"] == "/decisions/0/proposalId")
            let edit = try await world.call(
                .post, "/v1/rubrics/\(id)/revisions", issuer, ["decisions": [["proposalId": "x", "decision": "edit"]]]
            )
            #expect(edit.json.items("errors").first?["pointer"] == "/decisions/0/note")
            // Already-assessed credentials keep version 1; the view counts them there.
            let versions = try await world.call(.get, "/v1/rubrics/\(id)/versions", hiringManager).json.items("items")
            #expect(versions.map { $0.double("assessedCredentials") } == [2, 0])
            #expect(versions.map { $0["source"]?.stringValue } == ["authored", "authored"])
        }
    }
}
