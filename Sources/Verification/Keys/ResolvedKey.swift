/// A public key found for a verification method, with what is known about who controls it.
struct ResolvedKey: Sendable {
    /// How the key was found, which decides how much its controller can be trusted.
    enum Source: Sendable, Equatable {
        /// Decoded from a `did:key` or `did:jwk` identifier: the DID is the key.
        case selfCertifyingDID
        /// Listed in a DID document or controller document fetched from its controller's location.
        case controllerDocument(url: String)
        /// Read from the fragment of `<issuer-url>#z6Mk…` (1EdTech form) or from a JOSE `jwk` header, and not found in any
        /// document the issuer publishes: nothing ties it to the issuer but the credential's own claim.
        case unconfirmed(String)
        /// Supplied by the credential, but the controller's document, which lists its keys, does not list this one.
        case refuted(url: String)
    }

    /// Whether the controller authorises this key for assertions (credential issuing).
    enum AssertionAuthorization: Sendable, Equatable {
        case authorized
        case notAuthorized
        /// The document lists no `assertionMethod` relationship at all.
        case unstated
    }

    var id: String
    var controller: String?
    var material: PublicKeyMaterial
    var source: Source
    var assertion: AssertionAuthorization
}

/// Why a verification method did not yield a key: wrong (the credential is `failed`) or unavailable (`unverifiable`).
struct KeyResolutionFailure: Error, Sendable {
    var detail: String
    var isUnavailable: Bool

    static func malformed(_ detail: String) -> KeyResolutionFailure {
        KeyResolutionFailure(detail: detail, isUnavailable: false)
    }

    static func unavailable(_ detail: String) -> KeyResolutionFailure {
        KeyResolutionFailure(detail: detail, isUnavailable: true)
    }
}
