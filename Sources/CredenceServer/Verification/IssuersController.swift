import Foundation
public import Hummingbird

/// The issuer registry over HTTP: anyone with a key (but earners) may read it; platform admins set trust and owners.
struct IssuersController {
    let registry: IssuerRegistry
    let maxBodyBytes: Int

    struct TrustRequest: Decodable, Validatable {
        var trust: IssuerTrust
        var note: String?

        func validate() -> [Problem.FieldError] {
            (note ?? "").count > 1_000 ? [.init(pointer: "/note", detail: "must be at most 1000 characters", code: "length")] : []
        }
    }

    struct OrganizationRequest: Decodable {
        /// `null` releases the issuer from its organisation; the member itself is required, so `{}` is not a release.
        var organizationId: UUID?

        enum CodingKeys: String, CodingKey {
            case organizationId
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            guard container.contains(.organizationId) else {
                throw DecodingError.keyNotFound(CodingKeys.organizationId, .init(codingPath: [], debugDescription: "is required"))
            }
            organizationId = try container.decodeIfPresent(UUID.self, forKey: .organizationId)
        }
    }

    struct IssuerList: ResponseEncodable {
        var items: [IssuerRecord]
        var nextCursor: String?
    }

    func register(on endpoints: Endpoints) {
        endpoints.on(.get, "/v1/issuers", access: .only(.admin, .issuer, .recruiter, .hiringManager)) { request, _ in
            let limit = try request.integerQuery("limit", default: 50, range: 1...200)
            var trust: IssuerTrust?
            if let text = request.uri.queryParameters.get("trust") {
                guard let value = IssuerTrust(rawValue: text) else {
                    throw Problem.invalidParameter("trust", "must be trusted, unknown or blocked")
                }
                trust = value
            }
            let after = request.uri.queryParameters.get("cursor")
            let items = try await registry.list(trust: trust, limit: limit + 1, after: after)
            return IssuerList(items: Array(items.prefix(limit)), nextCursor: items.count > limit ? items[limit - 1].uri : nil)
        }
        endpoints.on(.get, "/v1/issuers/{issuerId}", access: .only(.admin, .issuer, .recruiter, .hiringManager)) { _, context in
            let id = try context.uuidParameter("issuerId")
            guard let issuer = try await registry.get(id: id) else { throw StoreError.notFound(what: "issuer", id: id.uuidString) }
            return issuer
        }
        endpoints.on(.put, "/v1/issuers/{issuerId}/trust", access: .platformAdmin) { request, context in
            let id = try context.uuidParameter("issuerId")
            let body = try await request.decodeJSON(TrustRequest.self, limit: maxBodyBytes)
            let note = body.note?.trimmingWhitespace()
            return try await registry.setTrust(body.trust, note: note?.isEmpty == true ? nil : note, for: id, context: try context.auditContext())
        }
        endpoints.on(.put, "/v1/issuers/{issuerId}/organization", access: .platformAdmin) { request, context in
            let id = try context.uuidParameter("issuerId")
            let body = try await request.decodeJSON(OrganizationRequest.self, limit: maxBodyBytes)
            return try await registry.setOrganization(body.organizationId, for: id, context: try context.auditContext())
        }
    }
}

extension IssuerRecord: ResponseEncodable {}
