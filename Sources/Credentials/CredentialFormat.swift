/// How the credential was encoded and secured.
public enum CredentialFormat: String, Sendable, Hashable, CaseIterable {
    /// OB 3.0 JSON-LD, secured (if at all) by embedded proofs.
    case openBadges3JSON = "ob3-json"
    /// OB 3.0 VC-JWT: a compact JWS whose payload is the credential or carries it in `vc`.
    case openBadges3JWT = "ob3-jwt"
    /// OB 2.0 (or 1.1) hosted assertion JSON.
    case openBadges2Hosted = "ob2-hosted"
    /// OB 2.0 signed assertion: a compact JWS whose payload is the assertion.
    case openBadges2Signed = "ob2-signed"
}

/// What the credential arrived in.
public enum CredentialPackaging: String, Sendable, Hashable, CaseIterable {
    /// The body was the credential document itself (JSON or compact JWS).
    case document
    /// Baked into a PNG text chunk.
    case png
    /// Baked into an SVG element.
    case svg
}

/// The Open Badges version a credential follows.
public enum OpenBadgesVersion: String, Sendable, Hashable, CaseIterable {
    /// Open Badges 2.0, including 1.1 assertions, which share its shape.
    case v2 = "2.0"
    case v3 = "3.0"
}

/// The W3C Verifiable Credentials Data Model an OB 3.0 credential uses.
public enum VCDataModel: String, Sendable, Hashable, CaseIterable {
    /// VCDM 1.1: `issuanceDate`/`expirationDate`, context `https://www.w3.org/2018/credentials/v1`.
    case v1_1 = "1.1"
    /// VCDM 2.0: `validFrom`/`validUntil`, context `https://www.w3.org/ns/credentials/v2`.
    case v2_0 = "2.0"
}
