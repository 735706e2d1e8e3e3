import Calibration
import CredenceServer
import Foundation
import PostgresNIO
import StrictJSON
import Testing

/// A calibration session over HTTP from creation to a revised rubric: hiring managers of two employers rate, one
/// changes a rating, invalid and late ratings are refused, the report's figures match the Calibration library run
/// on the same ratings, proposals become version 2 with their trace, and the multiplier reaches the achievement.
@Suite struct CalibrationSessionTests {
    /// A reviewer's ratings as the test gave them: (artefact, reviewer, criterion) → (rating id, level id, comment).
    typealias Given = [String: (id: String, level: String, comment: String?)]

    @Test func sessionFromInvitationToRevision() async throws {
        try await CalibrationWorld.run { world in
            let issuer = try await world.key(org: "Northwind Test Institute", kind: .issuer, role: .issuer)
            let organiser = try await world.key(org: "Acme Hiring", kind: .employer, role: .hiringManager)
            let acmeReviewers = [
                organiser, try await world.key(org: "Acme Hiring", kind: .employer, role: .hiringManager),
                try await world.key(org: "Acme Hiring", kind: .employer, role: .hiringManager),
            ]
            let acmeAdmin = try await world.key(org: "Acme Hiring", kind: .employer, role: .admin)
            let globex = try await world.key(org: "Globex", kind: .employer, role: .hiringManager)
            let uninvited = try await world.key(org: "Globex", kind: .employer, role: .hiringManager)
            let recruiter = try await world.key(org: "Globex", kind: .employer, role: .recruiter)
            let reviewers = acmeReviewers + [globex]

            var achievement = UUID()
            for index in 0..<24 {
                achievement = try await world.ingest(
                    world.credential(index: index, analysis: index % 4, communication: (index * 3 + 1) % 4), issuer: issuer)
            }
            for index in 24..<26 {
                try await world.ingest(world.credential(index: index, analysis: 3, communication: 3, evidence: false), issuer: issuer)
            }
            // What the lead's ingest hook does; idempotent, so it does not matter whether the hook ran already.
            _ = try await world.service.database.withTransaction(logger: TestDatabase.logger) { connection in
                try await RubricSync.sync(achievements: [achievement], on: connection, logger: TestDatabase.logger)
            }
            let assessed = try await world.service.strings(
                "SELECT rubric_version_basis FROM credentials WHERE achievement_id = \(achievement) AND rubric_version_id IS NOT NULL"
            )
            #expect(assessed.count == 26 && assessed.allSatisfy { $0 == "credential" })
            let listed = try await world.call(.get, "/v1/rubrics?achievementId=\(achievement)", organiser)
            let rubricID = try #require(listed.json.items("items").first?["id"]?.stringValue)
            #expect(listed.json.items("items").first?.double("latestVersion") == 1)

            // Creation: reviewers must be hiring managers; the sample is stratified, anonymous and reproducible.
            var request: JSONObject = [
                "title": "Junior analyst calibration", "achievementId": .string(achievement.uuidString),
                "reviewers": ["organizations": [.string(organiser.organization.uuidString)], "keys": [.string(recruiter.id.uuidString)]],
                "sample": ["size": 16, "seed": 7], "showIssuerLevel": true, "hiringBarRole": "Junior analyst",
            ]
            let refused = try await world.call(.post, "/v1/calibration-sessions", organiser, .object(request))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.json.items("errors").first?["pointer"]?.stringValue == "/reviewers/keys/0")
            request["reviewers"] = ["organizations": [.string(organiser.organization.uuidString)], "keys": [.string(globex.id.uuidString)]]
            let created = try await world.call(.post, "/v1/calibration-sessions", organiser, .object(request))
            #expect(created.status == .created)
            let session = try #require(created.json["id"]?.stringValue)
            let artefacts = created.json.items("artefacts")
            #expect(artefacts.count == 16)
            #expect(created.json["sample"]?.items("strata").map { $0.double("drawn") } == [4, 4, 4, 4])
            #expect(created.json["sample"]?.items("strata").map { $0.double("available") } == [6, 6, 6, 6])
            #expect(artefacts.allSatisfy { $0.items("evidence").count == 1 && $0["issuerLevels"] != nil })
            #expect(!created.json.serialized().contains("calibration-learner"), "no earner identity in artefacts")
            request["showIssuerLevel"] = false
            request["title"] = "Same seed, levels hidden"
            let again = try await world.call(.post, "/v1/calibration-sessions", organiser, .object(request))
            #expect(again.json.items("artefacts").map { $0["evidence"] } == artefacts.map { $0["evidence"] }, "same seed, same sample")
            #expect(again.json.items("artefacts").allSatisfy { $0["issuerLevels"] == nil })

            // Ratings only while open, only by invited reviewers, only on the rubric's levels.
            let first = try #require(artefacts.first?["id"]?.stringValue)
            let analysis = CalibrationWorld.criteria[0]
            let rate = { (key: CalibrationWorld.Key, artefact: String, criteria: [JSONValue], bar: JSONValue?) in
                try await world.call(
                    .post, "/v1/calibration-sessions/\(session)/ratings", key,
                    .object(JSONObject(compacting: ["artefactId": .string(artefact), "criteria": .array(criteria), "hiringBar": bar]))
                )
            }
            let one: [JSONValue] = [["criterionId": .string(analysis), "levelId": .string("\(analysis)-3")]]
            #expect(try await rate(globex, first, one, nil).status == .conflict, "draft sessions take no ratings")
            #expect(try await world.call(.post, "/v1/calibration-sessions/\(session)/open", globex).status == .forbidden)
            #expect(try await world.call(.post, "/v1/calibration-sessions/\(session)/open", organiser).json["state"] == "open")
            let invalid = try await rate(globex, first, [["criterionId": .string(analysis), "levelId": "nope"]], nil)
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid.json.items("errors").first?["pointer"]?.stringValue == "/criteria/0/levelId")
            let unknown = try await rate(globex, first, [["criterionId": "speed", "levelId": "fast"]], nil)
            #expect(unknown.json.items("errors").first?["pointer"]?.stringValue == "/criteria/0/criterionId")
            #expect(try await rate(uninvited, first, one, nil).status == .notFound)
            #expect(try await rate(acmeAdmin, first, one, nil).status == .forbidden)
            #expect(try await rate(recruiter, first, one, nil).status == .forbidden)
            let before = try await rate(acmeReviewers[1], first, one, nil)
            #expect(before.status == .ok)

