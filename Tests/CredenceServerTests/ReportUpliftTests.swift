import CredenceServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import StrictJSON
import Testing

/// The uplift report on two cohorts whose events arrive as NDJSON and CSV: rates, z, medians, U and the
/// Hodges–Lehmann shift recomputed here by brute force from the events the test sent.
@Suite struct ReportUpliftTests {
    static let start = Date(timeIntervalSince1970: 1_788_220_800)  // 2026-09-01T00:00:00Z

    struct Learner {
        let id: String
        let checksIn: Bool
        let discusses: Bool
        let modules: Int
        let completes: Bool
        let submitHours: [Double]
    }

    static func cohort(badges: Bool, size: Int) -> [Learner] {
        (0..<size).map { i in
            let hours: [Double]
            if i % 7 == 3 {
                hours = []
            } else if badges {
                hours = [Double(i + 1), Double(2 * i + 5)]
            } else {
                hours = [Double(2 * i + 3), Double(i) + 0.5]
            }
            let modules = i % 5 == 0 ? 0 : (i % 2 == 0 ? 2 : 1)
            let checksIn = badges ? i % 3 != 0 : i % 2 == 0
            let completes = badges ? i % 3 == 0 : i % 6 == 0
            return Learner(
                id: "\(badges ? "b" : "n")-\(i)", checksIn: checksIn, discusses: i % 4 == 0, modules: modules, completes: completes,
                submitHours: hours
            )
        }
    }

