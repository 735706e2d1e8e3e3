import Foundation
import Hummingbird
import StrictJSON

/// An earner's own controls: consent to be found, who looked, data export and erasure.
struct EarnersController {
    let earners: EarnerStore
    let maxBodyBytes: Int

    struct ConsentRequest: Decodable, Validatable {
        var discoverable: Bool
        var scope: Consent.Scope?
        var shownCredentials: [UUID]?
        /// Required when an issuer records consent the earner gave it: where that consent is kept.
        var recordedConsent: RecordedConsent?

        struct RecordedConsent: Decodable {
            var reference: String
            var recordedAt: String
        }

        func validate() -> [Problem.FieldError] {
            var errors: [Problem.FieldError] = []
            if (shownCredentials?.count ?? 0) > 1_000 {
                errors.append(.init(pointer: "/shownCredentials", detail: "must list at most 1000 credentials", code: "length"))
            }
            if scope == .selected, shownCredentials == nil, discoverable {
                errors.append(.init(pointer: "/shownCredentials", detail: "scope selected needs the credentials to show", code: "required"))
            }
            if let recorded = recordedConsent, recorded.reference.trimmingWhitespace().isEmpty || recorded.reference.count > 500 {
                errors.append(.init(pointer: "/recordedConsent/reference", detail: "must be 1 to 500 characters", code: "length"))
            }
            return errors
        }
    }

    func register(on endpoints: Endpoints) {
        endpoints.on(.put, "/v1/earners/{earnerId}/consent", access: .only(.earner, .issuer)) { request, context in
            let earnerID = try context.uuidParameter("earnerId")
            let principal = try context.requirePrincipal()
            let body = try await request.decodeJSON(ConsentRequest.self, limit: maxBodyBytes)
            let givenBy: String
            if principal.role == .earner {
                try requireSelf(earnerID, principal)
                givenBy = "earner"
            } else {
                guard let recorded = body.recordedConsent else {
                    throw Problem.invalid([.init(pointer: "/recordedConsent", detail: "an issuer must say where the earner's consent is recorded", code: "required")])
                }
                guard try await earners.hasIssued(to: earnerID, organizationID: principal.organizationID) else {
                    throw Problem.forbidden("an issuer may record consent only for earners it issued badges to")
                }
                givenBy = "issuer:\(principal.organizationID.uuidString) ref:\(recorded.reference) at:\(recorded.recordedAt)"
            }
            let consent = Consent(discoverable: body.discoverable, scope: body.scope ?? .all, shownCredentials: body.shownCredentials ?? [])
            try await earners.setConsent(consent, for: earnerID, givenBy: givenBy, context: try context.auditContext())
            return JSONResponse(
                [
                    "earnerId": .string(earnerID.uuidString), "discoverable": .bool(consent.discoverable), "scope": .string(consent.scope.rawValue),
                    "shownCredentials": .number(JSONNumber(consent.shownCredentials.count)),
                ]
            )
        }
        endpoints.on(.get, "/v1/earners/{earnerId}/views", access: .only(.earner, .admin)) { request, context in
            let earnerID = try context.uuidParameter("earnerId")
            try requireSelfOrPlatformAdmin(earnerID, try context.requirePrincipal())
            let limit = try request.integerQuery("limit", default: 100, range: 1...1_000)
            return JSONResponse(["earnerId": .string(earnerID.uuidString), "views": .array(try await earners.views(of: earnerID, limit: limit))])
        }
        endpoints.on(.get, "/v1/earners/{earnerId}/export", access: .only(.earner, .admin)) { _, context in
            let earnerID = try context.uuidParameter("earnerId")
            try requireSelfOrPlatformAdmin(earnerID, try context.requirePrincipal())
            guard let export = try await earners.export(earnerID) else { throw StoreError.notFound(what: "earner", id: earnerID.uuidString) }
            return JSONResponse(headers: [.contentDisposition: "attachment; filename=\"earner-\(earnerID.uuidString).json\""], export)
        }
        endpoints.on(.delete, "/v1/earners/{earnerId}", access: .only(.earner, .admin)) { _, context in
            let earnerID = try context.uuidParameter("earnerId")
            try requireSelfOrPlatformAdmin(earnerID, try context.requirePrincipal())
            try await earners.erase(earnerID, context: try context.auditContext())
            return Response(status: .noContent)
        }
    }

    private func requireSelf(_ earnerID: UUID, _ principal: Principal) throws {
        guard principal.earnerID == earnerID else { throw Problem.forbidden("an earner key speaks only for its own earner") }
    }

    private func requireSelfOrPlatformAdmin(_ earnerID: UUID, _ principal: Principal) throws {
        if principal.isPlatformAdmin { return }
        try requireSelf(earnerID, principal)
    }
}
