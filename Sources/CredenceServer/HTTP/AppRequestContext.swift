public import Hummingbird
import Logging

/// Per-request state: Hummingbird's core storage plus the authenticated caller.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by the endpoint wrapper for every route that requires a key.
    public var principal: Principal?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    /// The caller, for handlers behind authentication (always set there; this only guards misuse).
    public func requirePrincipal() throws -> Principal {
        guard let principal else { throw Problem.unauthorized("an API key is required") }
        return principal
    }

    /// Who is making a change in this request, for the audit log.
    public func auditContext() throws -> AuditContext {
        AuditContext(actor: .key(try requirePrincipal()), requestID: id)
    }
}
