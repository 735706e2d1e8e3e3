import AsyncHTTPClient
import Foundation
import NIOHTTP1
public import Logging
import NIOCore
public import PostgresNIO
import Reporting
import StrictJSON

/// The search benchmark: a fixed mix of 1- to 5-skill queries over the skills the index holds (popular skills asked
/// for more often, as recruiters do), run through the HTTP API and, separately, as the core SQL alone.
public struct SearchBenchmark: Sendable {
    let client: PostgresClient
    let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Queries with 1–5 skills (20/25/30/15/10 %), skill labels drawn with a Zipf skew over the index's skills by frequency.
    public func queries(count: Int, seed: UInt64) async throws -> [SearchQuery] {
        let rows = try await client.query(
            """
            SELECT s.preferred_label FROM (SELECT skill_id, count(*) AS n FROM credential_skills GROUP BY skill_id) x
            JOIN skills s ON s.id = x.skill_id ORDER BY x.n DESC, s.id LIMIT 5000
            """,
            logger: logger
        )
        var labels: [String] = []
        for try await label in rows.decode(String.self) { labels.append(label) }
        guard !labels.isEmpty else { throw StoreError.conflict("the search index is empty: run `credence bench generate` first") }
        var rng = SeededGenerator(seed: seed)
        let zipf = ZipfSampler(count: labels.count, exponent: 0.8)
        return (0..<count).map { _ in
            let draw = rng.unit()
            let size = draw < 0.2 ? 1 : draw < 0.45 ? 2 : draw < 0.75 ? 3 : draw < 0.9 ? 4 : 5
            var terms: [String] = []
            while terms.count < size {
                let label = labels[zipf.sample(&rng)]
                if !terms.contains(label) { terms.append(label) }
            }
            // One required skill, the rest preferred, at least two matched when there are several: a typical recruiter query.
            return SearchQuery(
                skills: terms.enumerated().map { SearchQuery.Term(text: $1, required: $0 == 0) }, limit: 20, minMatched: min(2, size)
            )
        }
    }

    /// Runs `queries` against a running service with `concurrency` requests in flight; latencies per query size.
    public func runHTTP(_ queries: [SearchQuery], baseURL: String, key: String, concurrency: Int) async throws -> (LatencyStats, [Int: LatencyStats]) {
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let bodies = try queries.map { try JSONEncoder().encode($0) }
        let result: (LatencyStats, [Int: LatencyStats])
        do {
            result = try await measure(count: queries.count, concurrency: concurrency, size: { queries[$0].skills.count }) { index in
            var request = HTTPClientRequest(url: baseURL + "/v1/search")
            request.method = .POST
            request.headers.add(name: "Authorization", value: "Bearer \(key)")
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: bodies[index]))
            let response = try await http.execute(request, timeout: .seconds(30))
            _ = try await response.body.collect(upTo: 16 << 20)
            guard response.status == .ok else { throw StoreError.conflict("search answered \(response.status.code)") }
            }
        } catch {
            try await http.shutdown()
            throw error
        }
        try await http.shutdown()
        return result
    }

    /// Runs the same queries' ranking SQL directly (terms interpreted once beforehand, no HTTP, no logging).
    public func runSQL(_ queries: [SearchQuery], concurrency: Int) async throws -> (LatencyStats, [Int: LatencyStats]) {
        let planner = SearchPlanner(skills: SkillStore(client, logger: logger))
        var plans: [[InterpretedTerm]] = []
        for query in queries { plans.append(try await planner.interpret(query)) }
        let store = SearchStore(client: client, logger: logger)
        let interpreted = plans
        return try await measure(count: queries.count, concurrency: concurrency, size: { queries[$0].skills.count }) { index in
            _ = try await store.page(
                terms: interpreted[index], minMatched: queries[index].minMatched ?? 1, scope: SearchScope(filters: SearchQuery.Filters()),
                limit: 20, after: nil, facets: true, now: Date(), searchID: UUID()
            )
        }
    }

    /// Runs the same queries through the in-memory engine alone (terms interpreted once beforehand; no HTTP, no
    /// details, no logging), after loading a replica of the index into this process.
    public func runMemory(_ queries: [SearchQuery], concurrency: Int) async throws -> (LatencyStats, [Int: LatencyStats]) {
        let planner = SearchPlanner(skills: SkillStore(client, logger: logger))
        var plans: [[InterpretedTerm]] = []
        for query in queries { plans.append(try await planner.interpret(query)) }
        let replica = SearchReplica(client: client, logger: logger)
        try await replica.catchUp()
        let interpreted = plans
        return try await measure(count: queries.count, concurrency: concurrency, size: { queries[$0].skills.count }) { index in
            let search = PostingSearch(
                terms: interpreted[index], minMatched: queries[index].minMatched ?? 1, scope: SearchScope(filters: SearchQuery.Filters()),
                scopeIssuers: [], limit: 20, after: nil, facets: true, now: Date()
            )
            _ = try await replica.read { $0.search(search) }
        }
    }

    /// `EXPLAIN (ANALYZE, BUFFERS)` of one query's ranking statement, for the record.
    public func explain(_ query: SearchQuery) async throws -> String {
        let terms = try await SearchPlanner(skills: SkillStore(client, logger: logger)).interpret(query)
        return try await SearchStore(client: client, logger: logger).explain(terms: terms, minMatched: query.minMatched ?? 1)
    }

    private func measure(
        count: Int, concurrency: Int, size: @escaping @Sendable (Int) -> Int, _ run: @escaping @Sendable (Int) async throws -> Void
    ) async throws -> (LatencyStats, [Int: LatencyStats]) {
        let start = ContinuousClock.now
        let samples = try await withThrowingTaskGroup(of: [(Int, Double)].self) { group in
            for worker in 0..<concurrency {
                group.addTask {
                    var local: [(Int, Double)] = []
                    var index = worker
                    while index < count {
                        let t0 = ContinuousClock.now
                        try await run(index)
                        local.append((size(index), (ContinuousClock.now - t0).milliseconds))
                        index += concurrency
                    }
                    return local
                }
            }
            return try await group.reduce(into: [(Int, Double)]()) { $0 += $1 }
        }
        let seconds = (ContinuousClock.now - start).milliseconds / 1000
        let bySize = Dictionary(grouping: samples, by: \.0).mapValues { LatencyStats(latencies: $0.map(\.1), seconds: seconds) }
        return (LatencyStats(latencies: samples.map(\.1), seconds: seconds), bySize)
    }
}