            var given: Given = [:]
            var verdicts: [HiringBarVerdict] = []
            for (k, reviewer) in reviewers.enumerated() {
                for (i, artefact) in artefacts.enumerated() {
                    let id = try #require(artefact["id"]?.stringValue)
                    let levels = Dictionary(
                        uniqueKeysWithValues: artefact.items("issuerLevels").compactMap { level in
                            level["criterionId"]?.stringValue.flatMap { c in level["levelId"]?.stringValue.map { (c, Int($0.suffix(1)) ?? 0) } }
                        })
                    let a = levels[analysis] ?? 0
                    let c = levels[CalibrationWorld.criteria[1]] ?? 0
                    // Reviewers rate analysis a level below the issuer (one reviewer per artefact agrees) and scatter on communication.
                    let ratedAnalysis = k == i % 4 ? a : max(0, a - 1)
                    let ratedCommunication = min(3, max(0, c + [0, 2, -1, 1][(i + k) % 4]))
                    let comment = ratedAnalysis < a && i % 3 == 0 ? "Less independent work than the level says." : nil
                    let criteria: [JSONValue] = [
                        .object(
                            JSONObject(compacting: [
                                "criterionId": .string(analysis), "levelId": .string("\(analysis)-\(ratedAnalysis)"), "comment": .text(comment),
                            ])),
                        [
                            "criterionId": .string(CalibrationWorld.criteria[1]),
                            "levelId": .string("\(CalibrationWorld.criteria[1])-\(ratedCommunication)"),
                        ],
                    ]
                    let meets = a == 3 || (a == 2 && k == 0)
                    let response = try await rate(reviewer, id, criteria, ["meets": .bool(meets), "comment": meets ? nil : "Not yet for us."])
                    #expect(response.status == .ok)
                    for rating in response.json.items("ratings") {
                        let criterion = try #require(rating["criterionId"]?.stringValue)
                        given["\(id)|\(reviewer.id)|\(criterion)"] = (
                            try #require(rating["id"]?.stringValue), try #require(rating["levelId"]?.stringValue), rating["comment"]?.stringValue
                        )
                    }
                    let verdict = try #require(response.json["hiringBar"])
                    verdicts.append(
                        HiringBarVerdict(
                            id: try #require(verdict["id"]?.stringValue), artefactID: id, reviewerID: reviewer.id.uuidString, meetsBar: meets,
                            comment: verdict["comment"]?.stringValue
                        )
                    )
                }
            }
            // The changed rating kept its id and counts the change.
            let changed = try #require(given["\(first)|\(acmeReviewers[1].id)|\(analysis)"])
            #expect(changed.id == before.json.items("ratings").first?["id"]?.stringValue)
            let mine = try await world.call(.get, "/v1/calibration-sessions/\(session)", acmeReviewers[1])
            #expect(mine.json.items("myRatings").first { $0["id"]?.stringValue == changed.id }?.double("changes") == 1)
            #expect(mine.json.items("myRatings").count == 32 && mine.json["sample"] != nil)
            let outsider = try await world.call(.get, "/v1/calibration-sessions/\(session)", globex)
            #expect(outsider.json.items("myRatings").count == 32 && outsider.json["sample"] == nil && outsider.json["reviewers"] == nil)

