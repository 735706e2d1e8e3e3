import Foundation
import Hummingbird
import Logging
import PostgresNIO
import StrictJSON

/// `PUT /v1/cohorts/{id}` and `POST /v1/cohorts/{id}/events`: an issuing organisation's cohorts (with badges or
/// without) and their learners' activity from the learning platform, the raw material of uplift reports.
struct CohortsController {
    let client: PostgresClient
    let logger: Logger
    let maxBodyBytes: Int
    let maxEventBytes: Int
    let events: LearnerEventStore

    struct CohortRequest: Decodable, Validatable {
        var name: String
        var withBadges: Bool
        var achievementId: UUID?

        func validate() -> [Problem.FieldError] {
            let name = name.trimmingWhitespace()
            return name.isEmpty || name.count > 200 ? [.init(pointer: "/name", detail: "must be 1 to 200 characters", code: "length")] : []
        }
    }

    func register(on endpoints: Endpoints) {
        let teams = Access.only(.issuer, .admin)
        endpoints.on(.put, "/v1/cohorts/{id}", access: teams) { request, context in
            let id = try context.uuidParameter("id")
            let principal = try context.requirePrincipal()
            let body = try await request.decodeJSON(CohortRequest.self, limit: maxBodyBytes)
            let audit = try context.auditContext()
            // The id is the caller's (the learning platform's cohort), so the same PUT creates or updates; another
            // organisation's cohort is not found rather than overwritten.
            let stored = try await client.transaction(logger: logger) { connection -> Bool in
                if let achievement = body.achievementId,
                    !(try await AchievementOwnership.owns(
                        achievement: achievement, organization: principal.organizationID, on: connection, logger: logger))
                {
                    throw Problem.invalid([.init(pointer: "/achievementId", detail: "is not an achievement of this organisation")])
                }
                let rows = try await connection.query(
                    """
                    INSERT INTO cohorts (id, organization_id, name, with_badges, achievement_id)
                    VALUES (\(id), \(principal.organizationID), \(body.name.trimmingWhitespace()), \(body.withBadges), \(body.achievementId))
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name, with_badges = excluded.with_badges, achievement_id = excluded.achievement_id
                    WHERE cohorts.organization_id = excluded.organization_id
                    RETURNING id
                    """,
                    logger: logger
                )
                var stored = false
                for try await _ in rows.decode(UUID.self) { stored = true }
                if stored {
                    try await AuditLog.record(
                        "cohort.put", recordType: "cohort", recordID: id.uuidString, detail: ["withBadges": .bool(body.withBadges)], context: audit,
                        on: connection, logger: logger
                    )
                }
                return stored
            }
            guard stored else { throw StoreError.notFound(what: "cohort", id: id.uuidString) }
            return JSONResponse(
                .object(
                    JSONObject(compacting: [
                        "id": .string(id.uuidString), "name": .string(body.name.trimmingWhitespace()), "withBadges": .bool(body.withBadges),
                        "achievementId": body.achievementId.map { .string($0.uuidString) },
                    ])
                )
            )
        }
        endpoints.on(.post, "/v1/cohorts/{id}/events", access: teams) { request, context in
            let id = try context.uuidParameter("id")
            let principal = try context.requirePrincipal()
            let mediaType = MediaTypes.essence(request.headers[.contentType] ?? "")
            guard ["application/x-ndjson", "application/jsonl", "text/csv"].contains(mediaType) else {
                throw Problem(status: .unsupportedMediaType, detail: "send events as application/x-ndjson or text/csv")
            }
            let body = Array(try await request.collectBody(upTo: maxEventBytes).readableBytesView)
            let outcome = try await events.add(
                body, csv: mediaType == "text/csv", cohort: id, organization: principal.organizationID, maxEvents: LearnerEventBatch.maxEvents
            )
            return JSONResponse(
                [
                    "cohortId": .string(id.uuidString), "received": .number(JSONNumber(outcome.received)),
                    "stored": .number(JSONNumber(outcome.stored)), "duplicates": .number(JSONNumber(outcome.duplicates)),
                ]
            )
        }
    }
}