    static func events(_ learners: [Learner]) -> [(learner: String, kind: String, module: String, at: Date)] {
        var events: [(learner: String, kind: String, module: String, at: Date)] = [
            ("", "assignment_released", "m1", start), ("", "assignment_released", "m2", start.addingTimeInterval(7 * 86_400)),
        ]
        for learner in learners {
            events.append((learner.id, "enrolled", "", start))
            if learner.checksIn { events.append((learner.id, "check_in", "", start.addingTimeInterval(3_600))) }
            if learner.discusses { events.append((learner.id, "discussion_post", "m1", start.addingTimeInterval(7_200))) }
            for module in 0..<learner.modules {
                events.append((learner.id, "module_completed", "m\(module + 1)", start.addingTimeInterval(86_400)))
            }
            if learner.completes { events.append((learner.id, "course_completed", "", start.addingTimeInterval(30 * 86_400))) }
            for (index, hours) in learner.submitHours.enumerated() {
                let released = start.addingTimeInterval(Double(index) * 7 * 86_400)
                events.append((learner.id, "submission", "m\(index + 1)", released.addingTimeInterval(hours * 3_600)))
            }
        }
        return events
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    @Test func upliftComparesCohortsWithIndependentFigures() async throws {
        try await CalibrationWorld.run { world in
            let issuer = try await world.key(org: "Northwind Test Institute", kind: .issuer, role: .issuer)
            let withID = UUID()
            let withoutID = UUID()
            #expect(try await world.call(.put, "/v1/cohorts/\(withID)", issuer, ["name": "Spring (badges)", "withBadges": true]).status == .ok)
            #expect(try await world.call(.put, "/v1/cohorts/\(withoutID)", issuer, ["name": "Autumn", "withBadges": false]).status == .ok)
            let badged = Self.cohort(badges: true, size: 30)
            let plain = Self.cohort(badges: false, size: 25)
            let stamp = { (date: Date) in date.formatted(Date.ISO8601FormatStyle()) }

            let ndjson = Self.events(badged).map { e in
                JSONValue.object(["learner": .string(e.learner), "kind": .string(e.kind), "module": .string(e.module), "time": .string(stamp(e.at))])
                    .serialized()
            }.joined(separator: "\n")
            let sent = try await world.client.execute(
                uri: "/v1/cohorts/\(withID)/events", method: .post, headers: .bearer(issuer.token, [.contentType: "application/x-ndjson"]),
                body: ByteBuffer(string: ndjson)
            )
            #expect(sent.status == .ok)
            #expect(try sent.json["stored"]?.numberValue?.double == Double(Self.events(badged).count))
            let again = try await world.client.execute(
                uri: "/v1/cohorts/\(withID)/events", method: .post, headers: .bearer(issuer.token, [.contentType: "application/x-ndjson"]),
                body: ByteBuffer(string: ndjson)
            )
            #expect(try again.json["duplicates"]?.numberValue?.double == Double(Self.events(badged).count), "stored once")
            let csv = "learner,kind,module,time\r\n"
                + Self.events(plain).map { "\($0.learner),\($0.kind),\($0.module),\(stamp($0.at))\r\n" }.joined()
            let sentCSV = try await world.client.execute(
                uri: "/v1/cohorts/\(withoutID)/events", method: .post, headers: .bearer(issuer.token, [.contentType: "text/csv"]),
                body: ByteBuffer(string: csv)
            )
            #expect(sentCSV.status == .ok, "\(sentCSV.text)")

            let reports = ReportClient(client: world.client)
            let started = ContinuousClock.now
            let report = try await reports.json("uplift", issuer.token, "from=2026-01-01&to=2026-12-31")
            print("uplift report (55 learners): \(ContinuousClock.now - started)")
            let rows = Dictionary(uniqueKeysWithValues: reports.rows(report, table: "comparison").map { ($0["measure"]?.stringValue ?? "", $0) })

            // Rates and the pooled z, by hand.
            func check(_ label: String, _ a: (Int, Int), _ b: (Int, Int)) throws {
                let row = try #require(rows[label])
                let p1 = Double(a.0) / Double(a.1)
                let p2 = Double(b.0) / Double(b.1)
                let pooled = Double(a.0 + b.0) / Double(a.1 + b.1)
                let z = (p1 - p2) / (pooled * (1 - pooled) * (1 / Double(a.1) + 1 / Double(b.1))).squareRoot()
                #expect(nearlyEqual(row.double("with_badges"), p1), "\(label)")
                #expect(nearlyEqual(row.double("without_badges"), p2), "\(label)")
                #expect(row.double("n_with_badges") == Double(a.1) && row.double("n_without_badges") == Double(b.1), "\(label)")
                #expect(nearlyEqual(row.double("difference"), p1 - p2), "\(label)")
                #expect(nearlyEqual(row.double("statistic"), z), "\(label)")
                let lower = try #require(row.double("ci_lower"))
                let upper = try #require(row.double("ci_upper"))
                #expect(lower < p1 - p2 && p1 - p2 < upper, "\(label)")
                // The small-group rule: groups of 20, expected counts of 5 under the pooled rate.
                let expectedCounts = [a.1, b.1].flatMap { [Double($0) * pooled, Double($0) * (1 - pooled)] }
                let small = min(a.1, b.1) < 20 || expectedCounts.contains { $0 < 5 }
                #expect((row["warnings"]?.stringValue ?? "").isEmpty == !small, "\(label)")
            }
            func count(_ learners: [Learner], _ test: (Learner) -> Bool) -> Int { learners.filter(test).count }
            try check("Checked in", (count(badged, \.checksIn), 30), (count(plain, \.checksIn), 25))
            try check("Took part in discussion", (count(badged, \.discusses), 30), (count(plain, \.discusses), 25))
            try check(
                "Went on to another module", (count(badged) { $0.modules >= 2 }, count(badged) { $0.modules >= 1 }),
                (count(plain) { $0.modules >= 2 }, count(plain) { $0.modules >= 1 })
            )
            try check("Completed the course", (count(badged, \.completes), 30), (count(plain, \.completes), 25))

            // Times: per-learner medians, then U by counting pairs and the shift as the median pairwise difference.
            let x = badged.filter { !$0.submitHours.isEmpty }.map { Self.median($0.submitHours) }
            let y = plain.filter { !$0.submitHours.isEmpty }.map { Self.median($0.submitHours) }
            let u = x.reduce(0.0) { total, a in total + y.reduce(0.0) { $0 + (a > $1 ? 1 : a == $1 ? 0.5 : 0) } }
            let shift = Self.median(x.flatMap { a in y.map { a - $0 } })
            let times = try #require(rows["Hours from release to submission (median per learner)"])
            #expect(times.double("n_with_badges") == Double(x.count) && times.double("n_without_badges") == Double(y.count))
            #expect(nearlyEqual(times.double("with_badges"), Self.median(x)))
            #expect(nearlyEqual(times.double("without_badges"), Self.median(y)))
            #expect(nearlyEqual(times.double("statistic"), u))
            #expect(nearlyEqual(times.double("difference"), shift))
            #expect(times["test"] == "Mann–Whitney U")

            let period = "from=2026-01-01&to=2026-12-31"
            let table = try #require(ReportFormats.csvRows(try await reports.get("uplift", issuer.token, "format=csv&" + period).text))
            #expect(table.count == 5 && table.first?["measure"] == "Checked in")
            let page = ReportFormats.parsePage(try await reports.get("uplift", issuer.token, "format=html&" + period).text)
            #expect(page.isWellFormed && page.elementCounts["svg"] == 1)

            // Invalid events are refused as a batch, each located; other organisations cannot touch the cohort.
            let bad = try await world.client.execute(
                uri: "/v1/cohorts/\(withID)/events", method: .post, headers: .bearer(issuer.token, [.contentType: "application/x-ndjson"]),
                body: ByteBuffer(string: #"{"learner": "b-1", "kind": "check_in", "time": "2026-09-02T10:00:00Z"}"# + "\n"
                    + #"{"learner": "", "kind": "dancing", "time": "yesterday"}"#)
            )
            #expect(bad.status == .unprocessableContent)
            let pointers = try bad.json.items("errors").compactMap { $0["pointer"]?.stringValue }
            #expect(pointers == ["/lines/2/kind", "/lines/2/learner", "/lines/2/time"])
            let other = try await world.key(org: "Southbank College", kind: .issuer, role: .issuer)
            #expect(try await world.call(.put, "/v1/cohorts/\(withID)", other, ["name": "Mine now", "withBadges": false]).status == .notFound)
            let recruiter = try await world.key(org: "Acme Hiring", kind: .employer, role: .recruiter)
            #expect(try await reports.get("uplift", recruiter.token).status == .forbidden)
            let theirs = try await reports.json("uplift", other.token, "from=2026-01-01&to=2026-12-31")
            #expect(reports.rows(theirs, table: "comparison").isEmpty)
        }
    }
}