            // The live report is for the organisers; outsiders see it after close.
            let live = try await world.call(.get, "/v1/calibration-sessions/\(session)/report", organiser)
            #expect(live.json["final"] == false && live.json.items("proposals").allSatisfy { $0["status"] == "preview" })
            #expect(try await world.call(.get, "/v1/calibration-sessions/\(session)/report", globex).status == .forbidden)
            let closed = try await world.call(.post, "/v1/calibration-sessions/\(session)/close", organiser)
            #expect(closed.status == .ok && closed.json["final"] == true)
            #expect(try await rate(globex, first, one, nil).status == .conflict, "closed sessions take no ratings")
            let report = try await world.call(.get, "/v1/calibration-sessions/\(session)/report", globex)
            #expect(report.status == .ok)

            // The same figures, computed here with the Calibration library from the ratings the test gave.
            let domain = try Self.domainSession(session, view: created.json, given: given, verdicts: verdicts)
            try Self.expectFigures(report.json, match: domain)
            let proposals = RevisionRules.proposals(for: domain, statistics: SessionStatistics(session: domain))
            #expect(report.json.items("proposals").compactMap { $0["id"]?.stringValue } == proposals.map(\.id))
            #expect(proposals.contains { $0.kind == .recalibrateLevels && $0.criterionID == analysis && $0.direction == .reviewersLower })
            #expect(proposals.contains { $0.kind == .clarifyDescriptors && $0.criterionID == CalibrationWorld.criteria[1] })
            #expect(report.json.items("proposals").allSatisfy { $0["status"] == "open" })

            // The achievement's summary reaches search through the multiplier.
            let expected = CalibrationSummary(sessions: [domain]).rankingMultiplier()
            #expect(expected < 1, "reviewers rate below the issuer: the badge overstates its holders")
            let stored = try await world.service.strings("SELECT calibration_multiplier::text FROM achievements WHERE id = \(achievement)")
            #expect(stored.first.flatMap(Float.init) == Float(expected))
            let rubric = try await world.call(.get, "/v1/rubrics/\(rubricID)", recruiter)
            #expect(nearlyEqual(rubric.json.double("calibration", "rankingMultiplier"), expected))
            #expect(rubric.json.double("openProposals") == Double(proposals.count))

