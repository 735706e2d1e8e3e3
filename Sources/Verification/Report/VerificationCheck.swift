/// The result of one named check.
public enum CheckOutcome: String, Sendable, Hashable, Codable {
    case passed
    case failed
    case warning
    case skipped
}

/// What a check examined. Raw values are stable: they are stored and the public page maps each to a plain-language line.
public enum CheckName: String, Sendable, Hashable, Codable {
    /// The document is a credential we can verify (contexts, type, issuer).
    case format
    /// A proof was found and is of a suite we verify.
    case proof
    /// JOSE header rules (alg, typ, cty, crit, jwk) for a VC-JWT or OB 2.0 signed assertion.
    case joseHeader = "jose_header"
    /// JWT claims agree with the credential (iss, jti, sub, nbf, exp; no vc/vp claims where forbidden).
    case jwtClaims = "jwt_claims"
    /// The verification method was resolved to a public key.
    case key
    /// The key belongs to the issuer (its controller is the issuer) and may be used for assertions.
    case keyBinding = "key_binding"
    /// The signature over the credential is valid.
    case signature
    /// An OB 2.0 hosted assertion matches the copy at its URL.
    case hostedAssertion = "hosted_assertion"
    /// Revocation or suspension status (status list, revocation list, hosted assertion).
    case status
    /// The credential's start of validity has passed.
    case validFrom = "valid_from"
    /// The credential's end of validity has not passed.
    case validUntil = "valid_until"
}

/// One named check with its outcome and a plain-language detail.
///
/// `effect` says which overall outcome a failed check forces (for example a failed `status` check can mean `revoked`
/// or `unverifiable`); it is stored with the check so a later re-check can recompute the outcome from the list.
public struct VerificationCheck: Sendable, Hashable, Codable {
    public var name: CheckName
    public var outcome: CheckOutcome
    public var detail: String
    public var effect: VerificationOutcome?

    public init(name: CheckName, outcome: CheckOutcome, detail: String, effect: VerificationOutcome? = nil) {
        self.name = name
        self.outcome = outcome
        self.detail = detail
        self.effect = effect
    }

    static func passed(_ name: CheckName, _ detail: String) -> VerificationCheck {
        VerificationCheck(name: name, outcome: .passed, detail: detail)
    }

    static func warning(_ name: CheckName, _ detail: String) -> VerificationCheck {
        VerificationCheck(name: name, outcome: .warning, detail: detail)
    }

    static func skipped(_ name: CheckName, _ detail: String) -> VerificationCheck {
        VerificationCheck(name: name, outcome: .skipped, detail: detail)
    }

    /// A failed check; `effect` defaults to `failed` (the credential is wrong) and is `unverifiable` when we could not tell.
    static func failed(_ name: CheckName, _ detail: String, effect: VerificationOutcome = .failed) -> VerificationCheck {
        VerificationCheck(name: name, outcome: .failed, detail: detail, effect: effect)
    }
}

/// A failed (or skipped) check carried as an error by steps that stop at the first problem.
struct CheckFailure: Error, Sendable {
    let check: VerificationCheck

    init(_ check: VerificationCheck) {
        self.check = check
    }
}
