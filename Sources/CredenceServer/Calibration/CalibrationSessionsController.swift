import Foundation
import Hummingbird
import StrictJSON

/// `/v1/calibration-sessions`: an issuer or employer organisation runs a session; invited hiring managers rate.
struct CalibrationSessionsController {
    let store: CalibrationStore
    let maxBodyBytes: Int

    struct CreateRequest: Decodable, Validatable {
        struct Reviewers: Decodable {
            var keys: [UUID]?
            var organizations: [UUID]?
        }

        struct Sample: Decodable {
            var size: Int
            var stratified: Bool?
            var stratifyBy: String?
            var allocation: SampleDraw.Allocation?
            var seed: Int64?
        }

        var title: String
        var achievementId: UUID
        var rubricVersion: Int?
        var reviewers: Reviewers
        var sample: Sample
        var showIssuerLevel: Bool?
        var hiringBarRole: String?

        func validate() -> [Problem.FieldError] {
            var errors: [Problem.FieldError] = []
            if title.trimmingWhitespace().isEmpty || title.count > 200 {
                errors.append(.init(pointer: "/title", detail: "must be 1 to 200 characters", code: "length"))
            }
            if let rubricVersion, rubricVersion < 1 { errors.append(.init(pointer: "/rubricVersion", detail: "must be at least 1", code: "range")) }
            if !(1...500).contains(sample.size) { errors.append(.init(pointer: "/sample/size", detail: "must be from 1 to 500", code: "range")) }
            // Seeds travel as JSON numbers, exact only up to 2^53.
            if let seed = sample.seed, !(0...(1 << 53)).contains(seed) {
                errors.append(.init(pointer: "/sample/seed", detail: "must be a whole number from 0 to 2^53", code: "range"))
            }
            if (reviewers.keys?.count ?? 0) > 100 {
                errors.append(.init(pointer: "/reviewers/keys", detail: "must list at most 100 keys", code: "length"))
            }
            if (reviewers.organizations?.count ?? 0) > 20 {
                errors.append(.init(pointer: "/reviewers/organizations", detail: "must list at most 20 organisations", code: "length"))
            }
            if let role = hiringBarRole, role.trimmingWhitespace().isEmpty || role.count > 200 {
                errors.append(.init(pointer: "/hiringBarRole", detail: "must be 1 to 200 characters", code: "length"))
            }
            return errors
        }
    }

    struct RatingRequest: Decodable, Validatable {
        struct Criterion: Decodable {
            var criterionId: String
            var levelId: String
            var comment: String?
        }

        struct HiringBar: Decodable {
            var meets: Bool
            var role: String?
            var comment: String?
        }

        var artefactId: UUID
        var criteria: [Criterion]?
        var hiringBar: HiringBar?

        func validate() -> [Problem.FieldError] {
            var errors: [Problem.FieldError] = []
            if (criteria ?? []).isEmpty, hiringBar == nil {
                errors.append(.init(pointer: "/criteria", detail: "rate at least one criterion or answer the hiring-bar question", code: "required"))
            }
            if (criteria?.count ?? 0) > 50 { errors.append(.init(pointer: "/criteria", detail: "must list at most 50 ratings", code: "length")) }
            for (index, criterion) in (criteria ?? []).enumerated() where (criterion.comment?.count ?? 0) > 2_000 {
                errors.append(.init(pointer: "/criteria/\(index)/comment", detail: "must be at most 2000 characters", code: "length"))
            }
            if (hiringBar?.comment?.count ?? 0) > 2_000 {
                errors.append(.init(pointer: "/hiringBar/comment", detail: "must be at most 2000 characters", code: "length"))
            }
            if (hiringBar?.role?.count ?? 0) > 200 {
                errors.append(.init(pointer: "/hiringBar/role", detail: "must be at most 200 characters", code: "length"))
            }
            return errors
        }
    }

    func register(on endpoints: Endpoints) {
        let participants = Access.only(.issuer, .admin, .hiringManager)
        endpoints.on(.post, "/v1/calibration-sessions", access: participants) { request, context in
            let principal = try context.requirePrincipal()
            let body = try await request.decodeJSON(CreateRequest.self, limit: maxBodyBytes)
            var generator = SystemRandomNumberGenerator()
            let id = try await store.create(
                CalibrationStore.NewSession(
                    title: body.title, organization: principal.organizationID, organizationKind: principal.organizationKind,
                    achievement: body.achievementId, rubricVersion: body.rubricVersion, reviewerKeys: body.reviewers.keys ?? [],
                    reviewerOrganizations: body.reviewers.organizations ?? [], sampleSize: body.sample.size,
                    stratified: body.sample.stratified ?? true, stratifyBy: body.sample.stratifyBy, allocation: body.sample.allocation ?? .equal,
                    seed: body.sample.seed ?? Int64.random(in: 0...(1 << 53), using: &generator), showIssuerLevel: body.showIssuerLevel ?? false,
                    hiringBarRole: body.hiringBarRole
                ),
                context: try context.auditContext()
            )
            return JSONResponse(
                status: .created, headers: [.location: "/v1/calibration-sessions/\(id)"], try await store.sessionView(id, for: principal)
            )
        }
        endpoints.on(.get, "/v1/calibration-sessions", access: participants) { request, context in
            let limit = try request.integerQuery("limit", default: 50, range: 1...200)
            let sessions = try await store.sessions(for: try context.requirePrincipal(), limit: limit)
            return JSONResponse(["items": .array(sessions.map { .object(CalibrationSessionView.summary($0)) })])
        }
        endpoints.on(.get, "/v1/calibration-sessions/{id}", access: participants) { _, context in
            JSONResponse(try await store.sessionView(try context.uuidParameter("id"), for: try context.requirePrincipal()))
        }
        endpoints.on(.post, "/v1/calibration-sessions/{id}/open", access: participants) { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.uuidParameter("id")
            try await store.open(id, by: principal, context: try context.auditContext())
            return JSONResponse(try await store.sessionView(id, for: principal))
        }
        endpoints.on(.post, "/v1/calibration-sessions/{id}/close", access: participants) { _, context in
            let principal = try context.requirePrincipal()
            let id = try context.uuidParameter("id")
            try await store.close(id, by: principal, context: try context.auditContext())
            return JSONResponse(try await store.report(id, for: principal))
        }
        endpoints.on(.get, "/v1/calibration-sessions/{id}/report", access: participants) { _, context in
            JSONResponse(try await store.report(try context.uuidParameter("id"), for: try context.requirePrincipal()))
        }
        endpoints.on(.post, "/v1/calibration-sessions/{id}/ratings", access: participants) { request, context in
            let principal = try context.requirePrincipal()
            let id = try context.uuidParameter("id")
            let body = try await request.decodeJSON(RatingRequest.self, limit: maxBodyBytes)
            let submission = CalibrationStore.RatingSubmission(
                artefact: body.artefactId,
                criteria: (body.criteria ?? []).map { .init(criterionID: $0.criterionId, levelID: $0.levelId, comment: $0.comment) },
                hiringBar: body.hiringBar.map { .init(meets: $0.meets, role: $0.role, comment: $0.comment) }
            )
            let current = try await store.rate(submission, session: id, by: principal, context: try context.auditContext())
            return JSONResponse(CalibrationSessionView.submission(artefact: body.artefactId, ratings: current.ratings, verdict: current.verdict))
        }
    }
}
