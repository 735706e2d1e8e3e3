import Foundation
import Hummingbird
import StrictJSON

/// Issuers review how their achievements' alignments resolved: the queue of uncertain ones, each achievement's list,
/// and a verdict per alignment (confirm, correct to another concept, reject).
struct AlignmentsController {
    let store: AlignmentReviewStore
    let maxBodyBytes: Int

    struct VerdictRequest: Decodable, Validatable {
        var verdict: String
        var concept: String?

        func validate() -> [Problem.FieldError] {
            switch verdict {
            case "confirm", "reject":
                return concept == nil ? [] : [.init(pointer: "/concept", detail: "is only given with the verdict correct", code: "unexpected")]
            case "correct":
                guard let concept, !concept.trimmingWhitespace().isEmpty else {
                    return [.init(pointer: "/concept", detail: "is required to correct: a concept id, or an ESCO/O*NET/item code or URI", code: "required")]
                }
                return concept.count > 2_000 ? [.init(pointer: "/concept", detail: "must be at most 2000 characters", code: "length")] : []
            default:
                return [.init(pointer: "/verdict", detail: "must be confirm, correct or reject", code: "enum")]
            }
        }

        var parsed: AlignmentReviewStore.Verdict {
            switch verdict {
            case "confirm": return .confirm
            case "reject": return .reject
            default: return .correct(concept: (concept ?? "").trimmingWhitespace())
            }
        }
    }

    func register(on endpoints: Endpoints) {
        endpoints.on(.get, "/v1/alignments", access: .only(.admin, .issuer)) { request, context in
            let principal = try context.requirePrincipal()
            let limit = try request.integerQuery("limit", default: 50, range: 1...200)
            let after = try request.uri.queryParameters.get("cursor").map { text -> Int in
                guard let value = Int(text) else { throw Problem.invalidParameter("cursor", "is not a cursor this endpoint gave") }
                return value
            }
            let needing = try Self.flag(request, "needsReview", default: true)
            let rows = try await store.list(achievement: nil, scope: AlignmentReviewStore.Scope(principal), needingReview: needing, after: after, limit: limit + 1)
            return Self.page(rows, limit: limit)
        }
        endpoints.on(.get, "/v1/achievements/{achievementId}/alignments", access: .only(.admin, .issuer)) { request, context in
            let principal = try context.requirePrincipal()
            let achievement = try context.uuidParameter("achievementId")
            let needing = try Self.flag(request, "needsReview", default: false)
            let rows = try await store.list(achievement: achievement, scope: AlignmentReviewStore.Scope(principal), needingReview: needing, after: nil, limit: 1_000)
            return JSONResponse(["items": .array(rows.map(Self.json))])
        }
        endpoints.on(.put, "/v1/achievements/{achievementId}/alignments/{alignmentId}", access: .only(.admin, .issuer)) { request, context in
            let achievement = try context.uuidParameter("achievementId")
            guard let alignment = context.parameters.get("alignmentId").flatMap(Int.init) else {
                throw Problem.notFound("\(context.parameters.get("alignmentId") ?? "") is not an alignment id")
            }
            let body = try await request.decodeJSON(VerdictRequest.self, limit: maxBodyBytes)
            let row = try await store.review(
                body.parsed, alignment: alignment, of: achievement, principal: try context.requirePrincipal(), context: try context.auditContext()
            )
            return JSONResponse(Self.json(row))
        }
    }

    static func flag(_ request: Request, _ name: String, default fallback: Bool) throws -> Bool {
        switch request.uri.queryParameters.get(name) {
        case nil: return fallback
        case "true": return true
        case "false": return false
        default: throw Problem.invalidParameter(name, "must be true or false")
        }
    }

    static func page(_ rows: [AlignmentReviewStore.Row], limit: Int) -> JSONResponse {
        let items = Array(rows.prefix(limit))
        return JSONResponse(
            .object(JSONObject(compacting: ["items": .array(items.map(json)), "nextCursor": rows.count > limit ? .string(String(items[limit - 1].id)) : nil]))
        )
    }

    static func json(_ row: AlignmentReviewStore.Row) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "id": .number(row.id),
                "achievement": ["id": .string(row.achievementID.uuidString), "name": .string(row.achievementName)],
                "source": .string(row.source), "sourceRef": row.sourceRef.isEmpty ? nil : .string(row.sourceRef),
                "target": .object(
                    JSONObject(compacting: [
                        "type": .text(row.targetType), "framework": .text(row.targetFramework), "code": .text(row.targetCode),
                        "url": .text(row.targetURL), "name": .text(row.targetName),
                    ])
                ),
                "concept": row.concept.map(SkillsController.json), "rule": .text(row.rule),
                "confidence": .number(row.confidence.map { ($0 * 1000).rounded() / 1000 }),
                "needsReview": .bool(row.needsReview), "rivals": .array(row.rivals.map(SkillsController.json)), "review": .string(row.review),
                "resolvedAt": row.resolvedAt.map { .string($0.formatted(.iso8601)) },
            ])
        )
    }
}
