public import StrictJSON

/// Bounds on what one parse may consume, so a single request cannot exhaust memory, the stack or the network.
public struct ParseLimits: Sendable, Hashable {
    /// Largest body accepted, images included.
    public var maxBodyBytes: Int
    /// Largest credential document (JSON text or compact JWS) inside the body, after extraction or decompression.
    public var maxDocumentBytes: Int
    /// Depth, string, array and member limits for every JSON document read (the body, JWT parts, fetched documents).
    public var json: JSONLimits
    /// Most credentials one body may yield (members of a CLR).
    public var maxCredentials: Int
    /// Most linked documents fetched for one body (OB 2.0 BadgeClass and Issuer, hosted assertions behind baked URLs).
    public var maxFetches: Int
    /// Most problems and warnings reported; the rest are counted in one final finding.
    public var maxFindings: Int

    public init(
        maxBodyBytes: Int = 8 << 20,
        maxDocumentBytes: Int = 2 << 20,
        json: JSONLimits = JSONLimits(maxDepth: 32, maxStringBytes: 1 << 20, maxArrayCount: 2_000, maxObjectMembers: 500),
        maxCredentials: Int = 500,
        maxFetches: Int = 8,
        maxFindings: Int = 200
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxDocumentBytes = maxDocumentBytes
        self.json = json
        self.maxCredentials = maxCredentials
        self.maxFetches = maxFetches
        self.maxFindings = maxFindings
    }
}

/// How `CredentialParser` reads credentials.
public struct ParseOptions: Sendable, Hashable {
    public var limits: ParseLimits

    public init(limits: ParseLimits = ParseLimits()) {
        self.limits = limits
    }
}
