public import HTTPTypes
public import Hummingbird
import Logging

/// Who may call an endpoint.
public enum Access: Sendable {
    /// Health, metrics, the OpenAPI document and public verification: no key.
    case open
    /// A valid key whose role is one of these.
    case roles(Set<Role>)
    /// An admin key of the platform organisation: deployment-wide settings and every organisation.
    case platformAdmin

    static func only(_ roles: Role...) -> Access { .roles(Set(roles)) }
}

/// Registers routes on the router, recording each in the route table and wrapping each handler with
/// authentication and the role check its `Access` demands, so no handler can forget them.
public struct Endpoints {
    let router: Router<AppRequestContext>
    let routes: RouteTable
    let keys: APIKeyStore

    public func on<Output: ResponseGenerator>(
        _ method: HTTPRequest.Method,
        _ path: String,
        access: Access,
        use handler: @escaping @Sendable (Request, AppRequestContext) async throws -> Output
    ) {
        routes.add(method, path)
        let keys = self.keys
        router.on(RouterPath(path), method: method) { request, context -> Output in
            if case .open = access { return try await handler(request, context) }
            var context = context
            let principal = try await Self.authenticate(request, keys: keys)
            try Self.authorize(principal, for: access)
            context.principal = principal
            context.logger[metadataKey: "auth.key"] = .string(principal.keyPrefix)
            return try await handler(request, context)
        }
    }

    static func authorize(_ principal: Principal, for access: Access) throws {
        switch access {
        case .open:
            return
        case .roles(let roles):
            guard roles.contains(principal.role) else {
                let needed = roles.map(\.rawValue).sorted().joined(separator: " or ")
                throw Problem.forbidden("this endpoint needs a key with role \(needed); this key has role \(principal.role.rawValue)")
            }
        case .platformAdmin:
            guard principal.isPlatformAdmin else {
                throw Problem.forbidden("this endpoint needs an admin key of the platform organisation")
            }
        }
    }

    static func authenticate(_ request: Request, keys: APIKeyStore) async throws -> Principal {
        guard let header = request.headers[.authorization] else {
            throw Problem.unauthorized("send an API key as `Authorization: Bearer <key>`")
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw Problem.unauthorized("the Authorization header must use the Bearer scheme")
        }
        guard let principal = try await keys.authenticate(token: String(parts[1]).trimmingWhitespace()) else {
            throw Problem.unauthorized("the API key is not valid or has been revoked")
        }
        return principal
    }
}
