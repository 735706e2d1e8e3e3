import Foundation
import Logging
import PostgresNIO
import Testing

@testable import CredenceServer

/// The in-memory engine must answer exactly as the SQL engine does (the SQL statement is the reference), and must
/// follow every committed change, including those committed out of order.
@Suite struct SearchEngineAgreementTests {
    static let logger = TestDatabase.logger

    /// A generated population (real taxonomy, Zipf-skewed skills, revoked, expired and unverifiable credentials),
    /// and both engines over it.
    static func withPopulation(_ body: @escaping @Sendable (PostgresClient, SearchService, SearchService) async throws -> Void) async throws {
        try await TestDatabase.withSeeded { url in
            try await PostgresClient.withRunning(url.clientConfiguration, logger: logger) { client in
                try await PopulationGenerator(client: client, logger: logger).generate(
                    PopulationSpec(earners: 400, credentials: 1_600, issuers: 12, achievements: 40, seed: 11), progress: { _ in }
                )
                // Received at different times, and two issuers run by one organisation, so scopes have something to tell apart.
                try await client.query(
                    "UPDATE credentials SET received_at = awarded_at + interval '1 day' * (abs(hashtext(id::text)) % 400)", logger: logger
                )
                let sql = SearchService(client: client, logger: logger, replica: nil)
                let memory = SearchService(client: client, logger: logger, replica: SearchReplica(client: client, logger: logger))
                try await body(client, sql, memory)
            }
        }
    }

    static func scopes(client: PostgresClient) async throws -> [SearchScope] {
        var filters: [SearchQuery.Filters] = []
        var unverified = SearchQuery.Filters()
        unverified.includeUnverified = true
        filters.append(unverified)
        var trusted = SearchQuery.Filters()
        trusted.issuerTrust = "trusted"
        filters.append(trusted)
        var esco = SearchQuery.Filters()
        esco.frameworks = ["esco"]
        filters.append(esco)
        var recent = SearchQuery.Filters()
        recent.awardedAfter = Date().addingTimeInterval(-400 * 86_400)
        recent.achievementTypes = ["Badge", "Course", "Certificate"]
        filters.append(recent)
        var issuers = SearchQuery.Filters()
        var someIssuers: [UUID] = []
        for try await id in try await client.query("SELECT id FROM issuers ORDER BY id LIMIT 4", logger: logger).decode(UUID.self) {
            someIssuers.append(id)
        }
        issuers.issuers = someIssuers
        filters.append(issuers)

        let organization = UUID()
        try await client.query("INSERT INTO organizations (id, name, kind) VALUES (\(organization), 'Scoped Issuer', 'issuer')", logger: logger)
        try await client.query(
            "UPDATE issuers SET organization_id = \(organization) WHERE id IN (SELECT id FROM issuers ORDER BY id DESC LIMIT 3)", logger: logger
        )
        return [SearchScope(filters: SearchQuery.Filters())] + filters.map { SearchScope(filters: $0) } + [
            SearchScope(filters: SearchQuery.Filters(), issuerOrganization: organization),
            SearchScope(filters: SearchQuery.Filters(), changedSince: Date().addingTimeInterval(-200 * 86_400)),
        ]
    }

    @Test func bothEnginesRankCountAndFacetAlike() async throws {
        try await Self.withPopulation { client, sql, memory in
            let queries = try await SearchBenchmark(client: client, logger: Self.logger).queries(count: 24, seed: 5)
            let scopes = try await Self.scopes(client: client)
            var compared = 0
            var nonEmpty = 0
            for (q, query) in queries.enumerated() {
                var terms = try await sql.planner.interpret(query)
                if q % 4 == 3 { terms[0].minProficiency = 0.5 }
                let scope = scopes[q % scopes.count]
                let now = Date()
                let minMatched = query.minMatched ?? 1
                var cursors: (SearchCursor?, SearchCursor?) = (nil, nil)
                for pageNumber in 0..<2 {
                    let a = try await sql.rank(terms: terms, minMatched: minMatched, scope: scope, limit: 7, after: cursors.0, now: now, searchID: UUID())
                    let b = try await memory.rank(terms: terms, minMatched: minMatched, scope: scope, limit: 7, after: cursors.1, now: now, searchID: UUID())
                    let context = "query \(q) page \(pageNumber): \(query.skills.map(\.label))"
                    Self.expectSame(a, b, context)
                    compared += 1
                    if !a.hits.isEmpty { nonEmpty += 1 }
                    guard let next = a.next, let other = b.next else { break }
                    cursors = (next, other)
                }
            }
            // The comparison must have had something to compare.
            #expect(compared >= 24)
            #expect(nonEmpty >= 12)
        }
    }

