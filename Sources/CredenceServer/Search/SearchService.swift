public import Foundation
public import Logging
public import PostgresNIO
import StrictJSON

/// Details of the credentials and concepts behind a page of results, for the explanations.
struct MatchDetails: Sendable {
    struct Credential: Sendable {
        var achievementName: String
        var issuerID: UUID
        var issuerName: String?
        var issuerTrust: String
        var levelName: String?
        var levelOrdinal: Int?
        var levelCount: Int?
        var evidence: [String]
        var verifiedAt: Date?
    }

    struct Concept: Sendable {
        var label: String
        var framework: String
        var code: String
    }

    var credentials: [UUID: Credential] = [:]
    var concepts: [Int: Concept] = [:]
    /// Names earners gave themselves (shown only because they chose to be found).
    var earnerNames: [UUID: String] = [:]
}

/// One answered search: the page, the interpretation of each term, and the id it was logged under.
public struct SearchAnswer: Sendable {
    public var searchID: UUID
    public var terms: [InterpretedTerm]
    public var page: SearchPage
    var details: MatchDetails
}

/// Interprets a query, ranks, explains, and logs the search (terms, concepts, result count; nothing about the
/// earners) and the earners shown (so each can see who saw them).
public struct SearchService: Sendable {
    let planner: SearchPlanner
    let store: SearchStore
    /// The in-memory engine; nil to rank in PostgreSQL (`SEARCH_ENGINE=sql`).
    let replica: SearchReplica?
    let client: PostgresClient
    let logger: Logger
    let clock: @Sendable () -> Date

    public init(client: PostgresClient, logger: Logger, replica: SearchReplica?, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.planner = SearchPlanner(skills: SkillStore(client, logger: logger))
        self.store = SearchStore(client: client, logger: logger)
        self.replica = replica
        self.client = client
        self.logger = logger
        self.clock = clock
    }

    public func search(
        _ query: SearchQuery, by principal: Principal, cursor: SearchCursor?, changedSince: Date? = nil, savedSearchID: UUID? = nil
    ) async throws -> SearchAnswer {
        let terms = try await planner.interpret(query)
        let scope = SearchScope(
            filters: query.filters ?? SearchQuery.Filters(),
            issuerOrganization: principal.role == .issuer ? principal.organizationID : nil,
            changedSince: changedSince
        )
        let minMatched = max(query.minMatched ?? 1, 1)
        let now = cursor?.rankedAt ?? clock()
        let searchID = cursor?.searchID ?? UUID()
        let limit = min(query.limit ?? 20, SearchQuery.maxLimit)
        let ranked = try await rankUnlabelled(
            terms: terms, minMatched: minMatched, scope: scope, limit: limit, after: cursor, now: now, searchID: searchID
        )
        // Labels, details and the log need only the ranked page: one round trip's wait for the three.
        async let facets = labelledFacets(ranked)
        async let details = details(for: ranked.page, terms: terms)
        async let recorded: Void = record(
            searchID: searchID, firstPage: cursor == nil, query: query, terms: terms, page: ranked.page, principal: principal,
            savedSearchID: savedSearchID
        )
        var page = ranked.page
        page.facets = try await facets
        let answer = SearchAnswer(searchID: searchID, terms: terms, page: page, details: try await details)
        try await recorded
        return answer
    }

    /// One page by whichever engine this service runs; facets on the first page only.
    func rank(
        terms: [InterpretedTerm], minMatched: Int, scope: SearchScope, limit: Int, after cursor: SearchCursor?, now: Date, searchID: UUID
    ) async throws -> SearchPage {
        let ranked = try await rankUnlabelled(terms: terms, minMatched: minMatched, scope: scope, limit: limit, after: cursor, now: now, searchID: searchID)
        var page = ranked.page
        page.facets = try await labelledFacets(ranked)
        return page
    }

    /// A ranked page and, from the in-memory engine, its facet counts still to be labelled.
    struct RankedPage: Sendable {
        var page: SearchPage
        var facetCounts: PostingAnswer?
    }

    func rankUnlabelled(
        terms: [InterpretedTerm], minMatched: Int, scope: SearchScope, limit: Int, after cursor: SearchCursor?, now: Date, searchID: UUID
    ) async throws -> RankedPage {
        guard let replica else {
            let page = try await store.page(
                terms: terms, minMatched: minMatched, scope: scope, limit: limit, after: cursor, facets: cursor == nil, now: now, searchID: searchID
            )
            return RankedPage(page: page, facetCounts: nil)
        }
        var scopeIssuers = Set<UUID>()
        if let organization = scope.issuerOrganization { scopeIssuers = try await store.issuers(of: organization) }
        let search = PostingSearch(
            terms: terms, minMatched: minMatched, scope: scope, scopeIssuers: scopeIssuers, limit: limit, after: cursor, facets: cursor == nil, now: now
        )
        let answer = try await replica.read { $0.search(search) }
        let page = SearchPage(ranked: answer.hits, limit: limit, matching: answer.total, facets: [:], rankedAt: now, searchID: searchID)
        return RankedPage(page: page, facetCounts: cursor == nil ? answer : nil)
    }

