import StrictJSON

extension ParseSession {
    /// Reads a compact JWS: an OB 3.0 VC-JWT (credential or CLR) or an OB 2.0 signed assertion.
    func readJWT(
        _ bytes: [UInt8],
        at pointer: JSONPointer,
        packaging: CredentialPackaging,
        document: [UInt8],
        clr: ClrMembership?,
        parent: FindingLog
    ) async throws(CredentialRejection) -> [ParsedCredential] {
        let log = FindingLog(inheriting: parent, limits: limits)
        let jws: CompactJWS
        do {
            jws = try CompactJWS.decode(bytes, limits: limits.json, log: log, at: pointer)
        } catch {
            log.absorb(error)
            throw log.rejection
        }
        if Self.isOB2Assertion(jws.payload) {
            guard clr == nil else {
                throw CredentialRejection(.notAnEarnedBadge, "a CLR delivers OB 3.0 credentials, not OB 2.0 assertions", at: pointer)
            }
            return [try await readOB2(jws.payload, signed: jws, at: pointer, packaging: packaging, document: document, parent: log)]
        }
        VCJWTClaims.checkHeader(jws.header, log: log, at: pointer)
        let claims: VCJWTClaims
        do {
            claims = try VCJWTClaims.locate(jws, at: pointer)
        } catch {
            log.absorb(error)
            throw log.rejection
        }
        let credential = claims.completedCredential(log: log)
        let secured = SecuredCredential.jwt(compact: jws.compact, header: jws.header, payload: claims.payload, credential: claims.credential)
        switch DocumentKind.classify(credential, at: claims.credentialPointer) {
        case .rejected(let rejection):
            log.absorb(rejection)
            throw log.rejection
        case .ob2Assertion:
            log.problem(.notAnEarnedBadge, "an OB 2.0 assertion inside a VC-JWT is not a known format", at: claims.credentialPointer)
            throw log.rejection
        case .clr:
            guard clr == nil else { throw CredentialRejection(.notAnEarnedBadge, "a CLR inside a CLR is not read", at: pointer) }
            try log.throwIfProblems()
            return try await readCLR(credential, at: claims.credentialPointer, secured: secured, packaging: packaging, parent: log)
        case .earnedBadge:
            guard var badge = OB3CredentialReader(log: log, limits: limits).read(Node(credential, at: claims.credentialPointer)) else {
                throw log.rejection
            }
            claims.check(badge, log: log)
            try log.throwIfProblems()
            badge.proofs.insert(jws.proofSummary, at: 0)
            return [assemble(badge, secured: secured, log: log, format: .openBadges3JWT, packaging: packaging, clr: clr, document: document)]
        }
    }

    /// Reads an OB 2.0 assertion, hosted (`signed == nil`) or from a signed JWS, fetching its BadgeClass and Issuer.
    func readOB2(
        _ assertion: JSONValue,
        signed jws: CompactJWS?,
        at pointer: JSONPointer,
        packaging: CredentialPackaging,
        document: [UInt8],
        parent: FindingLog
    ) async throws(CredentialRejection) -> ParsedCredential {
        let log = FindingLog(inheriting: parent, limits: limits)
        if let jws {
            VCJWTClaims.checkHeader(jws.header, log: log, at: pointer)
        } else if let type = assertion["verification"]?["type"]?.stringValue ?? assertion["verify"]?["type"]?.stringValue,
            ["signed", "signedbadge"].contains(type.lowercased())
        {
            log.warn(
                .signedAssertionWithoutSignature,
                "the assertion says it is signed but arrived as plain JSON; send the compact JWS to have it verified",
                at: pointer / "verification"
            )
        }
        let resolved = await resolver.resolve(assertion, log: log, at: pointer)
        let reader = OB2AssertionReader(log: log, limits: limits, badgeUnavailable: resolved.badgeUnavailable)
        guard var badge = reader.read(Node(resolved.document, at: pointer)) else { throw log.rejection }
        let secured: SecuredCredential
        if let jws {
            // OB 2.0 names the signing key in the assertion's verification.creator rather than in the JOSE header.
            var proof = jws.proofSummary
            proof.verificationMethod = proof.verificationMethod ?? assertion["verification"]?["creator"]?.stringValue
            badge.proofs = [proof]
            secured = .ob2Signed(compact: jws.compact, header: jws.header, assertion: assertion)
        } else {
            secured = .ob2Hosted(assertion: assertion)
        }
        return assemble(
            badge,
            secured: secured,
            log: log,
            format: jws == nil ? .openBadges2Hosted : .openBadges2Signed,
            packaging: packaging,
            clr: nil,
            document: document
        )
    }

    /// An OB 2.0 assertion payload: typed Assertion, or the untyped recipient-and-badge shape, and no `vc` claim.
    static func isOB2Assertion(_ payload: JSONValue) -> Bool {
        guard payload["vc"] == nil, payload["credentialSubject"] == nil else { return false }
        let types = (payload["type"]?.asList ?? []).compactMap(\.stringValue)
        return types.contains(where: OB2AssertionReader.assertionTypes.contains) || (payload["recipient"] != nil && payload["badge"] != nil)
    }
}
