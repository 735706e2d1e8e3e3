import StrictJSON

/// Where a VC-JWT keeps its credential, and whether its registered claims (`iss`, `jti`, `sub`, `nbf`, `exp`) agree with it.
///
/// VCDM 2.0 JWTs (OB 3.0 §8.2, VC-JOSE-COSE) carry the credential as the payload itself; VCDM 1.1 JWTs carry it in a
/// `vc` claim and may move `id`, `issuer`, `credentialSubject.id` and the dates out into claims, which are then put
/// back (VC-DATA-MODEL 1.1 §6.3.1). Contradictions are problems; the variations real issuers produce are warnings.
struct VCJWTClaims {
    /// Where the credential is: the whole payload (VCDM 2.0) or its `vc` claim (VCDM 1.1).
    enum Form { case payloadIsCredential, vcClaim }

    let form: Form
    let payload: JSONObject
    /// Where the payload sits (the root, or a CLR member's place).
    let payloadPointer: JSONPointer
    /// The credential as the JWT carries it.
    let credential: JSONValue

    /// Where the credential's fields are, for findings.
    var credentialPointer: JSONPointer { form == .vcClaim ? payloadPointer / "vc" : payloadPointer }

    /// Finds the credential: the `vc` claim, or the payload itself.
    static func locate(_ jws: CompactJWS, at pointer: JSONPointer) throws(CredentialRejection) -> VCJWTClaims {
        guard let payload = jws.payload.objectValue else {
            throw CredentialRejection(.noCredentialInJWT, "the JWT payload must be a JSON object", at: pointer)
        }
        let looksLikeCredential = payload["@context"] != nil || payload["credentialSubject"] != nil
        if let vc = payload["vc"] {
            guard !looksLikeCredential else {
                throw CredentialRejection(
                    .forbiddenClaim,
                    "the payload is a credential and also has a vc claim; VC-JOSE-COSE forbids vc and vp claims there",
                    at: pointer / "vc"
                )
            }
            guard vc.objectValue != nil else {
                throw CredentialRejection(.noCredentialInJWT, "the vc claim must be a credential object, found \(vc.kindName)", at: pointer / "vc")
            }
            return VCJWTClaims(form: .vcClaim, payload: payload, payloadPointer: pointer, credential: vc)
        }
        if payload["vp"] != nil {
            throw CredentialRejection(.forbiddenClaim, "a vp claim: this is a presentation, not a credential", at: pointer / "vp")
        }
        guard looksLikeCredential else {
            throw CredentialRejection(.noCredentialInJWT, "the JWT payload is neither a credential nor has a vc claim", at: pointer)
        }
        return VCJWTClaims(form: .payloadIsCredential, payload: payload, payloadPointer: pointer, credential: .object(payload))
    }

    /// Checks the JOSE header's media types: OB 3.0 says `typ` is `JWT`; VC-JOSE-COSE uses `vc+jwt` with `cty` `vc`.
    static func checkHeader(_ header: JSONObject, log: FindingLog, at pointer: JSONPointer) {
        let types: Set<String> = ["jwt", "vc+jwt", "vc+ld+jwt", "vc+ld+json+jwt", "application/jwt", "application/vc+jwt", "application/vc+ld+jwt"]
        let contentTypes: Set<String> = ["vc", "vc+ld+json", "application/vc", "application/vc+ld+json", "jwt"]
        if let typ = header["typ"]?.stringValue, !types.contains(typ.lowercased()) {
            log.problem(.unexpectedJOSEType, "JOSE typ \"\(typ)\" does not mark a credential (expected JWT or vc+jwt)", at: pointer)
        }
        if let cty = header["cty"]?.stringValue, !contentTypes.contains(cty.lowercased()) {
            log.problem(.unexpectedJOSEType, "JOSE cty \"\(cty)\" does not mark a credential (expected vc)", at: pointer)
        }
    }

