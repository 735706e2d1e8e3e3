/// One credential read from a body: the normalised badge, the secured form for the verifier, the deviations
/// tolerated on the way, and the bytes to store.
public struct ParsedCredential: Sendable, Hashable {
    public var badge: EarnedBadge
    public var secured: SecuredCredential
    public var warnings: [CredentialWarning]
    public var format: CredentialFormat
    public var packaging: CredentialPackaging
    /// Set when the credential came out of a ClrCredential.
    public var clr: ClrMembership?
    /// The credential's own document: the body itself for JSON and JWT bodies; the baked text for PNG and SVG; for a
    /// CLR member its compact JWS exactly, or its JSON re-serialised compactly (member order and number text kept,
    /// whitespace not), since the member has no bytes of its own.
    public var document: [UInt8]
    /// Lowercase hex SHA-256 of `document`: the content identity for "same credential already stored".
    public var documentSHA256: String
    /// The whole body exactly as received (shared by all members of one CLR).
    public var received: [UInt8]
    /// Lowercase hex SHA-256 of `received`.
    public var receivedSHA256: String

    public init(
        badge: EarnedBadge,
        secured: SecuredCredential,
        warnings: [CredentialWarning],
        format: CredentialFormat,
        packaging: CredentialPackaging,
        clr: ClrMembership?,
        document: [UInt8],
        documentSHA256: String,
        received: [UInt8],
        receivedSHA256: String
    ) {
        self.badge = badge
        self.secured = secured
        self.warnings = warnings
        self.format = format
        self.packaging = packaging
        self.clr = clr
        self.document = document
        self.documentSHA256 = documentSHA256
        self.received = received
        self.receivedSHA256 = receivedSHA256
    }
}

/// The ClrCredential a credential was delivered in.
public struct ClrMembership: Sendable, Hashable {
    /// The CLR's id.
    public var clrId: String
    public var clrName: String?
    public var clrIssuerId: String?
    /// 0-based position in `credentialSubject.verifiableCredential`.
    public var position: Int
    /// The CLR as its issuer secured it, so the verifier can check the CLR's own proof too.
    public var secured: SecuredCredential

    public init(clrId: String, clrName: String?, clrIssuerId: String?, position: Int, secured: SecuredCredential) {
        self.clrId = clrId
        self.clrName = clrName
        self.clrIssuerId = clrIssuerId
        self.position = position
        self.secured = secured
    }
}
