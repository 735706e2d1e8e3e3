public import Foundation

/// Policy choices of a deployment. The defaults follow the specifications and the 1EdTech validator where they agree,
/// and the stricter reading where they do not (documented per option).
public struct VerificationOptions: Sendable, Hashable {
    /// What to do with a key that only the credential itself vouches for: the 1EdTech `<issuer-url>#z6Mk…` form or a
    /// JOSE `jwk` header, when the issuer publishes no document listing that key.
    public enum UnconfirmedKeyPolicy: Sendable, Hashable {
        /// Accept with a `key_binding` warning, as the 1EdTech validator does (OB 3.0 conformance samples use this form).
        case acceptWithWarning
        /// Report `unverifiable`: nothing stops a forger from putting their own key in the fragment.
        case reject
    }

    /// Tolerance when comparing validity dates with the clock.
    public var clockSkew: TimeInterval
    /// When true (default), a key whose controller is not the issuer makes the credential `failed`; when false it is a
    /// warning (the W3C test vectors sign with a did:key that is not their issuer).
    public var requireIssuerKeyBinding: Bool
    public var unconfirmedKeys: UnconfirmedKeyPolicy
    /// Whether to check `credentialStatus` (status lists, revocation lists) at all.
    public var checkStatus: Bool
    /// How long a status list is reused when it states no `ttl` of its own.
    public var statusListLifetime: TimeInterval
    /// The largest decompressed status list accepted; larger ones are treated as decompression bombs.
    public var maxStatusListBytes: Int

    public init(
        clockSkew: TimeInterval = 300,
        requireIssuerKeyBinding: Bool = true,
        unconfirmedKeys: UnconfirmedKeyPolicy = .acceptWithWarning,
        checkStatus: Bool = true,
        statusListLifetime: TimeInterval = 300,
        maxStatusListBytes: Int = 16 << 20
    ) {
        self.clockSkew = clockSkew
        self.requireIssuerKeyBinding = requireIssuerKeyBinding
        self.unconfirmedKeys = unconfirmedKeys
        self.checkStatus = checkStatus
        self.statusListLifetime = statusListLifetime
        self.maxStatusListBytes = maxStatusListBytes
    }
}