    private func labelledFacets(_ ranked: RankedPage) async throws -> [String: [Facet]] {
        guard let counts = ranked.facetCounts else { return ranked.page.facets }
        return try await store.facets(of: counts)
    }

    /// The credentials, earner names and concepts a page names: concepts from the interpretation (which read them),
    /// the rest in one statement.
    func details(for page: SearchPage, terms: [InterpretedTerm]) async throws -> MatchDetails {
        var details = MatchDetails()
        for concept in terms.flatMap(\.concepts) {
            details.concepts[concept.match.skillID] = MatchDetails.Concept(
                label: concept.match.label, framework: concept.match.framework, code: concept.match.code
            )
        }
        let ids = Array(Set(page.hits.flatMap { $0.matches.map(\.credentialID) }))
        guard !ids.isEmpty else { return details }
        for try await (id, name, issuerID, issuerName, trust, level, ordinal, count, verifiedAt, evidence, earnerID, earnerName) in try await client.execute(
            CredentialFacts(ids: ids), logger: logger
        ) {
            details.credentials[id] = MatchDetails.Credential(
                achievementName: name, issuerID: issuerID, issuerName: issuerName, issuerTrust: trust, levelName: level, levelOrdinal: ordinal,
                levelCount: count, evidence: evidence, verifiedAt: verifiedAt
            )
            if let earnerName { details.earnerNames[earnerID] = earnerName }
        }
        return details
    }

    // Every search runs these: prepared once per connection, so PostgreSQL plans them once.

    /// What a result shows of each credential (achievement, issuer, achieved level, evidence links, when verified)
    /// and the name its earner gave.
    struct CredentialFacts: PostgresPreparedStatement {
        typealias Row = (UUID, String, UUID, String?, String, String?, Int?, Int?, Date?, [String], UUID, String?)
        static let sql = """
            SELECT c.id, a.name, i.id, i.name, i.trust, r.level_name, r.ordinal, r.level_count, c.verified_at,
                   coalesce((SELECT array_agg(ev.url ORDER BY ev.position) FROM evidence ev WHERE ev.credential_id = c.id AND ev.url IS NOT NULL), '{}'),
                   e.id, e.display_name
            FROM credentials c
            JOIN achievements a ON a.id = c.achievement_id
            JOIN issuers i ON i.id = c.issuer_id
            JOIN earners e ON e.id = c.earner_id
            LEFT JOIN LATERAL (
                SELECT level_name, ordinal, level_count FROM credential_results
                WHERE credential_id = c.id AND normalized IS NOT NULL ORDER BY normalized DESC LIMIT 1
            ) r ON true
            WHERE c.id = ANY($1::uuid[])
            """
        var ids: [UUID]
        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings()
            bindings.append(ids)
            return bindings
        }
        func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
    }


    /// Logs the search (its first page only, so paging does not count as demand) and the earners each page showed.
    func record(
        searchID id: UUID, firstPage: Bool, query: SearchQuery, terms: [InterpretedTerm], page: SearchPage, principal: Principal,
        savedSearchID: UUID?
    ) async throws {
        let queryJSON = String(decoding: try JSONEncoder().encode(query), as: UTF8.self)
        let labels = terms.map(\.label)
        let concepts = Array(Set(terms.flatMap { $0.concepts.filter { $0.via == .direct }.map(\.match.skillID) })).sorted()
        let earners = page.hits.map(\.earnerID)
        // One statement, so the search and the views it caused are logged together in one round trip.
        try await client.query(
            """
            WITH search AS (
                INSERT INTO searches (id, organization_id, key_id, query, terms, concept_ids, result_count, zero_results, saved_search_id)
                SELECT \(id), \(principal.organizationID), \(principal.keyID), \(queryJSON)::jsonb, \(labels)::text[], \(concepts)::integer[],
                       \(page.total), \(page.total == 0), \(savedSearchID)
                WHERE \(firstPage)
            )
            INSERT INTO earner_views (earner_id, organization_id, kind, search_id)
            SELECT e, \(principal.organizationID), 'result', \(id) FROM unnest(\(earners)::uuid[]) AS e
            """,
            logger: logger
        )
    }
}
