public import StrictJSON

/// Where to look up whether the credential was revoked or suspended (`credentialStatus`).
public struct CredentialStatusEntry: Sendable, Hashable {
    /// `1EdTechRevocationList`, `BitstringStatusListEntry`, `StatusList2021Entry`, …
    public var type: String?
    public var id: String?
    /// `statusPurpose`: `revocation`, `suspension`, … (status lists only).
    public var purpose: String?
    /// `statusListIndex`, as written (issuers use strings and numbers).
    public var index: String?
    /// `statusListCredential`, or for `1EdTechRevocationList` its `id` (the revocation list service).
    public var listURL: String?
    /// The entry as received.
    public var raw: JSONValue

    public init(type: String?, id: String?, purpose: String?, index: String?, listURL: String?, raw: JSONValue) {
        self.type = type
        self.id = id
        self.purpose = purpose
        self.index = index
        self.listURL = listURL
        self.raw = raw
    }
}

/// A `{id, type}` pointer to a service: `refreshService`, `credentialSchema` entries.
public struct ServiceReference: Sendable, Hashable {
    public var id: String?
    public var type: String?

    public init(id: String?, type: String?) {
        self.id = id
        self.type = type
    }
}

/// What a proof claims, without checking it: enough to record which key and suite the verifier will need.
public struct ProofSummary: Sendable, Hashable {
    /// `DataIntegrityProof`, `Ed25519Signature2020`, or for a JWS the JOSE `alg` prefixed `JWS/` (`JWS/RS256`).
    public var type: String?
    public var cryptosuite: String?
    /// The proof's `verificationMethod`, or the JOSE `kid`.
    public var verificationMethod: String?
    public var proofPurpose: String?
    public var created: String?

    public init(type: String?, cryptosuite: String? = nil, verificationMethod: String? = nil, proofPurpose: String? = nil, created: String? = nil) {
        self.type = type
        self.cryptosuite = cryptosuite
        self.verificationMethod = verificationMethod
        self.proofPurpose = proofPurpose
        self.created = created
    }
}

/// An endorsement attached to the credential, its achievement or its issuer.
public struct EndorsementReference: Sendable, Hashable {
    /// What the endorsement was attached to.
    public enum Placement: String, Sendable, Hashable {
        case credential, achievement, issuer
    }

    /// How the endorsement was given.
    public enum Form: String, Sendable, Hashable {
        /// An EndorsementCredential object (OB 3.0) or Endorsement object (OB 2.0).
        case embedded
        /// A compact JWS in `endorsementJwt`.
        case jwt
        /// A URL of an OB 2.0 hosted Endorsement, not fetched.
        case reference
    }

    public var id: String?
    public var issuerId: String?
    public var issuerName: String?
    public var comment: String?
    public var placement: Placement
    public var form: Form

    public init(id: String?, issuerId: String?, issuerName: String?, comment: String?, placement: Placement, form: Form) {
        self.id = id
        self.issuerId = issuerId
        self.issuerName = issuerName
        self.comment = comment
        self.placement = placement
        self.form = form
    }
}
