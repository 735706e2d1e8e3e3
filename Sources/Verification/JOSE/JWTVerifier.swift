import Credentials
import Foundation
import StrictJSON

/// Verifies the JOSE layer of a VC-JWT: header rules, key, signature, key binding, and the claims that repeat the
/// credential's fields (OB 3.0 §8.2.4.3, VC-JOSE-COSE §3.1).
struct JWTVerifier: Sendable {
    let keys: KeyResolver
    let binding: KeyBinding

    /// The credential a VC-JWT carries: the payload itself, or its `vc` claim (VCDM 1.1 form) completed from the
    /// registered claims that stand in for members the issuer may leave out of `vc` (VCDM 1.1 §6.3.1: `iss` for
    /// `issuer`, `jti` for `id`, `sub` for `credentialSubject.id`; `nbf`/`exp` are read as dates separately).
    static func credential(of payload: JSONObject) -> JSONObject {
        guard payload["@context"] == nil, var vc = payload["vc"]?.objectValue else { return payload }
        if vc["issuer"] == nil, let iss = payload["iss"] { vc["issuer"] = iss }
        if vc["id"] == nil, let jti = payload["jti"] { vc["id"] = jti }
        if let sub = payload["sub"], var subject = vc["credentialSubject"]?.objectValue, subject["id"] == nil {
            subject["id"] = sub
            vc["credentialSubject"] = .object(subject)
        }
        return vc
    }

    /// Who must control the key: the credential's issuer, or for a presentation its holder; else the `iss` claim.
    static func issuerID(credential: JSONObject, payload: JSONObject) -> String? {
        let fields = CredentialFields(object: credential)
        if fields.types.contains("VerifiablePresentation") {
            return credential["holder"]?.stringValue ?? credential["holder"]?["id"]?.stringValue ?? payload["iss"]?.stringValue
        }
        return fields.issuerID ?? payload["iss"]?.stringValue
    }

    /// Header rules, key, signature and issuer binding, then the claims; `credential` is the payload or its `vc` claim.
    func verify(_ parts: JWSParts, credential: JSONObject) async -> ProofVerification {
        let rules = JOSERules(header: parts.header, payload: parts.payload)
        let alg = parts.header["alg"]?.stringValue ?? "none"
        var result = ProofVerification(status: .failed, label: "VC-JWT \(alg)", methodID: nil, checks: rules.headerChecks(parts.header))
        guard result.checks.allSatisfy({ $0.outcome != .failed }), let algorithm = SignatureAlgorithm(jose: alg) else { return result }
        let issuerID = Self.issuerID(credential: credential, payload: parts.payload)

        switch await key(parts.header, issuerID: issuerID, iss: parts.payload["iss"]?.stringValue) {
        case .failure(let failure):
            result.checks.append(.failed(.key, failure.detail, effect: failure.isUnavailable ? .unverifiable : .failed))
        case .success(let key):
            result.methodID = key.id
            result.checks.append(.passed(.key, "\(key.material.typeName) key \(KeyBinding.shortened(key.id))"))
            if !algorithm.fits(key.material) {
                result.checks.append(.failed(.signature, "alg \(alg) cannot be used with a \(key.material.typeName) key"))
            } else if key.material.isValidSignature(parts.signature, for: parts.signingInput, algorithm: algorithm) {
                result.checks.append(.passed(.signature, "the \(alg) signature is valid"))
                result.checks.append(binding.check(key, issuerID: issuerID))
            } else {
                result.checks.append(.failed(.signature, "the \(alg) signature does not match the token: it was altered or signed by another key"))
            }
        }
        result.checks.append(contentsOf: claimChecks(parts.payload, credential: credential, rules: rules))
        result.status = ProofVerification.status(of: result.checks)
        return result
    }

