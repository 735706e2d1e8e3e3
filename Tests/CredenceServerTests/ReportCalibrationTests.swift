import CredenceServer
import Foundation
import PostgresNIO
import StrictJSON
import Testing

/// The calibration report over a closed session (the demo session, simulated reviewers): its counts recounted from the
/// raw ratings, its agreement and drift the figures the session froze, open proposals and revisions, in all three
/// formats, and only for the curriculum team whose achievement it is.
@Suite struct ReportCalibrationTests {
    @Test func calibrationReportInEveryFormat() async throws {
        try await CalibrationWorld.run { world in
            let issuer = try await world.key(org: "Northwind Test Institute", kind: .issuer, role: .issuer)
            var achievement = UUID()
            for index in 0..<16 {
                achievement = try await world.ingest(
                    world.credential(index: index, analysis: index % 4, communication: (index + 1) % 4), issuer: issuer)
            }
            let demo = try await CalibrationDemo.seed(client: world.service.database, logger: TestDatabase.logger)
            let session = try #require(demo.sessionID)
            let reports = ReportClient(client: world.client)

            let started = ContinuousClock.now
            let report = try await reports.json("calibration", issuer.token)
            let elapsed = ContinuousClock.now - started
            print("calibration report (1 session): \(elapsed)")
            let sessions = reports.rows(report, table: "sessions")
            try #require(sessions.count == 1)
            let row = sessions[0]

            // Counts recounted from the raw tables, not from the frozen figures.
            let database = world.service.database
            let ratings = try await database.query(
                "SELECT count(*)::int, count(DISTINCT reviewer_key_id)::int FROM calibration_ratings WHERE session_id = \(session)",
                logger: TestDatabase.logger
            )
            var counted: (ratings: Int, reviewers: Int) = (0, 0)
            for try await (n, reviewers) in ratings.decode((Int, Int).self) { counted = (n, reviewers) }
            #expect(row.double("ratings") == Double(counted.ratings))
            #expect(row.double("reviewers") == Double(counted.reviewers))
            #expect(row.double("artefacts") == Double(demo.artefacts))
            #expect(row["rubric_version"] == 1)
            #expect(row["closed_on"]?.stringValue?.count == 10)

            // Agreement and drift are the session's own frozen figures, at full precision.
            let frozen = try await world.service.strings("SELECT final_figures::text FROM calibration_sessions WHERE id = \(session)")
            let figures = try JSONParser.parse(try #require(frozen.first))
            #expect(nearlyEqual(row.double("alpha"), figures["agreement"]?.double("alpha")))
            #expect(nearlyEqual(row.double("alpha_lower"), figures["agreement"]?["interval"]?.double("lower")))
            #expect(nearlyEqual(row.double("drift_mean_levels"), figures["drift"]?.double("meanDifference")))
            #expect(row["drift_direction"]?.stringValue == figures["drift"]?["direction"]?.stringValue)

            let openProposals = try await world.service.strings(
                "SELECT id FROM revision_proposals WHERE session_id = \(session) AND status = 'open'"
            )
            #expect(reports.rows(report, table: "proposals").count == openProposals.count)
            #expect(openProposals.count == demo.proposals)
            let revisions = reports.rows(report, table: "revisions")
            #expect(revisions.map { $0["version"] } == [1])
            #expect(revisions.first?["source"]?.stringValue == "definition")
            let pooled = reports.rows(report, table: "achievements")
            #expect(pooled.count == 1 && pooled.first?.double("sessions") == 1)
            #expect(nearlyEqual(pooled.first?.double("ranking_multiplier"), demo.rankingMultiplier))
            #expect(report["filters"]?.arrayValue?.contains { $0["name"] == "scope" } == true)
            #expect(report["dataAsOf"]?.stringValue != nil)
            #expect(report.items("sections").allSatisfy { ($0["method"]?.stringValue?.count ?? 0) > 40 })

            // CSV: a header row, the same figures, parsed back.
            let csv = try await reports.get("calibration", issuer.token, "format=csv&table=sessions")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let parsed = try #require(ReportFormats.csvRows(csv.text))
            #expect(parsed.count == 1)
            #expect(parsed.first?["ratings"] == String(counted.ratings))
            #expect(parsed.first.flatMap { $0["alpha"] }.flatMap(Double.init).map { abs($0 - (row.double("alpha") ?? .nan)) < 0.0005 } == true)
            let proposalsCSV = try #require(
                ReportFormats.csvRows(try await reports.get("calibration", issuer.token, "format=csv&table=proposals").text))
            #expect(proposalsCSV.count == openProposals.count)

            // HTML: well-formed, with its chart, method and freshness.
            let page = try await reports.get("calibration", issuer.token, "format=html")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            let outline = ReportFormats.parsePage(page.text)
            #expect(outline.isWellFormed)
            #expect(outline.elementCounts["svg"] == 1)
            #expect(outline.elementCounts["table"] == 4)
            #expect(outline.text.contains("How this is computed"))
            #expect(outline.text.contains("Data as of"))

            // Only the curriculum team whose achievement it is; the platform sees everything; no other role.
            let other = try await world.key(org: "Southbank College", kind: .issuer, role: .issuer)
            #expect(reports.rows(try await reports.json("calibration", other.token), table: "sessions").isEmpty)
            let named = try await reports.get("calibration", other.token, "achievement=\(achievement)")
            #expect(named.status == .forbidden)
            #expect(try named.json.items("errors").first?["pointer"] == "#/query/achievement")
            let admin = try await world.service.platformAdminKey()
            #expect(reports.rows(try await reports.json("calibration", admin, "achievement=\(achievement)"), table: "sessions").count == 1)
            let issuerAdmin = try await world.key(org: "Northwind Test Institute", kind: .issuer, role: .admin)
            #expect(reports.rows(try await reports.json("calibration", issuerAdmin.token), table: "sessions").count == 1)
            for role in [Role.recruiter, .hiringManager] {
                let key = try await world.key(org: "Acme Hiring", kind: .employer, role: role)
                #expect(try await reports.get("calibration", key.token).status == .forbidden)
            }
            let employerAdmin = try await world.key(org: "Acme Hiring", kind: .employer, role: .admin)
            #expect(try await reports.get("calibration", employerAdmin.token).status == .forbidden)

            // A period that ended before the session closed has no sessions, and says so in the page.
            let past = try await reports.json("calibration", issuer.token, "from=2020-01-01&to=2020-12-31")
            #expect(reports.rows(past, table: "sessions").isEmpty)
            #expect(past["period"]?["from"] == "2020-01-01")
        }
    }

