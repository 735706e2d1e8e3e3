import Calibration
import CredenceServer
import Foundation
import StrictJSON
import Testing

extension CalibrationSessionTests {
    /// The curriculum team accepts one proposal, edits another, cites a reviewer's comment, and gets version 2 whose
    /// history shows all of it; a proposal cannot be decided twice, and only the curriculum team may revise.
    static func revise(
        _ world: CalibrationWorld,
        rubric: String,
        view: JSONValue,
        proposals: [RevisionProposal],
        given: Given,
        issuer: CalibrationWorld.Key,
        organiser: CalibrationWorld.Key
    ) async throws {
        let recalibrate = try #require(proposals.first { $0.kind == .recalibrateLevels })
        let clarify = try #require(proposals.first { $0.kind == .clarifyDescriptors })
        let commented = try #require(given.values.first { $0.comment != nil })
        let criteria: [JSONValue] = (view["rubric"]?.items("criteria") ?? []).map { criterion in
            [
                "id": criterion["id"] ?? .null, "name": criterion["name"] ?? .null,
                "levels": .array(
                    criterion.items("levels").map { level in
                        [
                            "id": level["id"] ?? .null, "name": level["name"] ?? .null, "points": level["points"] ?? .null,
                            "descriptor": .string((level["descriptor"]?.stringValue ?? "") + " Names what the learner did unaided."),
                        ]
                    }
                ),
            ]
        }
        let body: JSONValue = [
            "criteria": .array(criteria),
            "decisions": [
                ["proposalId": .string(recalibrate.id), "decision": "accept"],
                ["proposalId": .string(clarify.id), "decision": "edit", "note": "Rewrote every descriptor, not only the disputed levels."],
            ],
            "feedback": [.string(commented.id)],
            "note": "Descriptors now say how much guidance each level allows.",
        ]
        #expect(try await world.call(.post, "/v1/rubrics/\(rubric)/revisions", organiser, body).status == .forbidden)
        let revised = try await world.call(.post, "/v1/rubrics/\(rubric)/revisions", issuer, body)
        #expect(revised.status == .created)
        #expect(revised.json["version"]?.double("version") == 2)
        #expect(revised.json["version"]?["answeredProposalIds"] == [.string(recalibrate.id), .string(clarify.id)])
        let changes = revised.json["diff"]?.items("changes") ?? []
        #expect(changes.count == 8 && changes.allSatisfy { $0["kind"] == "level_descriptor_changed" })
        #expect(try await world.call(.post, "/v1/rubrics/\(rubric)/revisions", issuer, body).status == .conflict)

        let history = try await world.call(.get, "/v1/rubrics/\(rubric)/versions", organiser)
        let versions = history.json.items("items")
        #expect(versions.map { $0.double("version") } == [1, 2])
        #expect(versions.map { $0["source"]?.stringValue } == ["definition", "revision"])
        let trace = try #require(versions.last?["trace"])
        #expect(trace.items("proposals").map { $0["decision"]?.stringValue } == ["accepted", "edited"])
        #expect(trace.items("proposals").first?["comments"]?.arrayValue?.isEmpty == false)
        #expect(trace.items("feedback").first?["sourceId"]?.stringValue == commented.id)
        #expect(trace.items("feedback").first?["comment"]?.stringValue == commented.comment)
        let diff = try await world.call(.get, "/v1/rubrics/\(rubric)/diff?from=1&to=2", organiser)
        #expect(diff.json["changes"] == revised.json["diff"]?["changes"])
        let decided = try await world.call(.get, "/v1/rubrics/\(rubric)/proposals", issuer)
        let statuses = Dictionary(
            uniqueKeysWithValues: decided.json.items("items").compactMap { p in p["id"]?.stringValue.map { ($0, p["status"]) } })
        #expect(statuses[recalibrate.id] == "accepted" && statuses[clarify.id] == "edited")
        #expect(decided.json.items("items").first { $0["id"]?.stringValue == recalibrate.id }?.double("answeredByVersion") == 2)
    }

    /// A session is visible only to its organisation and invited reviewers: everyone else gets 404, even a
    /// reviewer invited to another organisation's session of the same achievement.
    static func expectSeparation(
        _ world: CalibrationWorld,
        achievement: UUID,
        acmeSession: String,
        organiser: CalibrationWorld.Key,
        globex: CalibrationWorld.Key,
        uninvited: CalibrationWorld.Key
    ) async throws {
        let initech = try await world.key(org: "Initech", kind: .employer, role: .hiringManager)
        let own = try await world.call(
            .post, "/v1/calibration-sessions", initech,
            [
                "title": "Initech's own calibration", "achievementId": .string(achievement.uuidString),
                "reviewers": ["organizations": [.string(initech.organization.uuidString)]],
                "sample": ["size": 8, "seed": 3, "allocation": "proportional"],
            ]
        )
        #expect(own.status == .created)
        let initechSession = try #require(own.json["id"]?.stringValue)
        #expect(try await world.call(.get, "/v1/calibration-sessions/\(initechSession)", globex).status == .notFound)
        #expect(try await world.call(.get, "/v1/calibration-sessions/\(initechSession)", organiser).status == .notFound)
        #expect(try await world.call(.get, "/v1/calibration-sessions/\(initechSession)/report", organiser).status == .notFound)
        #expect(try await world.call(.get, "/v1/calibration-sessions/\(acmeSession)", uninvited).status == .notFound)
        #expect(try await world.call(.get, "/v1/calibration-sessions/\(acmeSession)", initech).status == .notFound)
        let listed = try await world.call(.get, "/v1/calibration-sessions", globex).json.items("items").compactMap { $0["id"]?.stringValue }
        #expect(listed.contains(acmeSession) && !listed.contains(initechSession))
        #expect(try await world.call(.get, "/v1/calibration-sessions", uninvited).json.items("items").isEmpty)
    }
}