            try await Self.revise(
                world, rubric: rubricID, view: created.json, proposals: proposals, given: given, issuer: issuer, organiser: organiser)
            try await Self.expectSeparation(
                world, achievement: achievement, acmeSession: session, organiser: organiser, globex: globex, uninvited: uninvited)
        }
    }

    /// The session as the library sees it, built from the session view (rubric, issuer levels) and the test's ratings.
    static func domainSession(_ id: String, view: JSONValue, given: Given, verdicts: [HiringBarVerdict]) throws -> CalibrationSession {
        let criteria =
            try view["rubric"]?.items("criteria").map { criterion in
                RubricCriterion(
                    id: try #require(criterion["id"]?.stringValue), name: criterion["name"]?.stringValue ?? "",
                    levels: try criterion.items("levels").map { RubricLevel(id: try #require($0["id"]?.stringValue), name: "", descriptor: "") }
                )
            } ?? []
        let artefacts = try view.items("artefacts").map { artefact in
            CalibrationArtefact(
                id: try #require(artefact["id"]?.stringValue),
                issuerLevels: Dictionary(
                    uniqueKeysWithValues: artefact.items("issuerLevels").compactMap { level in
                        level["criterionId"]?.stringValue.flatMap { c in level["levelId"]?.stringValue.map { (c, $0) } }
                    })
            )
        }
        let ratings = given.map { key, value in
            let parts = key.split(separator: "|").map(String.init)
            return CriterionRating(
                id: value.id, artefactID: parts[0], reviewerID: parts[1].uppercased(), criterionID: parts[2], levelID: value.level,
                comment: value.comment
            )
        }
        return try CalibrationSession(
            id: id, rubric: try RubricVersion(number: 1, criteria: criteria), artefacts: artefacts, ratings: ratings, verdicts: verdicts)
    }

    /// Every headline figure of the report equals the library's.
    static func expectFigures(_ report: JSONValue, match session: CalibrationSession) throws {
        let statistics = SessionStatistics(session: session)
        let figures = try #require(report["figures"])
        #expect(figures.double("ratings") == Double(statistics.ratings) && figures.double("reviewers") == 4)
        #expect(nearlyEqual(figures.double("agreement", "alpha"), statistics.overallAgreement.alpha))
        #expect(nearlyEqual(figures.double("agreement", "interval", "lower"), statistics.overallAgreementBootstrap?.interval?.lower))
        #expect(nearlyEqual(figures.double("agreement", "interval", "upper"), statistics.overallAgreementBootstrap?.interval?.upper))
        #expect(nearlyEqual(figures.double("hiringBar", "rate"), statistics.hiringBar.rate))
        #expect(nearlyEqual(figures.double("drift", "signTestPValue"), statistics.overallDrift.signTestPValue))
        for (view, expected) in zip(figures.items("criteria"), statistics.criteria) {
            #expect(view["criterionId"]?.stringValue == expected.criterionID)
            #expect(nearlyEqual(view.double("agreement", "alpha"), expected.agreement.alpha))
            #expect(nearlyEqual(view.double("agreement", "interval", "lower"), expected.agreementBootstrap?.interval?.lower))
            #expect(nearlyEqual(view.double("issuerKappa", "kappa"), expected.issuerKappa.kappa))
            #expect(nearlyEqual(view.double("issuerKappa", "standardError"), expected.issuerKappa.standardError))
            #expect(nearlyEqual(view.double("drift", "meanDifference"), expected.drift.meanDifference))
            #expect(nearlyEqual(view.double("drift", "signTestPValue"), expected.drift.signTestPValue))
            #expect(view["drift"]?["direction"]?.stringValue == expected.drift.direction.rawValue)
            #expect(view.items("hiringBarByIssuerLevel").map { $0.double("rate") } == expected.hiringBar.map(\.bar.rate))
        }
        let analysis = try #require(statistics.criteria.first)
        #expect(analysis.drift.direction == .reviewersLower && (analysis.agreement.alpha ?? 0) > 0.667)
        #expect((statistics.criteria.last?.agreement.alpha ?? 1) < 0.667)
    }
}
