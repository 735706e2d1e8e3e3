import Foundation
import Hummingbird
import StrictJSON

/// Recruiter search: `POST /v1/search` (full query) and `GET /v1/search?q=` (comma-separated skills, all preferred).
struct SearchController {
    let search: SearchService
    let limiter: RateLimiter
    let maxBodyBytes: Int

    static let access = Access.only(.recruiter, .hiringManager, .issuer, .admin)

    func register(on endpoints: Endpoints) {
        endpoints.on(.post, "/v1/search", access: Self.access) { request, context in
            let principal = try context.requirePrincipal()
            try limiter.check(principal)
            let query = try await request.decodeJSON(SearchQuery.self, limit: maxBodyBytes)
            return try await run(query, principal: principal)
        }
        endpoints.on(.get, "/v1/search", access: Self.access) { request, context in
            let principal = try context.requirePrincipal()
            try limiter.check(principal)
            guard let q = request.uri.queryParameters.get("q"), !q.trimmingWhitespace().isEmpty else {
                throw Problem.invalidParameter("q", "is required: one or more skills, separated by commas")
            }
            let terms = q.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            var query = SearchQuery(
                skills: terms.map { SearchQuery.Term(text: $0, required: terms.count == 1) },
                limit: try request.integerQuery("limit", default: 20, range: 1...SearchQuery.maxLimit),
                cursor: request.uri.queryParameters.get("cursor").map { String($0) }
            )
            if request.uri.queryParameters.get("includeUnverified") == "true" {
                var filters = SearchQuery.Filters()
                filters.includeUnverified = true
                query.filters = filters
            }
            return try await run(query, principal: principal, pointerPrefix: "#/query/q")
        }
    }

    func run(_ query: SearchQuery, principal: Principal, pointerPrefix: String = "") async throws -> JSONResponse {
        let problems = query.problems()
        guard problems.isEmpty else {
            throw Problem.invalid(problems.map { .init(pointer: pointerPrefix.isEmpty ? $0.pointer : pointerPrefix, detail: $0.message) })
        }
        var cursor: SearchCursor?
        if let token = query.cursor {
            guard let parsed = SearchCursor(token: token) else {
                throw Problem.invalid([.init(pointer: pointerPrefix.isEmpty ? "/cursor" : "#/query/cursor", detail: "is not a cursor this service issued")])
            }
            cursor = parsed
        }
        let answer = try await search.search(query, by: principal, cursor: cursor)
        return JSONResponse(SearchView.json(answer))
    }
}