    /// Finds the key: an embedded `jwk` (confirmed against the issuer's documents when possible), an absolute `kid`,
    /// or a relative `kid` looked up in the controller document of `iss` (or the issuer).
    private func key(_ header: JSONObject, issuerID: String?, iss: String?) async -> Result<ResolvedKey, KeyResolutionFailure> {
        if let jwk = header["jwk"] {
            guard let object = jwk.objectValue else { return .failure(.malformed("the jwk header is not a JSON object")) }
            let material: PublicKeyMaterial
            do {
                material = try JWK.decode(object)
            } catch {
                return .failure(
                    .malformed(error == .containsPrivateKey ? "the jwk header contains a private key" : "the jwk header is unusable (\(error))")
                )
            }
            guard let issuerID else { return .failure(.malformed("the token names no issuer for its embedded key")) }
            return .success(await keys.confirm(material, methodID: "the token's jwk header", controller: issuerID))
        }
        guard let kid = header["kid"]?.stringValue, !kid.isEmpty else {
            return .failure(.unavailable("the token names no key: its header has neither kid nor jwk"))
        }
        if kid.contains(":") { return await keys.resolve(kid) }
        guard let base = iss ?? issuerID else { return .failure(.malformed("the relative kid \(kid) has no issuer to resolve against")) }
        return await keys.resolve(keyID: kid, relativeTo: base)
    }

    /// OB 3.0's JWT rules (a `sub` claim among them) are for its own credentials, not for the status lists and other
    /// credentials secured the same way.
    private static func isOpenBadgesCredential(_ credential: JSONObject) -> Bool {
        let types = Set((credential["type"]?.asList ?? []).compactMap(\.stringValue))
        return !types.isDisjoint(with: OpenBadgesCredentialTypes.all)
    }

    /// One `jwt_claims` check: disagreements that change who or what was signed fail, the others are warnings.
    private func claimChecks(_ payload: JSONObject, credential: JSONObject, rules: JOSERules) -> [VerificationCheck] {
        let fields = CredentialFields(object: credential)
        var problems: [String] = []
        var failures: [String] = []
        if rules != .openBadges, payload["vc"] != nil || payload["vp"] != nil {
            failures.append("the payload carries vc/vp claims, which VC-JOSE-COSE forbids")
        }
        if let iss = payload["iss"]?.stringValue, let issuer = Self.issuerID(credential: credential, payload: payload), iss != issuer {
            failures.append("iss \(iss) is not the \(rules == .presentation ? "presentation's holder" : "credential's issuer") \(issuer)")
        }
        if rules == .presentation {
            return failures.isEmpty
                ? [.passed(.jwtClaims, "the JWT claims agree with the presentation")] : [.failed(.jwtClaims, failures.joined(separator: "; "))]
        }
        if let jti = payload["jti"]?.stringValue, let id = fields.id, jti != id { problems.append("jti differs from the credential id") }
        if let sub = payload["sub"]?.stringValue {
            if let subject = fields.subjectID, sub != subject { problems.append("sub differs from credentialSubject.id") }
        } else if rules == .openBadges, fields.subjectID != nil, Self.isOpenBadgesCredential(credential) {
            problems.append("no sub claim (OB 3.0 requires it)")
        }
        if let nbf = payload["nbf"]?.numberValue?.double, let from = fields.validFrom.flatMap({ ValidityPeriod.date($0.value) }),
            abs(nbf - from.timeIntervalSince1970) >= 1
        {
            problems.append("nbf differs from \(fields.validFrom?.member ?? "validFrom")")
        }
        if let exp = payload["exp"]?.numberValue?.double, let until = fields.validUntil.flatMap({ ValidityPeriod.date($0.value) }),
            abs(exp - until.timeIntervalSince1970) >= 1
        {
            problems.append("exp differs from \(fields.validUntil?.member ?? "validUntil")")
        }
        if !failures.isEmpty { return [.failed(.jwtClaims, (failures + problems).joined(separator: "; "))] }
        if !problems.isEmpty { return [.warning(.jwtClaims, problems.joined(separator: "; "))] }
        return [.passed(.jwtClaims, "the JWT claims agree with the credential")]
    }
}

extension SignatureAlgorithm {
    /// True when a key of this type can make signatures of this algorithm.
    func fits(_ key: PublicKeyMaterial) -> Bool {
        switch (self, key) {
        case (.ed25519, .ed25519), (.ecdsaP256SHA256, .p256), (.ecdsaP384SHA384, .p384), (.ecdsaP521SHA512, .p521),
            (.rsaPKCS1, .rsa), (.rsaPSS, .rsa):
            return true
        default:
            return false
        }
    }
}
