/// Who earned the badge: the subject's id, and/or the identifiers (often hashed) it may be matched by.
public struct Earner: Sendable, Hashable {
    /// OB 3.0 `credentialSubject.id` (a DID or URI); `nil` when the earner is known only by identifiers, as in OB 2.0.
    public var id: String?
    /// OB 3.0 `credentialSubject.identifier` entries, or the OB 2.0 `recipient`.
    public var identifiers: [EarnerIdentifier]

    public init(id: String?, identifiers: [EarnerIdentifier]) {
        self.id = id
        self.identifiers = identifiers
    }
}

/// One way to recognise the earner: an OB 3.0 `IdentityObject` or OB 2.0 recipient `IdentityObject`.
public struct EarnerIdentifier: Sendable, Hashable {
    /// As received: OB 3.0 `emailAddress`, `sourcedId`, `ext:…`; OB 2.0 `email`, `url`, `telephone`, `id`.
    public var identityType: String
    /// The plaintext identity, or when `hashed` its `sha256$<hex>` / `md5$<hex>` hash.
    public var identity: String
    public var hashed: Bool
    public var salt: String?

    public init(identityType: String, identity: String, hashed: Bool, salt: String?) {
        self.identityType = identityType
        self.identity = identity
        self.hashed = hashed
        self.salt = salt
    }

    /// The hash algorithm named by a hashed identity's prefix (`sha256`, `md5`), lowercased.
    public var hashAlgorithm: String? {
        guard hashed, let dollar = identity.firstIndex(of: "$") else { return nil }
        return identity[..<dollar].lowercased()
    }
}