    /// After many changes (consent withdrawn and given, credentials revoked, an issuer blocked and trusted again), the
    /// copy's appended and dead rows must still give the SQL engine's answers.
    @Test func agreeAfterManyChanges() async throws {
        try await Self.withPopulation { client, sql, memory in
            let queries = try await SearchBenchmark(client: client, logger: Self.logger).queries(count: 12, seed: 21)
            func compareAll(_ round: String) async throws {
                for (q, query) in queries.enumerated() {
                    let terms = try await sql.planner.interpret(query)
                    let scope = SearchScope(filters: SearchQuery.Filters())
                    let now = Date()
                    let a = try await sql.rank(terms: terms, minMatched: query.minMatched ?? 1, scope: scope, limit: 10, after: nil, now: now, searchID: UUID())
                    let b = try await memory.rank(terms: terms, minMatched: query.minMatched ?? 1, scope: scope, limit: 10, after: nil, now: now, searchID: UUID())
                    Self.expectSame(a, b, "\(round) query \(q)")
                }
            }
            try await compareAll("loaded")
            let statements: [PostgresQuery] = [
                "UPDATE earners SET discoverable = false WHERE id IN (SELECT id FROM earners WHERE discoverable ORDER BY id LIMIT 60)",
                "UPDATE earners SET discoverable = true, discoverable_since = now() WHERE id IN (SELECT id FROM earners WHERE NOT discoverable ORDER BY id DESC LIMIT 40)",
                "SELECT refresh_credential_skills(array_agg(id)) FROM credentials",
                "UPDATE credentials SET verification = 'revoked' WHERE id IN (SELECT id FROM credentials WHERE verification = 'verified' ORDER BY id LIMIT 200)",
                "SELECT refresh_credential_skills(array_agg(id)) FROM credentials",
                "UPDATE issuers SET trust = 'blocked' WHERE id = (SELECT id FROM issuers ORDER BY id LIMIT 1)",
                "SELECT refresh_credential_skills(array_agg(id)) FROM credentials",
                "UPDATE issuers SET trust = 'trusted' WHERE id = (SELECT id FROM issuers ORDER BY id LIMIT 1)",
                "SELECT refresh_credential_skills(array_agg(id)) FROM credentials WHERE issuer_id = (SELECT id FROM issuers ORDER BY id LIMIT 1)",
            ]
            for (n, statement) in statements.enumerated() {
                try await client.query(statement, logger: Self.logger)
                if n % 3 == 2 { try await compareAll("after change \(n)") }
            }
            try await compareAll("changed")
        }
    }

    static func expectSame(_ a: SearchPage, _ b: SearchPage, _ context: String) {
        #expect(a.total == b.total, "\(context): total")
        #expect(a.totalIsExact == b.totalIsExact, "\(context): exact")
        #expect(a.hits.map(\.earnerID) == b.hits.map(\.earnerID), "\(context): order")
        for (x, y) in zip(a.hits, b.hits) {
            #expect(abs(x.score - y.score) < 1e-9, "\(context): score of \(x.earnerID)")
            #expect(x.matchedTerms == y.matchedTerms, "\(context): matched terms")
            #expect(x.matches.map(\.term) == y.matches.map(\.term), "\(context): terms")
            #expect(x.matches.map(\.credentialID) == y.matches.map(\.credentialID), "\(context): credentials")
            for (m, n) in zip(x.matches, y.matches) {
                #expect(abs(m.score - n.score) < 1e-9 && m.alignmentRule == n.alignmentRule && m.verified == n.verified, "\(context): match")
                #expect(m.proficiency == n.proficiency && m.validUntil == n.validUntil, "\(context): match facts")
                #expect(abs(m.awardedAt.timeIntervalSince(n.awardedAt)) < 0.001, "\(context): awarded")
            }
        }
        #expect((a.next == nil) == (b.next == nil), "\(context): next page")
        for name in ["issuer", "framework", "proficiency"] {
            #expect(a.facets[name] == b.facets[name], "\(context): \(name) facet")
        }
        // Achievements tie often at the 20-value cut, where the SQL engine's choice among equals is arbitrary: the
        // counts must agree, value by value where both list it.
        let achievementsA = a.facets["achievement"] ?? []
        let achievementsB = b.facets["achievement"] ?? []
        #expect(achievementsA.map(\.count) == achievementsB.map(\.count), "\(context): achievement facet counts")
        let countsB = Dictionary(uniqueKeysWithValues: achievementsB.map { ($0.value, $0.count) })
        for facet in achievementsA { if let count = countsB[facet.value] { #expect(count == facet.count, "\(context): achievement \(facet.value)") } }
    }

    /// A transaction that began before another but commits after it: the replica must not skip its change when it
    /// has already read the later one (the horizon stays at the oldest running transaction).
    @Test func followsChangesCommittedOutOfOrder() async throws {
        try await Self.withPopulation { client, sql, memory in
            let query = try await SearchBenchmark(client: client, logger: Self.logger).queries(count: 1, seed: 9)[0]
            let terms = try await sql.planner.interpret(SearchQuery(skills: [query.skills[0]]))
            func earners(_ service: SearchService) async throws -> [UUID] {
                try await service.rank(
                    terms: terms, minMatched: 1, scope: SearchScope(filters: SearchQuery.Filters()), limit: 100, after: nil, now: Date(), searchID: UUID()
                ).hits.map(\.earnerID)
            }
            let before = try await earners(memory)
            try #require(before.count >= 3)
            #expect(before == (try await earners(sql)))
            let (first, second) = (before[0], before[1])

            try await client.withConnection { slow in
                try await slow.query("BEGIN", logger: Self.logger)
                try await slow.query("UPDATE earners SET discoverable = false WHERE id = \(first)", logger: Self.logger)
                try await slow.query(
                    "SELECT refresh_credential_skills(array_agg(id)) FROM credentials WHERE earner_id = \(first)", logger: Self.logger
                )
                // A later transaction commits first, and a search sees it.
                try await client.transaction(logger: Self.logger) { fast in
                    try await fast.query("UPDATE earners SET discoverable = false WHERE id = \(second)", logger: Self.logger)
                    try await fast.query(
                        "SELECT refresh_credential_skills(array_agg(id)) FROM credentials WHERE earner_id = \(second)", logger: Self.logger
                    )
                }
                let middle = try await earners(memory)
                #expect(middle.contains(first) && !middle.contains(second))
                try await slow.query("COMMIT", logger: Self.logger)
            }
            let after = try await earners(memory)
            #expect(!after.contains(first) && !after.contains(second))
            #expect(after == (try await earners(sql)))
        }
    }
}
