import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import StrictJSON
import Testing

/// Demand and recognition reports over real searches and signals: two employers search (one agreed to be named),
/// open evidence and signal; every figure is the count of what the test itself did.
@Suite struct ReportDemandRecognitionTests {
    static let visualisation = "http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389"

    struct Holder {
        let earner: UUID
        let credential: UUID
    }

    /// Ingests a badge for learner `index` (aligned to ESCO "deliver visual presentation of data").
    static func holder(_ world: CalibrationWorld, index: Int, issuer: CalibrationWorld.Key) async throws -> Holder {
        let response = try await world.client.execute(
            uri: "/v1/credentials", method: .post, headers: .bearer(issuer.token, [.contentType: "application/jwt"]),
            body: ByteBuffer(string: try world.signer.jwt(world.credential(index: index, analysis: 2, communication: 2)))
        )
        let json = try response.json
        let earner = try #require(json["earnerId"]?.stringValue.flatMap(UUID.init(uuidString:)), "\(response.text)")
        let credential = try #require(json["id"]?.stringValue.flatMap(UUID.init(uuidString:)))
        return Holder(earner: earner, credential: credential)
    }

    static func consent(_ world: CalibrationWorld, _ earner: UUID) async throws {
        let key = try await world.service.key(org: "Platform", kind: .platform, role: .earner, earnerID: earner)
        let response = try await world.client.execute(
            uri: "/v1/earners/\(earner)/consent", method: .put, headers: .bearer(key, .json), body: ByteBuffer(string: #"{"discoverable": true}"#)
        )
        #expect(response.status == .ok)
    }

    /// Searches and returns the number of results.
    static func search(_ world: CalibrationWorld, _ text: String, _ key: CalibrationWorld.Key) async throws -> Int {
        let response = try await world.call(.post, "/v1/search", key, ["skills": [["text": .string(text)]]])
        #expect(response.status == .ok)
        return Int(response.json["total"]?.double("value") ?? -1)
    }

    static func signal(_ world: CalibrationWorld, _ kind: String, _ holder: Holder, _ key: CalibrationWorld.Key) async throws {
        let response = try await world.call(
            .post, "/v1/signals", key,
            ["earnerId": .string(holder.earner.uuidString), "credentialId": .string(holder.credential.uuidString), "kind": .string(kind)]
        )
        #expect(response.status == .created || response.status == .ok, "\(response.json)")
    }

    @Test func demandAndRecognitionCountWhatEmployersDid() async throws {
        try await CalibrationWorld.runSeeded { world in
            let issuer = try await world.key(org: "Northwind Test Institute", kind: .issuer, role: .issuer)
            var holders: [Holder] = []
            for index in 0..<6 { holders.append(try await Self.holder(world, index: index, issuer: issuer)) }
            for holder in holders.prefix(5) { try await Self.consent(world, holder.earner) }
            let acme = try await world.key(org: "Acme Hiring", kind: .employer, role: .recruiter)
            let acmeAdmin = try await world.key(org: "Acme Hiring", kind: .employer, role: .admin)
            let globex = try await world.key(org: "Globex", kind: .employer, role: .recruiter)
            let agreed = try await world.call(.put, "/v1/organizations/\(acmeAdmin.organization)/recognition-naming", acmeAdmin, ["named": true])
            #expect(agreed.status == .ok)
            #expect(try await world.call(.put, "/v1/organizations/\(acmeAdmin.organization)/recognition-naming", issuer, ["named": true]).status
                == .forbidden)

            // Searches: the test's own tally is what the report must show.
            var visualisationResults: [Int] = []
            for key in [acme, acme, acme, globex] { visualisationResults.append(try await Self.search(world, "data visualisation", key)) }
            #expect(visualisationResults == [5, 5, 5, 5])
            for key in [acme, acme, globex] { #expect(try await Self.search(world, "python", key) == 0) }
            for key in [acme, globex] { #expect(try await Self.search(world, "quantum basket weaving", key) == 0) }

            // Employer actions: Acme opens three holders' evidence and takes one to hire; Globex shortlists and hires another.
            for holder in holders.prefix(3) {
                #expect(try await world.call(.get, "/v1/credentials/\(holder.credential)", acme).status == .ok)
            }
            for (kind, index) in [
                ("shortlisted", 0), ("shortlisted", 0), ("shortlisted", 1), ("shortlisted", 2), ("interviewed", 0), ("interviewed", 1),
                ("badge_referenced", 0), ("hired", 0), ("contacted", 1),
            ] {
                try await Self.signal(world, kind, holders[index], acme)
            }
            try await Self.signal(world, "shortlisted", holders[3], globex)
            try await Self.signal(world, "accepted_in_screening", holders[3], globex)
            try await Self.signal(world, "hired", holders[3], globex)

            let reports = ReportClient(client: world.client)
            var started = ContinuousClock.now
            let demand = try await reports.json("demand", issuer.token)
            print("demand report: \(ContinuousClock.now - started)")
            let rows = reports.rows(demand, table: "demand")
            let visualisation = try #require(rows.first { $0["code"]?.stringValue == Self.visualisation })
            #expect(visualisation.double("searches") == 4)
            #expect(visualisation.double("organizations") == 2)
            #expect(visualisation.double("zero_results") == 0)
            #expect(visualisation.double("few_results") == 0)
            #expect(visualisation.double("covered_by") == 1)
            let monthly = reports.rows(demand, table: "monthly").filter { $0["concept"] == visualisation["concept"] }
            #expect(monthly.compactMap { $0.double("searches") }.reduce(0, +) == 4)
            let gaps = reports.rows(demand, table: "gaps")
            #expect(!gaps.contains { $0["code"]?.stringValue == Self.visualisation })
            let python = gaps.filter { ($0["concept"]?.stringValue ?? "").lowercased().contains("python") }
            #expect(!python.isEmpty && python.allSatisfy { $0.double("zero_results") == 3 && $0.double("organizations") == 2 })
            let terms = reports.rows(demand, table: "terms")
            #expect(terms.first { $0["term"] == "python" }?.double("searches") == 3)
            #expect(terms.first { $0["term"] == "quantum basket weaving" }?.double("organizations") == 2)
            #expect(!terms.contains { $0["term"] == "data visualisation" }, "terms of searches that found someone are not gaps")
            let matched = reports.rows(demand, table: "achievements")
            #expect(matched.count == 1 && matched.first?.double("searches") == 4 && matched.first?.double("organizations") == 2)
            #expect(nearlyEqual(matched.first?.double("share_of_searches"), 4.0 / 9.0))

            started = ContinuousClock.now
            let recognition = try await reports.json("recognition", issuer.token)
            print("recognition report: \(ContinuousClock.now - started)")
            let funnel = reports.rows(recognition, table: "funnel")
            let stages = ["appeared", "opened_evidence", "shortlisted", "interviewed", "badge_referenced", "accepted_in_screening", "hired"]
            func counts(_ employer: String) -> [Double?] {
                let row = funnel.first { $0["employer"]?.stringValue == employer }
                return stages.map { row?.double($0) }
            }
            #expect(funnel.map { $0["employer"]?.stringValue } == ["All employers", "Acme Hiring", "Employers not named"])
            #expect(counts("All employers") == [5, 3, 4, 2, 1, 1, 2])
            #expect(counts("Acme Hiring") == [5, 3, 3, 2, 1, 0, 1])
            #expect(counts("Employers not named") == [5, 0, 1, 0, 0, 1, 1])
            // Of the 5 who appeared, Acme hired one and an unnamed employer another.
            #expect(funnel.map { $0.double("hire_rate") } == [2.0 / 5.0, 1.0 / 5.0, 1.0 / 5.0])
            #expect(!recognition.serialized().contains("Globex"), "an employer that did not agree is never named")
            #expect(funnel.allSatisfy { $0["achievement"]?.stringValue == "Data analysis project" })

            // The other formats carry the same figures.
            let csv = try #require(ReportFormats.csvRows(try await reports.get("recognition", issuer.token, "format=csv").text))
            #expect(csv.map { $0["employer"] } == ["All employers", "Acme Hiring", "Employers not named"])
            #expect(csv.first?["shortlisted"] == "4")
            #expect(csv.first?["hire_rate"] == "0.400")
            let demandCSV = try #require(ReportFormats.csvRows(try await reports.get("demand", issuer.token, "format=csv&table=gaps").text))
            #expect(demandCSV.count == gaps.count)
            for name in ["demand", "recognition"] {
                let page = try await reports.get(name, issuer.token, "format=html")
                let outline = ReportFormats.parsePage(page.text)
                #expect(outline.isWellFormed, "\(name)")
                #expect((outline.elementCounts["svg"] ?? 0) >= 1, "\(name)")
                #expect(outline.text.contains("How this is computed"), "\(name)")
            }

            // Another curriculum team sees the market's demand but none of this achievement's recognition.
            let other = try await world.key(org: "Southbank College", kind: .issuer, role: .issuer)
            #expect(reports.rows(try await reports.json("recognition", other.token), table: "funnel").isEmpty)
            let theirs = try await reports.json("demand", other.token)
            #expect(reports.rows(theirs, table: "demand").first { $0["code"]?.stringValue == Self.visualisation }?.double("covered_by") == 0)
            #expect(reports.rows(theirs, table: "achievements").isEmpty)
        }
    }
}
