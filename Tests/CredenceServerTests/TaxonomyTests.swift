@testable import CredenceServer
import Foundation
import PostgresNIO
import Skills
import Testing

/// The built-in taxonomy on a real database: loading, query understanding, autocomplete and alignment resolution.
@Suite struct TaxonomyTests {
    func withSkills(_ body: @escaping @Sendable (PostgresClient, SkillStore) async throws -> Void) async throws {
        try await TestDatabase.withSeeded { url in
            try await PostgresClient.withRunning(url.clientConfiguration, logger: TestDatabase.logger) { client in
                try await body(client, SkillStore(client, logger: TestDatabase.logger))
            }
        }
    }

    func count(_ client: PostgresClient, _ sql: String) async throws -> Int {
        var n = -1
        for try await value in try await client.query(PostgresQuery(unsafeSQL: sql)).decode(Int.self) { n = value }
        return n
    }

    @Test func loadsEveryFrameworkAndSkipsAnUnchangedReload() async throws {
        try await withSkills { client, _ in
            #expect(try await count(client, "SELECT count(*)::int FROM skills WHERE framework = 'esco' AND kind IN ('skill', 'knowledge')") == 13_896)
            #expect(try await count(client, "SELECT count(*)::int FROM skills WHERE framework = 'esco' AND kind = 'occupation'") == 3_007)
            #expect(try await count(client, "SELECT count(*)::int FROM skills WHERE framework = 'onet' AND kind = 'occupation'") == 1_016)
            #expect(try await count(client, "SELECT count(*)::int FROM skill_relations WHERE kind IN ('essential', 'optional')") == 123_788)
            #expect(try await count(client, "SELECT count(*)::int FROM skill_relations WHERE kind = 'rated'") == 60_792)
            #expect(try await count(client, "SELECT count(*)::int FROM skill_labels") > 115_000)
            let before = try await count(client, "SELECT max(id)::int FROM skills")
            let report = try await TaxonomyLoader(client: client, logger: TestDatabase.logger).load(from: TestDatabase.seedDirectory)
            #expect(report.skipped)
            let forced = try await TaxonomyLoader(client: client, logger: TestDatabase.logger).load(from: TestDatabase.seedDirectory, force: true)
            #expect(!forced.skipped)
            // Concept ids are stable across reloads: alignments and the search index hold them.
            #expect(try await count(client, "SELECT max(id)::int FROM skills") == before)
        }
    }

    @Test func britishAndAmericanSpellingsMeet() async throws {
        try await withSkills { _, skills in
            let us = try await skills.concepts(for: "data visualization", limit: 5)
            let uk = try await skills.concepts(for: "Data Visualisation", limit: 5)
            #expect(!us.isEmpty)
            #expect(us.map(\.skillID) == uk.map(\.skillID))
            // Judged by hand (Tests/SkillsTests/Resources/everyday-phrases.tsv): ESCO's "deliver visual presentation of
            // data" or "visual presentation techniques" must be among the first five.
            let judged: Set = [
                "http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389",
                "http://data.europa.eu/esco/skill/348b74cd-49ce-4844-8bdf-ec188b497213",
            ]
            #expect(us.contains { judged.contains($0.code) })
        }
    }

    @Test func codesResolveDirectlyAndCrosswalkToESCO() async throws {
        try await withSkills { _, skills in
            let scientists = try await skills.concepts(for: "15-2051.00")
            #expect(scientists.first?.framework == "onet")
            #expect(scientists.first?.label == "Data Scientists")
            #expect(scientists.first?.rule == .onetCode)
            // An O*NET OnLine link names the occupation too, and the crosswalk reaches ESCO's chief executive.
            let onet = try await skills.concepts(for: "https://www.onetonline.org/link/summary/11-1011.00")
            #expect(onet.first?.label == "Chief Executives")
            let expanded = try await skills.expand(onet)
            #expect(expanded.contains { $0.via == .crosswalk && $0.match.framework == "esco" && $0.match.kind == "occupation" })
            let esco = try await skills.concepts(for: "https://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d")
            #expect(esco.first?.rule == .escoURI)
            #expect(esco.first?.label.lowercased().contains("python") == true)
        }
    }

