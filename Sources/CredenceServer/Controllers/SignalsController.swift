import Foundation
import Hummingbird
import StrictJSON

/// Employer signals (`POST /v1/signals`) and saved searches with their new matches.
struct SignalsController {
    let signals: SignalStore
    let search: SearchService
    let maxBodyBytes: Int

    struct SignalRequest: Decodable, Validatable {
        var earnerId: UUID
        var credentialId: UUID?
        var searchId: UUID?
        var kind: SignalKind
        var note: String?

        func validate() -> [Problem.FieldError] {
            (note?.count ?? 0) > 2_000 ? [.init(pointer: "/note", detail: "must be at most 2000 characters", code: "length")] : []
        }
    }

    struct SavedSearchRequest: Decodable, Validatable {
        var name: String
        var query: SearchQuery

        func validate() -> [Problem.FieldError] {
            var errors: [Problem.FieldError] = []
            if name.trimmingWhitespace().isEmpty || name.count > 200 { errors.append(.init(pointer: "/name", detail: "must be 1 to 200 characters")) }
            errors += query.problems().map { .init(pointer: "/query" + $0.pointer, detail: $0.message) }
            if query.cursor != nil { errors.append(.init(pointer: "/query/cursor", detail: "a saved search starts from the first page")) }
            return errors
        }
    }

    func register(on endpoints: Endpoints) {
        let employers = Access.only(.recruiter, .hiringManager)
        endpoints.on(.post, "/v1/signals", access: employers) { request, context in
            let principal = try context.requirePrincipal()
            let body = try await request.decodeJSON(SignalRequest.self, limit: maxBodyBytes)
            let id = try await signals.record(
                body.kind, earner: body.earnerId, credential: body.credentialId, search: body.searchId, note: body.note,
                organization: principal.organizationID, context: try context.auditContext()
            )
            return JSONResponse(status: .created, ["id": .string(id.uuidString), "kind": .string(body.kind.rawValue)])
        }
        endpoints.on(.post, "/v1/saved-searches", access: employers) { request, context in
            let principal = try context.requirePrincipal()
            let body = try await request.decodeJSON(SavedSearchRequest.self, limit: maxBodyBytes)
            let id = try await signals.saveSearch(name: body.name, query: body.query, organization: principal.organizationID, context: try context.auditContext())
            return JSONResponse(status: .created, headers: [.location: "/v1/saved-searches/\(id)"], ["id": .string(id.uuidString), "name": .string(body.name)])
        }
        endpoints.on(.get, "/v1/saved-searches", access: employers) { _, context in
            let saved = try await signals.savedSearches(organization: try context.requirePrincipal().organizationID)
            return JSONResponse(
                ["items": .array(saved.map { ["id": .string($0.id.uuidString), "name": .string($0.name), "createdAt": .string($0.createdAt.rfc3339)] })]
            )
        }
        endpoints.on(.delete, "/v1/saved-searches/{id}", access: employers) { _, context in
            try await signals.deleteSavedSearch(
                try context.uuidParameter("id"), organization: try context.requirePrincipal().organizationID, context: try context.auditContext()
            )
            return Response(status: .noContent)
        }
        endpoints.on(.get, "/v1/saved-searches/{id}/matches", access: employers) { request, context in
            let principal = try context.requirePrincipal()
            let id = try context.uuidParameter("id")
            guard let saved = try await signals.savedSearch(id, organization: principal.organizationID) else {
                throw StoreError.notFound(what: "saved search", id: id.uuidString)
            }
            var since = saved.createdAt
            if let text = request.uri.queryParameters.get("since") {
                guard let date = (try? Date(String(text), strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
                    ?? (try? Date(String(text), strategy: .iso8601))
                else {
                    throw Problem.invalidParameter("since", "must be an RFC 3339 date-time, e.g. 2026-11-01T00:00:00Z")
                }
                since = date
            }
            var query = saved.query
            query.cursor = request.uri.queryParameters.get("cursor").map { String($0) }
            let cursor = try query.cursor.map { token in
                guard let cursor = SearchCursor(token: token) else { throw Problem.invalidParameter("cursor", "is not a cursor this service issued") }
                return cursor
            }
            let answer = try await search.search(query, by: principal, cursor: cursor, changedSince: since, savedSearchID: id)
            var body = SearchView.json(answer).objectValue ?? JSONObject()
            body["since"] = .string(since.rfc3339)
            return JSONResponse(.object(body))
        }
    }
}