    /// The credential with fields the claims supply put in where the credential lacks them.
    func completedCredential(log: FindingLog) -> JSONValue {
        guard var credential = credential.objectValue else { return self.credential }
        let quiet = form == .vcClaim
        func fill(_ field: String, from claim: String) {
            if !quiet { log.warn(.claimUsedForField, "the credential has no \(field); the \(claim) claim supplies it", at: payloadPointer / claim) }
        }
        if credential["id"] == nil, let jti = payload["jti"], jti.stringValue != nil {
            credential["id"] = jti
            fill("id", from: "jti")
        }
        if let iss = payload["iss"], iss.stringValue != nil {
            if credential["issuer"] == nil {
                credential["issuer"] = iss
                fill("issuer", from: "iss")
            } else if var issuer = credential["issuer"]?.objectValue, issuer["id"] == nil {
                issuer["id"] = iss
                credential["issuer"] = .object(issuer)
                fill("issuer id", from: "iss")
            }
        }
        if let sub = payload["sub"], sub.stringValue != nil, var subject = credential["credentialSubject"]?.objectValue, subject["id"] == nil {
            subject["id"] = sub
            credential["credentialSubject"] = .object(subject)
            fill("credentialSubject.id", from: "sub")
        }
        let isVCDM1 = credential["@context"]?.asList.first?.stringValue == OB3CredentialReader.credentialsV1
        let (startKey, endKey) = isVCDM1 ? ("issuanceDate", "expirationDate") : ("validFrom", "validUntil")
        if credential["validFrom"] == nil, credential["issuanceDate"] == nil, let nbf = payload["nbf"]?.numberValue?.intValue {
            credential[startKey] = .string(CredentialDate(numericDate: nbf).text)
            fill(startKey, from: "nbf")
        }
        if credential["validUntil"] == nil, credential["expirationDate"] == nil, let exp = payload["exp"]?.numberValue?.intValue {
            credential[endKey] = .string(CredentialDate(numericDate: exp).text)
            fill(endKey, from: "exp")
        }
        return .object(credential)
    }

    /// Compares the claims with what the credential says.
    func check(_ badge: EarnedBadge, log: FindingLog) {
        compare("jti", badge.id, what: "the credential id", log: log)
        compare("iss", badge.issuer.id, what: "the issuer id", log: log)
        if payload["sub"] != nil {
            if let subjectId = badge.earner.id { compare("sub", subjectId, what: "credentialSubject.id", log: log) }
        } else if let subjectId = badge.earner.id {
            if payload["aud"]?.asList.contains(where: { $0.stringValue == subjectId }) == true {
                log.warn(.subjectInAudience, "the earner is named in aud, not sub as OB 3.0 requires", at: payloadPointer / "aud")
            } else {
                log.warn(.missingClaim, "the sub claim is missing; OB 3.0 requires it to name the earner", at: payloadPointer / "sub")
            }
        }
        compareDate("nbf", badge.validFrom, log: log)
        if let validUntil = badge.validUntil {
            compareDate("exp", validUntil, log: log)
        } else if payload["exp"] != nil {
            log.warn(.malformedClaim, "the exp claim could not be read as a date", at: payloadPointer / "exp")
        }
    }

    /// A text claim must equal the credential's value; a missing one is tolerated with a warning.
    private func compare(_ claim: String, _ expected: String, what: String, log: FindingLog) {
        guard let value = payload[claim] else {
            log.warn(.missingClaim, "the \(claim) claim is missing; OB 3.0 requires it to equal \(what)", at: payloadPointer / claim)
            return
        }
        guard let text = value.stringValue else {
            log.warn(.malformedClaim, "the \(claim) claim should be text, found \(value.kindName)", at: payloadPointer / claim)
            return
        }
        if text != expected {
            log.problem(.claimMismatch, "the \(claim) claim \"\(text)\" contradicts \(what) \"\(expected)\"", at: payloadPointer / claim)
        }
    }

    /// NumericDate claims equal the credential's date to the second (fractions of a second are truncated).
    private func compareDate(_ claim: String, _ date: CredentialDate, log: FindingLog) {
        guard let value = payload[claim] else {
            if claim == "nbf" {
                log.warn(.missingClaim, "the nbf claim is missing; OB 3.0 requires it to equal validFrom", at: payloadPointer / claim)
            }
            return
        }
        guard let seconds = value.numberValue?.intValue else {
            log.warn(
                .malformedClaim,
                "the \(claim) claim should be a NumericDate (seconds since 1970), found \(value.kindName); ignored",
                at: payloadPointer / claim
            )
            return
        }
        if seconds != date.secondsSince1970 {
            log.problem(
                .claimMismatch,
                "the \(claim) claim (\(CredentialDate(numericDate: seconds).text)) contradicts the credential's \(date.text)",
                at: payloadPointer / claim
            )
        }
    }
}
