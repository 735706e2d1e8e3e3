import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PostgresNIO
import StrictJSON
import Testing

/// The alignment report: how each alignment resolved, and an occupation's essential skills covered and missed by one
/// achievement and by a pathway of two, checked against set arithmetic on the raw ESCO relations.
@Suite struct ReportAlignmentTests {
    static let visualisation = "http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389"

    @Test func coverageOfAnOccupationByAnAchievementAndAPathway() async throws {
        try await CalibrationWorld.runSeeded { world in
            let database = world.service.database
            // An ESCO occupation that requires the first badge's skill, and another essential skill of it for the second.
            let occupation = try #require(
                try await world.service.strings(
                    """
                    SELECT o.code FROM skill_relations r JOIN skills o ON o.id = r.from_skill JOIN skills k ON k.id = r.to_skill
                    WHERE r.kind = 'essential' AND k.code = \(Self.visualisation) ORDER BY o.code LIMIT 1
                    """
                ).first
            )
            let essential = try await Self.essentialSkills(occupation, database)
            let second = try #require(essential.keys.filter { $0 != Self.visualisation && $0.hasPrefix("http://data.europa.eu/esco/skill/") }.min())

            let issuer = try await world.key(org: "Northwind Test Institute", kind: .issuer, role: .issuer)
            let first = try await world.ingest(world.credential(index: 1, analysis: 2, communication: 2), issuer: issuer)
            let signer = TestSigner()
            let statistics = signer.credential(subject: "did:example:pathway-1", achievement: "Statistics module", alignmentURL: second)
            let response = try await world.client.execute(
                uri: "/v1/credentials", method: .post, headers: .bearer(issuer.token, [.contentType: "application/jwt"]),
                body: ByteBuffer(string: try signer.jwt(statistics))
            )
            let secondAchievement = try #require(try response.json["achievementId"]?.stringValue)

            // Expected, from the raw relations: a requirement is covered by the concept itself or a narrower one.
            func covered(by codes: Set<String>) async throws -> Set<String> {
                let parents = try await world.service.strings(
                    """
                    SELECT p.code FROM skill_relations r JOIN skills c ON c.id = r.from_skill JOIN skills p ON p.id = r.to_skill
                    WHERE r.kind = 'broader' AND c.code = ANY(\(Array(codes)))
                    """
                )
                return Set(essential.keys).intersection(codes.union(parents))
            }
            let alone = try await covered(by: [Self.visualisation])
            let stacked = try await covered(by: [Self.visualisation, second])
            #expect(alone.contains(Self.visualisation) && stacked.count > alone.count)

            let reports = ReportClient(client: world.client)
            let started = ContinuousClock.now
            let report = try await reports.json("alignment", issuer.token, "pathway=\(first),\(secondAchievement)&occupation=\(occupation)")
            print("alignment report (pathway of 2, 1 occupation): \(ContinuousClock.now - started)")
            let coverage = reports.rows(report, table: "coverage")
            #expect(coverage.count == 3, "the pathway and each achievement")
            let pathway = try #require(coverage.first)
            #expect(pathway["unit"]?.stringValue == "Pathway: Data analysis project + Statistics module")
            #expect(pathway.double("required") == Double(essential.count))
            #expect(pathway.double("covered") == Double(stacked.count))
            #expect(nearlyEqual(pathway.double("coverage"), Double(stacked.count) / Double(essential.count)))
            let single = try #require(coverage.first { $0["unit"] == "Data analysis project" })
            #expect(single.double("covered") == Double(alone.count))
            let missing = reports.rows(report, table: "missing").filter { $0["unit"] == "Data analysis project" }
                .compactMap { $0["skill_code"]?.stringValue }
            #expect(Set(missing) == Set(essential.keys).subtracting(alone))
            #expect(missing.count == essential.count - alone.count)

            let alignments = reports.rows(report, table: "alignments")
            let resolved = try #require(alignments.first { $0["code"]?.stringValue == Self.visualisation })
            #expect(resolved["counts"] == "yes")
            #expect((resolved["rule"]?.stringValue ?? "").isEmpty == false)
            #expect(resolved["concept"]?.stringValue == essential[Self.visualisation])

            // Without named occupations the report picks the closest ones for each achievement.
            let picked = reports.rows(try await reports.json("alignment", issuer.token, "achievement=\(first)"), table: "coverage")
            #expect(!picked.isEmpty && picked.count <= 5)
            #expect(picked.allSatisfy { ($0.double("covered") ?? 0) >= 1 })

            let bad = try await reports.get("alignment", issuer.token, "occupation=\(occupation),not-an-occupation")
            #expect(bad.status == .unprocessableContent)
            #expect(try bad.json.items("errors").first?["pointer"] == "#/query/occupation/1")
            let csvQuery = "format=csv&table=missing&pathway=\(first),\(secondAchievement)&occupation=\(occupation)"
            let csv = try #require(ReportFormats.csvRows(try await reports.get("alignment", issuer.token, csvQuery).text))
            #expect(csv.count == reports.rows(report, table: "missing").count)
            let html = try await reports.get("alignment", issuer.token, "format=html&pathway=\(first),\(secondAchievement)").text
            let page = ReportFormats.parsePage(html)
            #expect(page.isWellFormed && page.elementCounts["svg"] == 1)
        }
    }

    /// An occupation's essential skills and knowledge: code → preferred label.
    static func essentialSkills(_ occupation: String, _ database: PostgresClient) async throws -> [String: String] {
        let rows = try await database.query(
            """
            SELECT k.code, k.preferred_label FROM skill_relations r JOIN skills o ON o.id = r.from_skill JOIN skills k ON k.id = r.to_skill
            WHERE r.kind = 'essential' AND o.code = \(occupation)
            """,
            logger: TestDatabase.logger
        )
        var skills: [String: String] = [:]
        for try await (code, label) in rows.decode((String, String).self) { skills[code] = label }
        return skills
    }
}
