import Credentials
import CryptoExtras
import Foundation
import StrictJSON
import Testing

@testable import Verification

/// Open Badges 2.0 hosted and signed assertions, with their badge classes, issuers, keys and revocation lists served in memory.
@Suite struct OpenBadges2Tests {
    let issuerID = "https://issuer.example/issuer"
    let badgeID = "https://issuer.example/badges/1"
    let assertionID = "https://issuer.example/assertions/1"
    let keyID = "https://issuer.example/keys/1"
    let revocationURL = "https://issuer.example/revocations"

    private func assertion(id: String? = nil, verification: JSONObject, expires: String? = nil) -> JSONObject {
        var assertion: JSONObject = [
            "@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": .string(id ?? assertionID),
            "recipient": ["type": "email", "hashed": false, "identity": "learner@example.com"], "badge": .string(badgeID),
            "verification": .object(verification), "issuedOn": "2025-03-01T00:00:00Z",
        ]
        if let expires { assertion["expires"] = .string(expires) }
        return assertion
    }

    private func fetcher(issuer extra: JSONObject = [:]) -> MutableFetcher {
        let fetcher = MutableFetcher()
        fetcher.set(badgeID, json: JSONValue.object(["id": .string(badgeID), "type": "BadgeClass", "issuer": .string(issuerID)]).serialized())
        var issuer: JSONObject = ["id": .string(issuerID), "type": "Issuer", "name": "Issuer"]
        for (name, value) in extra { issuer[name] = value }
        fetcher.set(issuerID, json: JSONValue.object(issuer).serialized())
        return fetcher
    }

    @Test func hostedAssertionMatchingItsURLVerifies() async throws {
        let hosted = assertion(verification: ["type": "hosted"])
        let fetcher = fetcher()
        fetcher.set(assertionID, json: JSONValue.object(hosted).serialized())
        let report = await TestVerifier.make(fetcher: fetcher).verify(.ob2Hosted(assertion: .object(hosted)))
        #expect(report.outcome == .verified, "\(TestVerifier.summary(report)) \(report.details)")
        #expect(report.proofType == "OB 2.0 hosted")
    }

    @Test func goneOrMarkedRevokedMeansRevoked() async throws {
        let hosted = assertion(verification: ["type": "hosted"])
        let fetcher = fetcher()
        fetcher.set(assertionID, json: "{}", status: 410)
        #expect(await TestVerifier.make(fetcher: fetcher).verify(.ob2Hosted(assertion: .object(hosted))).outcome == .revoked)
        var revoked = hosted
        revoked["revoked"] = true
        revoked["revocationReason"] = "Cheating"
        fetcher.set(assertionID, json: JSONValue.object(revoked).serialized())
        let report = await TestVerifier.make(fetcher: fetcher).verify(.ob2Hosted(assertion: .object(hosted)))
        #expect(report.outcome == .revoked)
        #expect(report.details.contains("Cheating"))
    }

    @Test func hostedAssertionInTheIssuersRevocationListIsRevoked() async throws {
        let hosted = assertion(verification: ["type": "hosted"])
        let fetcher = fetcher(issuer: ["revocationList": .string(revocationURL)])
        fetcher.set(assertionID, json: JSONValue.object(hosted).serialized())
        fetcher.set(revocationURL, json: JSONValue.object(["revokedAssertions": [.string(assertionID)]]).serialized())
        let report = await TestVerifier.make(fetcher: fetcher).verify(.ob2Hosted(assertion: .object(hosted)))
        #expect(report.outcome == .revoked)
        #expect(report.issuerID == issuerID)
    }

    @Test func hostedCopyThatDiffersFails() async throws {
        let presented = assertion(verification: ["type": "hosted"])
        var hosted = presented
        hosted["badge"] = "https://issuer.example/badges/2"
        let fetcher = fetcher()
        fetcher.set(assertionID, json: JSONValue.object(hosted).serialized())
        let report = await TestVerifier.make(fetcher: fetcher).verify(.ob2Hosted(assertion: .object(presented)))
        #expect(report.outcome == .failed)
        #expect(report.check(.hostedAssertion)?.detail.contains("differs") == true)
    }

    @Test func unreachableHostedAssertionIsUnverifiable() async throws {
        let report = await TestVerifier.make(fetcher: fetcher()).verify(.ob2Hosted(assertion: .object(assertion(verification: ["type": "hosted"]))))
        #expect(report.outcome == .unverifiable)
    }