    @Test func invalidQueriesNameTheirParameters() async throws {
        try await TestApp.run { client, service in
            let token = try await service.key(org: "Northwind Test Institute", kind: .issuer, role: .issuer)
            let reports = ReportClient(client: client)
            let cases: [(String, [String])] = [
                ("format=xml", ["#/query/format"]),
                ("from=2025-02-30", ["#/query/from"]),
                ("from=2025-06-01&to=2025-01-01", ["#/query/from"]),
                ("from=2015-01-01&to=2025-01-01", ["#/query/from"]),
                ("issuer=nope&achievement=also-not", ["#/query/issuer", "#/query/achievement"]),
                ("pathway=" + (0..<21).map { _ in UUID().uuidString }.joined(separator: ","), ["#/query/pathway"]),
                ("format=csv&table=nothing-like-it", ["#/query/table"]),
            ]
            for (query, pointers) in cases {
                let response = try await reports.get("calibration", token, query)
                #expect(response.status == .unprocessableContent, "\(query)")
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(try response.json.items("errors").compactMap { $0["pointer"]?.stringValue } == pointers, "\(query)")
            }
            let unknown = try await reports.get("popularity", token)
            #expect(unknown.status == .notFound)
            #expect(try unknown.json.items("errors").first?["pointer"] == "#/path/name")
            #expect(try await client.execute(uri: "/v1/reports/calibration", method: .get).status == .unauthorized)
        }
    }
}
