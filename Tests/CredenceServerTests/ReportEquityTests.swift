import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import StrictJSON
import Testing

/// The equity report on 60 earners who reported (or not) a gender: every published count is the test's own tally,
/// every count under 10 is hidden, no hidden count follows from the published rows and totals, a rare group's label
/// is never shown, and attributes are the earner's own to give.
@Suite struct ReportEquityTests {
    static let stages = ["earned_only", "shared_not_shortlisted", "shortlisted"]

    /// Learner i's reported gender (nil: not stated), whether they share, and whether an employer shortlists them.
    static func gender(_ i: Int) -> String? {
        switch i % 12 {
        case 0, 1, 2, 3, 4: return "woman"
        case 5, 6, 7, 8: return "man"
        case 9: return i < 48 ? "non-binary" : "woman"
        default: return i % 2 == 0 ? "man" : nil
        }
    }
    static func shares(_ i: Int) -> Bool { i % 3 != 0 }
    static func shortlisted(_ i: Int) -> Bool { shares(i) && i % 4 == 1 }

    @Test func equityIsPublishedOnlyInSafeAggregates() async throws {
        try await CalibrationWorld.run { world in
            let issuer = try await world.key(org: "Northwind Test Institute", kind: .issuer, role: .issuer)
            let recruiter = try await world.key(org: "Acme Hiring", kind: .employer, role: .recruiter)
            var firstEarner: (id: UUID, key: String)?
            for i in 0..<60 {
                let holder = try await ReportDemandRecognitionTests.holder(world, index: i, issuer: issuer)
                let key = try await world.service.key(org: "Platform", kind: .platform, role: .earner, earnerID: holder.earner)
                if firstEarner == nil { firstEarner = (holder.earner, key) }
                var attributes = JSONObject()
                if let gender = Self.gender(i) { attributes["gender"] = .string(gender) }
                if i % 2 == 0 { attributes["age_band"] = .string(i % 4 == 0 ? "under 25" : "25-34") }
                if !attributes.isEmpty {
                    let response = try await world.client.execute(
                        uri: "/v1/earners/\(holder.earner)/attributes", method: .put, headers: .bearer(key, .json),
                        body: ByteBuffer(string: JSONValue.object(["attributes": .object(attributes)]).serialized())
                    )
                    #expect(response.status == .ok)
                }
                if Self.shares(i) {
                    let response = try await world.client.execute(
                        uri: "/v1/earners/\(holder.earner)/consent", method: .put, headers: .bearer(key, .json),
                        body: ByteBuffer(string: #"{"discoverable": true}"#)
                    )
                    #expect(response.status == .ok)
                }
                if Self.shortlisted(i) { try await ReportDemandRecognitionTests.signal(world, "shortlisted", holder, recruiter) }
            }

            // The test's own tally: group → stage counts, rare groups pooled as the report promises.
            var tally: [String: [Int]] = [:]
            for i in 0..<60 {
                let stage = Self.shortlisted(i) ? 2 : Self.shares(i) ? 1 : 0
                tally[Self.gender(i) ?? "Not stated", default: [0, 0, 0]][stage] += 1
            }
            let rare = tally.filter { $0.key != "Not stated" && $0.value.reduce(0, +) < 10 }
            #expect(rare.keys.sorted() == ["non-binary"])
            var expected = tally.filter { rare[$0.key] == nil }
            expected["Other groups (each under 10 people)"] = rare.values.reduce([0, 0, 0]) { zip($0, $1).map(+) }
            expected["All earners"] = tally.values.reduce([0, 0, 0]) { zip($0, $1).map(+) }

            let reports = ReportClient(client: world.client)
            let started = ContinuousClock.now
            let report = try await reports.json("equity", issuer.token, "from=2025-01-01&to=2025-12-31")
            print("equity report (60 earners): \(ContinuousClock.now - started)")
            let rows = reports.rows(report, table: "gender")
            #expect(Set(rows.compactMap { $0["group"]?.stringValue }) == Set(expected.keys))
            #expect(!report.serialized().contains("non-binary"), "a group under 10 people is not named")
            #expect(!report.serialized().contains("calibration-learner"), "no earner identity")

            // Published means true; small means hidden, with its reason.
            var published: [[Int?]] = []
            for row in rows {
                let group = try #require(row["group"]?.stringValue)
                let truth = try #require(expected[group])
                let counts = Self.stages.map { row.double($0).map { Int($0) } } + [row.double("earners").map { Int($0) }]
                for (value, actual) in zip(counts, truth + [truth.reduce(0, +)]) {
                    if let value { #expect(value == actual, "\(group)") } else { #expect(row["suppressed"] != nil) }
                    if actual < 10 { #expect(value == nil, "\(group): \(actual) must be hidden") }
                }
                published.append(counts)
                if let shared = row.double("shared") {
                    #expect(Int(shared) == truth[1] + truth[2])
                    #expect(counts[1] != nil && counts[2] != nil, "a sum is shown only with both parts")
                }
                if let rate = row.double("sharing_rate") {
                    #expect(nearlyEqual(rate, Double(truth[1] + truth[2]) / Double(truth.reduce(0, +))))
                }
            }
            // A second attribute cuts the same earners another way: its margin row is published exactly as the first's, so
            // the two tables cannot be played against each other.
            let ages = reports.rows(report, table: "age_band")
            #expect(ages.map { $0["group"]?.stringValue } == ["25-34", "under 25", "Not stated", "All earners"])
            #expect(ages.last == rows.last)
            // The overall row holds the totals: no hidden count may follow from rows, columns and totals.
            #expect(rows.last?["group"] == "All earners")
            #expect(Self.recoverable(published).isEmpty, "recovered \(Self.recoverable(published))")
            #expect(published.joined().contains(nil), "this population has small cells to protect")

            let csvText = try await reports.get("equity", issuer.token, "format=csv&table=gender&from=2025-01-01").text
            let csv = try #require(ReportFormats.csvRows(csvText))
            #expect(csv.count == rows.count)
            #expect(csv.allSatisfy { row in Self.stages.allSatisfy { row[$0] == "suppressed" || Int(row[$0] ?? "") != nil } })
            let page = ReportFormats.parsePage(try await reports.get("equity", issuer.token, "format=html&from=2025-01-01").text)
            #expect(page.isWellFormed && page.elementCounts["svg"] == 2, "one chart per attribute")

            // Outside the period, or for another team, there is no one to break down.
            #expect(try await reports.json("equity", issuer.token, "from=2026-01-01").items("sections").isEmpty)
            let other = try await world.key(org: "Southbank College", kind: .issuer, role: .issuer)
            #expect(try await reports.json("equity", other.token, "from=2025-01-01").items("sections").isEmpty)

            // Attributes are self-reported: only the earner's own key, within bounds.
            let (earner, key) = try #require(firstEarner)
            let byIssuer = try await world.client.execute(
                uri: "/v1/earners/\(earner)/attributes", method: .put, headers: .bearer(issuer.token, .json),
                body: ByteBuffer(string: #"{"attributes": {"gender": "woman"}}"#)
            )
            #expect(byIssuer.status == .forbidden)
            let invalid = try await world.client.execute(
                uri: "/v1/earners/\(earner)/attributes", method: .put, headers: .bearer(key, .json),
                body: ByteBuffer(string: #"{"attributes": {"Gender!": "x", "age_band": ""}}"#)
            )
            #expect(invalid.status == .unprocessableContent)
            #expect(try invalid.json.items("errors").compactMap { $0["pointer"]?.stringValue } == ["/attributes/Gender!", "/attributes/age_band"])
        }
    }

    /// Hidden entries recovered by repeated subtraction along rows (stages sum to earners) and columns (groups sum to
    /// the last row), written without the suppression code. The linear-algebra attack lives with `SuppressedTable`'s
    /// own tests; this checks that the service publishes the table that code protected.
    static func recoverable(_ table: [[Int?]]) -> [[Int]] {
        var table = table
        var recovered: [[Int]] = []
        var progress = true
        while progress {
            progress = false
            let rows = (0..<table.count).map { r in (0..<table[r].count).map { (r, $0) } }
            let columns = (0..<(table.first?.count ?? 0)).map { c in (0..<table.count).map { ($0, c) } }
            for line in rows + columns {
                let unknown = line.filter { table[$0.0][$0.1] == nil }
                guard unknown.count == 1, let (r, c) = unknown.first, let last = line.last else { continue }
                let parts = line.dropLast().compactMap { table[$0.0][$0.1] }.reduce(0, +)
                table[r][c] = (r, c) == last ? parts : (table[last.0][last.1] ?? 0) - parts
                recovered.append([r, c])
                progress = true
            }
        }
        return recovered
    }
}