    @Test func assertionHostedOutsideTheIssuersDomainFails() async throws {
        let foreignID = "https://elsewhere.example/a/1"
        let hosted = assertion(id: foreignID, verification: ["type": "hosted"])
        let plain = fetcher()
        plain.set(foreignID, json: JSONValue.object(hosted).serialized())
        let report = await TestVerifier.make(fetcher: plain).verify(.ob2Hosted(assertion: .object(hosted)))
        #expect(report.outcome == .failed)
        #expect(report.check(.keyBinding)?.detail.contains("outside the domains") == true)

        let allowing = fetcher(issuer: ["verification": ["allowedOrigins": ["elsewhere.example"]]])
        allowing.set(foreignID, json: JSONValue.object(hosted).serialized())
        #expect(await TestVerifier.make(fetcher: allowing).verify(.ob2Hosted(assertion: .object(hosted))).outcome == .verified)
    }

    private func signedSetup(owner: String? = nil, revoked: [JSONValue] = [], key: TestKey? = nil) throws -> (MutableFetcher, TestKey) {
        let key = try key ?? TestKey.rsa()
        guard case .rsa(let privateKey) = key else { throw Fixtures.FixtureError.notAnObject("rsa") }
        let fetcher = fetcher(issuer: ["publicKey": .string(keyID), "revocationList": .string(revocationURL)])
        let document: JSONObject = [
            "@context": "https://w3id.org/openbadges/v2", "id": .string(keyID), "type": "CryptographicKey", "owner": .string(owner ?? issuerID),
            "publicKeyPem": .string(privateKey.publicKey.pemRepresentation),
        ]
        fetcher.set(keyID, json: JSONValue.object(document).serialized())
        fetcher.set(
            revocationURL,
            json: JSONValue.object(["id": .string(revocationURL), "type": "RevocationList", "revokedAssertions": .array(revoked)]).serialized()
        )
        return (fetcher, key)
    }

    private func signed(_ assertion: JSONObject, key: TestKey) throws -> SecuredCredential {
        let compact = try TestSigner.jws(assertion, header: ["alg": "RS256"], key: key)
        return .ob2Signed(compact: compact, header: ["alg": "RS256"], assertion: .object(assertion))
    }

    @Test func signedAssertionVerifies() async throws {
        let (fetcher, key) = try signedSetup()
        let report = await TestVerifier.make(fetcher: fetcher).verify(
            try signed(assertion(verification: ["type": "signed", "creator": .string(keyID)]), key: key)
        )
        #expect(report.outcome == .verified, "\(TestVerifier.summary(report)) \(report.details)")
        #expect(report.issuerID == issuerID)
        #expect(report.keyID == keyID)
    }

    /// OB 2.0 issuers signed with RSA-1024 (the Open University's badges, for one): verified, with a warning on the key.
    /// Shorter keys are refused.
    @Test func legacyRSAKeysOfOpenBadges2VerifyWithAWarning() async throws {
        let legacy = try _RSA.Signing.PrivateKey(unsafeKeySize: _RSA.Signing.KeySize(bitCount: 1_024))
        let (fetcher, key) = try signedSetup(key: .rsa(legacy))
        let original = assertion(verification: ["type": "signed", "creator": .string(keyID)])
        let report = await TestVerifier.make(fetcher: fetcher).verify(try signed(original, key: key))
        #expect(report.outcome == .verified, "\(TestVerifier.summary(report)) \(report.details)")
        #expect(report.outcomes(.key) == [.warning] && report.check(.key)?.detail.contains("RSA-1024") == true)

        // The weaker key is no licence to alter the assertion.
        var parts = try TestSigner.jws(original, header: ["alg": "RS256"], key: key).split(separator: ".").map(String.init)
        var altered = original
        altered["issuedOn"] = "2024-03-01T00:00:00Z"
        parts[1] = Base64.urlEncoded(JSONValue.object(altered).serializedBytes())
        let forged = SecuredCredential.ob2Signed(compact: parts.joined(separator: "."), header: ["alg": "RS256"], assertion: .object(altered))
        #expect(await TestVerifier.make(fetcher: fetcher).verify(forged).outcome == .failed)

        // A 512-bit public key (no library here will generate one): refused before any signature is checked.
        let tooShort = """
            -----BEGIN PUBLIC KEY-----
            MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAK3KJxCoqK3/Fd49npmeCWnCa2w4T7Td
            lvvENfYbefrJ/iO1QXOefx4xm04cwrN/rEQYKfY/s+ljFxi62/fkrKMCAwEAAQ==
            -----END PUBLIC KEY-----
            """
        let document: JSONObject = [
            "@context": "https://w3id.org/openbadges/v2", "id": .string(keyID), "type": "CryptographicKey", "owner": .string(issuerID),
            "publicKeyPem": .string(tooShort),
        ]
        fetcher.set(keyID, json: JSONValue.object(document).serialized())
        let refused = await TestVerifier.make(fetcher: fetcher).verify(try signed(original, key: key))
        #expect(refused.outcome == .failed && refused.check(.key)?.detail.contains("not an RSA (1,024 bits or more)") == true)
    }

