import Foundation
public import Hummingbird

/// Organisations and their API keys. Platform admins manage everything; an organisation's admins manage their own keys.
struct AdminController {
    let organizations: OrganizationStore
    let keys: APIKeyStore
    let maxBodyBytes: Int

    struct CreateOrganizationRequest: Decodable, Validatable {
        var name: String
        var kind: OrganizationKind

        func validate() -> [Problem.FieldError] {
            let trimmed = name.trimmingWhitespace()
            if trimmed.isEmpty || trimmed.count > 200 {
                return [.init(pointer: "/name", detail: "must be 1 to 200 characters", code: "length")]
            }
            return []
        }
    }

    struct CreateKeyRequest: Decodable, Validatable {
        var role: Role
        var label: String?
        var earnerId: UUID?

        func validate() -> [Problem.FieldError] {
            var errors: [Problem.FieldError] = []
            if (label ?? "").count > 200 { errors.append(.init(pointer: "/label", detail: "must be at most 200 characters", code: "length")) }
            if role == .earner, earnerId == nil {
                errors.append(.init(pointer: "/earnerId", detail: "an earner key must name the earner it speaks for", code: "required"))
            }
            if role != .earner, earnerId != nil {
                errors.append(.init(pointer: "/earnerId", detail: "only earner keys are bound to an earner", code: "not_allowed"))
            }
            return errors
        }
    }

    /// The one response that ever contains a key's secret.
    struct CreatedKey: ResponseEncodable {
        var id: UUID
        var key: String
        var prefix: String
        var organizationId: UUID
        var role: Role
        var label: String
        var earnerId: UUID?
        var createdAt: Date
        var note = "Store this key now: it is shown only once and only its hash is kept."
    }

    struct OrganizationList: ResponseEncodable {
        var items: [Organization]
        var nextCursor: String?
    }

    struct KeyList: ResponseEncodable {
        var items: [APIKeyRecord]
    }

    func register(on endpoints: Endpoints) {
        endpoints.on(.post, "/v1/organizations", access: .platformAdmin) { request, context in
            let body = try await request.decodeJSON(CreateOrganizationRequest.self, limit: maxBodyBytes)
            let organization = try await organizations.create(
                name: body.name.trimmingWhitespace(), kind: body.kind, context: try context.auditContext()
            )
            return EditedResponse(status: .created, headers: [.location: "/v1/organizations/\(organization.id)"], response: organization)
        }
        endpoints.on(.get, "/v1/organizations", access: .platformAdmin) { request, context in
            let limit = try request.integerQuery("limit", default: 50, range: 1...200)
            let after = request.uri.queryParameters.get("cursor")
            let items = try await organizations.list(limit: limit + 1, after: after)
            return OrganizationList(items: Array(items.prefix(limit)), nextCursor: items.count > limit ? items[limit - 1].name : nil)
        }
        endpoints.on(.get, "/v1/organizations/{organizationId}", access: .only(.admin)) { _, context in
            let id = try context.uuidParameter("organizationId")
            try requireAdmin(of: id, context)
            guard let organization = try await organizations.get(id: id) else { throw StoreError.notFound(what: "organisation", id: id.uuidString) }
            return organization
        }
        endpoints.on(.post, "/v1/organizations/{organizationId}/keys", access: .only(.admin)) { request, context in
            let id = try context.uuidParameter("organizationId")
            try requireAdmin(of: id, context)
            let body = try await request.decodeJSON(CreateKeyRequest.self, limit: maxBodyBytes)
            let (record, secret) = try await keys.create(
                organizationID: id, role: body.role, label: body.label ?? "", earnerID: body.earnerId, context: try context.auditContext()
            )
            let created = CreatedKey(
                id: record.id, key: secret.token, prefix: record.prefix, organizationId: id, role: record.role, label: record.label,
                earnerId: record.earnerID, createdAt: record.createdAt
            )
            return EditedResponse(status: .created, headers: [.cacheControl: "no-store"], response: created)
        }
        endpoints.on(.get, "/v1/organizations/{organizationId}/keys", access: .only(.admin)) { _, context in
            let id = try context.uuidParameter("organizationId")
            try requireAdmin(of: id, context)
            return KeyList(items: try await keys.list(organizationID: id))
        }
        endpoints.on(.delete, "/v1/keys/{keyId}", access: .only(.admin)) { _, context in
            let id = try context.uuidParameter("keyId")
            let principal = try context.requirePrincipal()
            let scope = principal.organizationKind == .platform ? nil : principal.organizationID
            return try await keys.revoke(id: id, scope: scope, context: try context.auditContext())
        }
    }

    private func requireAdmin(of organizationID: UUID, _ context: AppRequestContext) throws {
        let principal = try context.requirePrincipal()
        guard principal.organizationKind == .platform || principal.organizationID == organizationID else {
            throw Problem.forbidden("administrators manage only their own organisation")
        }
    }
}

extension Organization: ResponseEncodable {}
extension APIKeyRecord: ResponseEncodable {}
