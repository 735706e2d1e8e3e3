import Credentials
import Foundation
import StrictJSON

/// Open Badges 2.0 verification (OB 2.0 §"Badge Verification"): hosted assertions are checked against the copy at
/// their URL; signed assertions by their JWS, the issuer's key and the issuer's revocation list.
struct OB2Verifier: Sendable {
    let documents: DocumentLoader
    let now: Date

    private static let accept = "application/ld+json, application/json"

    /// Hosted verification: fetch the assertion's `id`; a 410 or `revoked: true` there, or an entry in the issuer's
    /// revocation list, means revoked. The assertion must be hosted where its issuer says its assertions live.
    func verifyHosted(_ assertion: JSONObject) async -> (ProofVerification, issuerID: String?) {
        var result = ProofVerification(status: .failed, label: "OB 2.0 hosted", methodID: nil, checks: [])
        var issuerID: String?
        guard let url = assertion["id"]?.stringValue, url.hasPrefix("https://") || url.hasPrefix("http://") else {
            result.checks.append(.failed(.hostedAssertion, "a hosted assertion's id must be its https URL"))
            return (result, nil)
        }
        result.methodID = url
        switch await documents.raw(url, accept: Self.accept) {
        case .failure(.fetch(.httpStatus(_, 410))):
            result.checks.append(.failed(.status, "the issuer answers 410 Gone for \(url): the assertion was revoked", effect: .revoked))
        case .failure(let failure):
            result.checks.append(.failed(.hostedAssertion, failure.detail, effect: .unverifiable))
        case .success(let fetched):
            guard case .success(let json) = DocumentLoader.parse(fetched.body, url: url), let hosted = json.objectValue else {
                result.checks.append(.failed(.hostedAssertion, "\(url) does not serve a JSON assertion"))
                break
            }
            if hosted["revoked"]?.boolValue == true {
                let reason = hosted["revocationReason"]?.stringValue.map { ": \($0)" } ?? ""
                result.checks.append(.failed(.status, "the hosted assertion is marked revoked\(reason)", effect: .revoked))
                break
            }
            guard hosted == assertion else {
                result.checks.append(.failed(.hostedAssertion, "the assertion at \(url) differs from the one presented"))
                break
            }
            result.checks.append(.passed(.hostedAssertion, "the assertion matches the copy hosted at \(url)"))
            switch await OB2Issuer.load(for: assertion, documents: documents, now: now) {
            case .failure(let failure):
                result.checks.append(failure.check)
            case .success(let issuer):
                issuerID = issuer.id
                if issuer.allowsHosting(at: url) {
                    result.checks.append(.passed(.keyBinding, "hosted within the domain of the issuer \(issuer.id ?? "")"))
                } else {
                    result.checks.append(.failed(.keyBinding, "\(url) is outside the domains the issuer \(issuer.id ?? "(no id)") vouches for"))
                }
                result.checks.append(await revocationCheck(assertion, issuer: issuer))
            }
        }
        result.status = ProofVerification.status(of: result.checks)
        return (result, issuerID)
    }

    /// Signed verification: the JWS must verify with a key the issuer owns, and the issuer's revocation list must not
    /// list the assertion.
    func verifySigned(_ parts: JWSParts) async -> (ProofVerification, issuerID: String?) {
        let alg = parts.header["alg"]?.stringValue ?? "none"
        var result = ProofVerification(status: .failed, label: "OB 2.0 signed \(alg)", methodID: nil, checks: [])
        guard let algorithm = SignatureAlgorithm(jose: alg), parts.header["crit"] == nil else {
            result.checks.append(.failed(.joseHeader, "the JOSE algorithm \(alg) or a critical header is not accepted"))
            return (result, nil)
        }
        result.checks.append(.passed(.joseHeader, "\(alg) signed assertion"))
        let issuer: OB2Issuer
        switch await OB2Issuer.load(for: parts.payload, documents: documents, now: now) {
        case .failure(let check):
            result.checks.append(check.check)
            result.status = ProofVerification.status(of: result.checks)
            return (result, nil)
        case .success(let found): issuer = found
        }
        let keyURL = parts.payload["verification"]?["creator"]?.stringValue ?? parts.payload["verify"]?["url"]?.stringValue
        let candidates = keyURL.map { [$0] } ?? (issuer.profile["publicKey"]?.asList ?? []).compactMap { $0.stringValue ?? $0["id"]?.stringValue }
        guard !candidates.isEmpty else {
            result.checks.append(.failed(.key, "neither the assertion nor its issuer names a public key"))
            return (result, issuer.id)
        }
        var keyChecks: [VerificationCheck] = []
        for url in candidates {
            let checks = await keyAndSignature(url, parts: parts, algorithm: algorithm, issuer: issuer)
            if checks.allSatisfy({ $0.outcome != .failed }) {
                result.methodID = url
                keyChecks = checks
                break
            }
            if keyChecks.isEmpty { keyChecks = checks }
        }
        result.checks.append(contentsOf: keyChecks)
        if keyChecks.allSatisfy({ $0.outcome != .failed }) { result.checks.append(await revocationCheck(parts.payload, issuer: issuer)) }
        result.status = ProofVerification.status(of: result.checks)
        return (result, issuer.id)
    }

