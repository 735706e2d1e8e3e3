public import Foundation

/// The authenticated caller of a request: one API key, its organisation and role.
public struct Principal: Sendable, Hashable {
    public var keyID: UUID
    public var keyPrefix: String
    public var organizationID: UUID
    public var organizationKind: OrganizationKind
    public var role: Role
    /// Set for earner keys: the one earner the key speaks for.
    public var earnerID: UUID?

    /// An admin of the platform organisation: sees and manages every organisation's records.
    public var isPlatformAdmin: Bool { role == .admin && organizationKind == .platform }
}

/// Who caused a change, as the audit log records it.
public enum AuditActor: Sendable, Hashable {
    case key(Principal)
    /// A command run on the server by an operator (`credence keys create`, `credence seed`).
    case cli(command: String)
    /// The service itself (background jobs).
    case system(job: String)

    var label: String {
        switch self {
        case .key(let p): return "key:\(p.keyPrefix)"
        case .cli(let command): return "cli:\(command)"
        case .system(let job): return "system:\(job)"
        }
    }

    var keyID: UUID? {
        if case .key(let p) = self { return p.keyID }
        return nil
    }

    var organizationID: UUID? {
        if case .key(let p) = self { return p.organizationID }
        return nil
    }
}
