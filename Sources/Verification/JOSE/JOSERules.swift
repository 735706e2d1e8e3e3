import StrictJSON

/// Which of the two VC-JWT rule sets a token follows, decided from its shape.
///
/// Open Badges 3.0 §8.2 ("VC-JWT", also the VCDM 1.1 JWT encoding) puts the credential in the payload or in a `vc`
/// claim, wants `typ` "JWT" if present and forbids other headers. W3C VC-JOSE-COSE makes the payload the credential,
/// uses `typ` vc+jwt and `cty` vc, and forbids `vc`/`vp` claims. A token with a `vc` claim and no top-level `@context`,
/// or a credential payload with `typ` absent or "JWT" and no `cty`, is judged by the Open Badges rules; anything else
/// (including an unknown `typ`) by VC-JOSE-COSE, whose test suite requires rejecting wrong media types.
enum JOSERules: Sendable, Equatable {
    case openBadges
    case vcJOSECOSE
    /// A VC-JOSE-COSE presentation (`typ` vp+jwt), whose payload is a VerifiablePresentation.
    case presentation

    static let credentialTypes: Set<String> = ["vc+jwt", "application/vc+jwt"]
    /// Media types of earlier VC-JOSE-COSE drafts, still seen in the wild.
    static let draftCredentialTypes: Set<String> = ["vc+ld+jwt", "application/vc+ld+jwt", "vc-ld+jwt", "application/vc-ld+jwt"]
    static let contentTypes: Set<String> = ["vc", "application/vc"]
    static let draftContentTypes: Set<String> = ["vc+ld+json", "application/vc+ld+json", "credential-claims-set+json"]
    /// The headers OB 3.0 allows.
    static let openBadgesHeaders: Set<String> = ["alg", "kid", "jwk", "typ"]

    static let presentationTypes: Set<String> = ["vp+jwt", "application/vp+jwt", "vp+ld+jwt", "application/vp+ld+jwt"]
    static let presentationContentTypes: Set<String> = ["vp", "application/vp", "vp+ld+json", "application/vp+ld+json"]

    init(header: JSONObject, payload: JSONObject) {
        let typ = header["typ"]?.stringValue
        if (payload["type"]?.asList ?? []).contains(.string("VerifiablePresentation")) {
            self = .presentation
        } else if payload["vc"] != nil, payload["@context"] == nil {
            self = .openBadges
        } else if typ == nil || typ?.uppercased() == "JWT", header["cty"] == nil {
            self = .openBadges
        } else {
            self = .vcJOSECOSE
        }
    }

    /// The `jose_header` checks: algorithm, critical extensions and media types.
    func headerChecks(_ header: JSONObject) -> [VerificationCheck] {
        guard let alg = header["alg"]?.stringValue, SignatureAlgorithm(jose: alg) != nil else {
            let alg = header["alg"]?.stringValue ?? "missing"
            return [.failed(.joseHeader, "the JOSE algorithm \(alg) is not accepted (EdDSA, ES256/384/512, RS256/384/512, PS256/384/512 are)")]
        }
        if let critical = header["crit"] {
            let names = critical.asList.compactMap(\.stringValue).joined(separator: ", ")
            return [.failed(.joseHeader, "the token marks extensions this verifier does not understand as critical: \(names)")]
        }
        let typ = header["typ"]?.stringValue
        let cty = header["cty"]?.stringValue
        switch self {
        case .vcJOSECOSE:
            guard let typ, Self.credentialTypes.contains(typ) || Self.draftCredentialTypes.contains(typ) else {
                return [.failed(.joseHeader, "typ \(typ ?? "missing") is not the vc+jwt media type VC-JOSE-COSE requires")]
            }
            if let cty, !Self.contentTypes.contains(cty), !Self.draftContentTypes.contains(cty) {
                return [.failed(.joseHeader, "cty \(cty) is not the vc content type VC-JOSE-COSE requires")]
            }
            if Self.draftCredentialTypes.contains(typ) || cty.map(Self.draftContentTypes.contains) == true {
                return [.warning(.joseHeader, "\(alg) token with a draft VC-JOSE-COSE media type (typ \(typ))")]
            }
            return [.passed(.joseHeader, "\(alg) token, typ \(typ) (W3C VC-JOSE-COSE)")]
        case .presentation:
            guard let typ, Self.presentationTypes.contains(typ) else {
                return [.failed(.joseHeader, "typ \(typ ?? "missing") is not the vp+jwt media type of a presentation")]
            }
            if let cty, !Self.presentationContentTypes.contains(cty) {
                return [.failed(.joseHeader, "cty \(cty) is not the vp content type of a presentation")]
            }
            return [.passed(.joseHeader, "\(alg) presentation, typ \(typ)")]
        case .openBadges:
            let extra = header.keys.filter { !Self.openBadgesHeaders.contains($0) }
            if !extra.isEmpty {
                return [.warning(.joseHeader, "\(alg) token with headers OB 3.0 does not allow: \(extra.joined(separator: ", "))")]
            }
            return [.passed(.joseHeader, "\(alg) token (Open Badges 3.0 VC-JWT)")]
        }
    }
}