    /// Fetches the key at `url`, checks the signature with it, and whether the issuer stands behind the key.
    private func keyAndSignature(_ url: String, parts: JWSParts, algorithm: SignatureAlgorithm, issuer: OB2Issuer) async -> [VerificationCheck] {
        let document: JSONObject
        switch await documents.json(url, accept: Self.accept, now: now) {
        case .failure(let failure): return [.failed(.key, "the signing key could not be fetched: \(failure.detail)", effect: .unverifiable)]
        case .success(let json):
            guard let object = json.objectValue else { return [.failed(.key, "\(url) is not a key document")] }
            document = object
        }
        let material: PublicKeyMaterial
        switch VerificationMethod.key(of: document, legacyRSA: true) {
        case .failure(let failure): return [.failed(.key, failure.detail)]
        case .success(let key): material = key
        }
        var checks: [VerificationCheck] = [.passed(.key, "\(material.typeName) key \(url)")]
        if material.isShortRSA {
            checks = [.warning(.key, "\(material.typeName) key \(url): shorter than the 2,048 bits required today; accepted for an Open Badges 2.0 assertion")]
        }
        guard algorithm.fits(material), material.isValidSignature(parts.signature, for: parts.signingInput, algorithm: algorithm) else {
            return checks + [.failed(.signature, "the signature does not match the assertion: it was altered or signed by another key")]
        }
        checks.append(.passed(.signature, "the assertion's signature is valid"))
        // The key's own `owner` claim is only believed for a key hosted where the issuer hosts its documents; otherwise the
        // issuer's profile must list it (anyone can publish a key document naming any owner).
        let owner = document["owner"]?.stringValue ?? document["controller"]?.stringValue
        let listed = (issuer.profile["publicKey"]?.asList ?? []).contains { ($0.stringValue ?? $0["id"]?.stringValue) == url }
        if let issuerID = issuer.id, listed || (owner == issuerID && issuer.allowsHosting(at: url)) {
            checks.append(.passed(.keyBinding, "the key belongs to the issuer \(issuerID)"))
        } else {
            checks.append(.failed(.keyBinding, "the key \(url) (owner \(owner ?? "none")) is not one the issuer \(issuer.id ?? "(no id)") publishes"))
        }
        return checks
    }

    /// The issuer's `revocationList` (OB 2.0 RevocationList: `revokedAssertions` of ids or `{id|uid, revocationReason}`).
    private func revocationCheck(_ assertion: JSONObject, issuer: OB2Issuer) async -> VerificationCheck {
        if assertion["revoked"]?.boolValue == true { return .failed(.status, "the assertion is marked revoked", effect: .revoked) }
        guard let url = issuer.profile["revocationList"]?.stringValue else {
            return .passed(.status, "not revoked: the issuer publishes no revocation list and the assertion is not marked revoked")
        }
        switch await documents.raw(url, accept: Self.accept) {
        case .failure(let failure):
            return .failed(.status, "the issuer's revocation list could not be fetched: \(failure.detail)", effect: .unverifiable)
        case .success(let fetched):
            guard case .success(let list) = DocumentLoader.parse(fetched.body, url: url) else {
                return .failed(.status, "the issuer's revocation list at \(url) is not JSON", effect: .unverifiable)
            }
            let ids = [assertion["id"]?.stringValue, assertion["uid"]?.stringValue].compactMap { $0 }
            for entry in list["revokedAssertions"]?.asList ?? [] {
                let entryID = entry.stringValue ?? entry["id"]?.stringValue ?? entry["uid"]?.stringValue
                if let entryID, ids.contains(entryID) {
                    let reason = entry["revocationReason"]?.stringValue.map { ": \($0)" } ?? ""
                    return .failed(.status, "revoked in the issuer's revocation list\(reason)", effect: .revoked)
                }
            }
            return .passed(.status, "not in the issuer's revocation list \(url)")
        }
    }
}