    @Test func signedAssertionInTheRevocationListIsRevoked() async throws {
        let (fetcher, key) = try signedSetup(revoked: [["id": .string(assertionID), "revocationReason": "Withdrawn"]])
        let report = await TestVerifier.make(fetcher: fetcher).verify(
            try signed(assertion(verification: ["type": "signed", "creator": .string(keyID)]), key: key)
        )
        #expect(report.outcome == .revoked)
        #expect(report.details.contains("Withdrawn"))
    }

    @Test func keyOwnedBySomeoneElseFails() async throws {
        let (fetcher, key) = try signedSetup(owner: "https://someone.example/issuer")
        let issuerWithoutKey = JSONValue.object(["id": .string(issuerID), "type": "Issuer"]).serialized()
        fetcher.set(issuerID, json: issuerWithoutKey)
        let report = await TestVerifier.make(fetcher: fetcher).verify(
            try signed(assertion(verification: ["type": "signed", "creator": .string(keyID)]), key: key)
        )
        #expect(report.outcome == .failed)
        #expect(report.check(.keyBinding)?.detail.contains("is not one the issuer") == true)
    }

    /// A key document on another domain that names the issuer as its owner proves nothing unless the issuer lists it.
    @Test func foreignKeyClaimingTheIssuerFails() async throws {
        let (fetcher, key) = try signedSetup()
        let foreignKey = "https://attacker.example/key"
        guard case .rsa(let privateKey) = key else { return }
        let document: JSONObject = [
            "id": .string(foreignKey), "type": "CryptographicKey", "owner": .string(issuerID),
            "publicKeyPem": .string(privateKey.publicKey.pemRepresentation),
        ]
        fetcher.set(foreignKey, json: JSONValue.object(document).serialized())
        let report = await TestVerifier.make(fetcher: fetcher).verify(
            try signed(assertion(verification: ["type": "signed", "creator": .string(foreignKey)]), key: key))
        #expect(report.outcome == .failed)
        #expect(report.outcomes(.signature) == [.passed])
        #expect(report.outcomes(.keyBinding) == [.failed])
    }

    @Test func alteredSignedAssertionFails() async throws {
        let (fetcher, key) = try signedSetup()
        let original = assertion(verification: ["type": "signed", "creator": .string(keyID)])
        let compact = try TestSigner.jws(original, header: ["alg": "RS256"], key: key)
        var parts = compact.split(separator: ".").map(String.init)
        var altered = original
        altered["issuedOn"] = "2024-03-01T00:00:00Z"
        parts[1] = Base64.urlEncoded(JSONValue.object(altered).serializedBytes())
        let forged = SecuredCredential.ob2Signed(compact: parts.joined(separator: "."), header: ["alg": "RS256"], assertion: .object(altered))
        let report = await TestVerifier.make(fetcher: fetcher).verify(forged)
        #expect(report.outcome == .failed)
        #expect(report.outcomes(.signature) == [.failed])
    }

    @Test func expiredSignedAssertion() async throws {
        let (fetcher, key) = try signedSetup()
        let expiring = assertion(verification: ["type": "signed", "creator": .string(keyID)], expires: "2026-06-01T00:00:00Z")
        let report = await TestVerifier.make(fetcher: fetcher).verify(try signed(expiring, key: key))
        #expect(report.outcome == .expired)
    }
}