    @Test func autocompleteSuggestsWhileTyping() async throws {
        try await withSkills { _, skills in
            let suggestions = try await skills.autocomplete("data visu", framework: nil, limit: 10)
            #expect(suggestions.contains { $0.matchedLabel.lowercased().contains("data visual") })
            let tableau = try await skills.autocomplete("Tablea", framework: nil, limit: 10)
            #expect(tableau.contains { $0.code == "tech:tableau" })
            #expect(try await skills.autocomplete("   ", framework: nil, limit: 10).isEmpty)
        }
    }

    @Test func resolvesShippedAlignmentsWithTheRightRule() async throws {
        try await withSkills { client, skills in
            try await client.transaction(logger: TestDatabase.logger) { connection in
                let resolver = AlignmentResolver(logger: TestDatabase.logger)
                let byURI = try await resolver.resolve(
                    AlignmentTarget(targetFramework: "ESCO", targetUrl: "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d", targetName: "Python"),
                    skills: skills, on: connection
                )
                #expect(byURI?.rule == .escoURI)
                #expect(byURI?.confidence == 1)
                let byCode = try await resolver.resolve(AlignmentTarget(targetFramework: "O*NET", targetCode: "2.A.2.a"), skills: skills, on: connection)
                #expect(byCode?.rule == .onetCode)
                let byName = try await resolver.resolve(AlignmentTarget(targetName: "project management"), skills: skills, on: connection)
                #expect(byName?.rule == .textExact || byName?.rule == .textAltLabel)
                #expect(byName?.needsReview == false)
                let unknown = try await resolver.resolve(
                    AlignmentTarget(targetType: "CFItem", targetFramework: "1EdTech University Program and Course Catalog", targetCode: "degree",
                        targetUrl: "https://1edtech.edu/catalog/degree", targetName: "1EdTech University Degree"),
                    skills: skills, on: connection
                )
                #expect(unknown == nil || unknown?.needsReview == true)
            }
        }
    }

    /// Recall over the judged set built from the taxonomy itself (Tests/SkillsTests/Resources/judged-queries.tsv).
    @Test func judgedQueriesMeetTheRecallTargets() async throws {
        let file = TestDatabase.projectRoot.appendingPathComponent("Tests/SkillsTests/Resources/judged-queries.tsv")
        let rows = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        try await withSkills { _, skills in
            var hitsAt1 = 0
            var hitsAt5 = 0
            var byKind: [String: (Int, Int)] = [:]
            for row in rows where row.count == 3 {
                let expected = Set(row[1].split(separator: "|").map(String.init))
                let direct = try await skills.concepts(for: row[0], limit: 5)
                let ranked = row[2] == "crosswalk_code" ? try await skills.expand(direct).filter { $0.via == .crosswalk }.map(\.match) : direct
                let codes = ranked.prefix(5).map(\.code)
                let at1 = codes.first.map(expected.contains) ?? false
                let at5 = codes.contains(where: expected.contains)
                if at1 { hitsAt1 += 1 }
                if at5 { hitsAt5 += 1 }
                let k = byKind[row[2], default: (0, 0)]
                byKind[row[2]] = (k.0 + (at5 ? 1 : 0), k.1 + 1)
            }
            let total = Double(rows.count)
            let recall1 = Double(hitsAt1) / total
            let recall5 = Double(hitsAt5) / total
            print("judged queries: \(rows.count), recall@1 \(recall1), recall@5 \(recall5); by kind (hits@5/total): \(byKind.sorted { $0.key < $1.key })")
            #expect(rows.count >= 1_000)
            #expect(recall5 >= 0.95)
            #expect(recall1 >= 0.8)
        }
    }
}
