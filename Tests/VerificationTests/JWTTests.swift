import Credentials
import Foundation
import StrictJSON
import Testing

@testable import Verification

/// VC-JWT: fresh tokens for every algorithm and key form, the header and claim rules of both rule sets.
@Suite struct JWTTests {
    private func payload(issuer: String) -> JSONObject {
        var credential = TestSigner.credential(issuer: issuer)
        credential["iss"] = .string(issuer)
        credential["jti"] = credential["id"]
        credential["sub"] = "did:example:learner"
        credential["nbf"] = 1_735_689_600  // 2025-01-01T00:00:00Z, equal to validFrom
        return credential
    }

    static let keys: [@Sendable () throws -> TestKey] = [TestKey.ed25519, TestKey.p256, TestKey.p384, TestKey.p521, TestKey.rsa]

    @Test(arguments: 0..<keys.count)
    func didJWKTokenVerifies(index: Int) async throws {
        let key = try Self.keys[index]()
        let token = try TestSigner.jws(payload(issuer: key.didJWK), header: ["kid": .string(key.didJWK + "#0"), "typ": "vc+jwt"], key: key)
        let report = await TestVerifier.make().verify(try .jwt(token))
        #expect(report.outcome == .verified, "\(key.joseAlgorithm): \(TestVerifier.summary(report)) \(report.details)")
        #expect(report.proofType == "VC-JWT \(key.joseAlgorithm)")
    }

    @Test func rsaPSSAndEdDSAWithDidKey() async throws {
        let rsa = try TestKey.rsa()
        let pss = try TestSigner.jws(payload(issuer: rsa.didJWK), header: ["kid": .string(rsa.didJWK + "#0")], key: rsa, pss: true)
        #expect(await TestVerifier.make().verify(try .jwt(pss)).outcome == .verified)
        let ed = TestKey.ed25519()
        let token = try TestSigner.jws(payload(issuer: ed.didKey), header: ["kid": .string(ed.didKeyMethod), "typ": "JWT"], key: ed)
        let report = await TestVerifier.make().verify(try .jwt(token))
        #expect(report.outcome == .verified, "\(TestVerifier.summary(report))")
        #expect(report.outcomes(.jwtClaims) == [.passed])
    }

    @Test func relativeKidIsLookedUpInTheIssuersDocument() async throws {
        let key = TestKey.p256()
        let issuer = "https://issuer.example/vc"
        var method = key.verificationMethod(id: issuer + "#key-1", controller: issuer)
        method["type"] = "JsonWebKey"
        method["publicKeyMultibase"] = nil
        var jwk = key.publicJWK
        jwk["kid"] = "thumb-1"
        method["publicKeyJwk"] = .object(jwk)
        let fetcher = MutableFetcher()
        fetcher.set(issuer, json: JSONValue.object(["id": .string(issuer), "verificationMethod": [.object(method)]]).serialized())
        for kid in ["thumb-1", "key-1", "#key-1", issuer + "#key-1"] {
            let token = try TestSigner.jws(payload(issuer: issuer), header: ["kid": .string(kid), "typ": "vc+jwt", "cty": "vc"], key: key)
            let report = await TestVerifier.make(fetcher: fetcher).verify(try .jwt(token))
            #expect(report.outcome == .verified, "kid \(kid): \(TestVerifier.summary(report)) \(report.details)")
        }
    }

    @Test func embeddedJWKIsAcceptedWithAWarningUnlessTheIssuerListsIt() async throws {
        let key = try TestKey.rsa()
        let issuer = "https://issuer.example/profile"
        let token = try TestSigner.jws(payload(issuer: issuer), header: ["jwk": .object(key.publicJWK)], key: key)
        let report = await TestVerifier.make().verify(try .jwt(token))
        #expect(report.outcome == .verified)
        #expect(report.outcomes(.keyBinding) == [.warning])

        let fetcher = MutableFetcher()
        fetcher.set(
            issuer,
            json: JSONValue.object([
                "id": .string(issuer), "verificationMethod": [.object(key.verificationMethod(id: issuer + "#k", controller: issuer))],
            ]).serialized()
        )
        let confirmed = await TestVerifier.make(fetcher: fetcher).verify(try .jwt(token))
        #expect(confirmed.outcomes(.keyBinding) == [.passed])
    }

    @Test func jwkWithPrivateKeyIsRejected() async throws {
        let key = TestKey.ed25519()
        var jwk = key.publicJWK
        jwk["d"] = "c2VjcmV0"
        let token = try TestSigner.jws(payload(issuer: key.didKey), header: ["jwk": .object(jwk)], key: key)
        let report = await TestVerifier.make().verify(try .jwt(token))
        #expect(report.outcome == .failed)
        #expect(report.check(.key)?.detail.contains("private key") == true)
    }

    static let badHeaders: [(JSONObject, String)] = [
        (["alg": "none"], "not accepted"),
        (["alg": "HS256"], "not accepted"),
        (["typ": "bad+typ", "cty": "bad+cty"], "media type"),
        (["typ": "vc+jwt", "cty": "bad+cty"], "content type"),
        (["typ": "vc+jwt", "crit": ["exp"]], "critical"),
    ]

    @Test(arguments: 0..<badHeaders.count)
    func headerRules(index: Int) async throws {
        let (header, reason) = Self.badHeaders[index]
        let key = TestKey.ed25519()
        var full = header
        full["kid"] = .string(key.didKeyMethod)
        let token = try TestSigner.jws(payload(issuer: key.didKey), header: full, key: key)
        let report = await TestVerifier.make().verify(try .jwt(token))
        #expect(report.outcome == .failed)
        #expect(report.check(.joseHeader)?.detail.contains(reason) == true, "\(report.details)")
    }

    @Test func vcClaimIsForbiddenInVCJOSECOSETokens() async throws {
        let key = TestKey.ed25519()
        var body = payload(issuer: key.didKey)
        body["vc"] = "oops"
        let token = try TestSigner.jws(body, header: ["kid": .string(key.didKeyMethod), "typ": "vc+jwt"], key: key)
        let report = await TestVerifier.make().verify(try .jwt(token))
        #expect(report.outcome == .failed)
        #expect(report.check(.jwtClaims)?.detail.contains("vc/vp claims") == true)
    }

    @Test func vcClaimFormTakesIssuerAndDatesFromClaims() async throws {
        let key = TestKey.ed25519()
        var vc = TestSigner.credential(issuer: key.didKey)
        vc["@context"] = ["https://www.w3.org/2018/credentials/v1"]
        vc["issuer"] = nil
        vc["validFrom"] = nil
        let claims: JSONObject = [
            "vc": .object(vc), "iss": .string(key.didKey), "sub": "did:example:learner", "nbf": 1_735_689_600, "exp": 1_790_000_000,
        ]
        let token = try TestSigner.jws(claims, header: ["kid": .string(key.didKeyMethod), "typ": "JWT"], key: key)
        let report = await TestVerifier.make().verify(try .jwt(token))
        // exp 2026-09-21 is before "now" (2026-11-29).
        #expect(report.outcome == .expired, "\(TestVerifier.summary(report)) \(report.details)")
        #expect(report.issuerID == key.didKey)
        #expect(report.outcomes(.signature) == [.passed])
    }

    /// OB 3.0 wants `sub` on its own credentials; a status list secured as a JWT is not one of them.
    @Test func subClaimIsAskedOfOpenBadgesCredentialsOnly() async throws {
        let key = TestKey.ed25519()
        var badge = payload(issuer: key.didKey)
        badge["sub"] = nil
        let badgeToken = try TestSigner.jws(badge, header: ["kid": .string(key.didKeyMethod), "typ": "JWT"], key: key)
        let badgeReport = await TestVerifier.make().verify(try .jwt(badgeToken))
        #expect(badgeReport.outcomes(.jwtClaims) == [.warning] && badgeReport.check(.jwtClaims)?.detail.contains("no sub claim") == true)

        var list = badge
        list["type"] = ["VerifiableCredential", "BitstringStatusListCredential"]
        list["credentialSubject"] = [
            "id": "https://issuer.example/status/1#list", "type": "BitstringStatusList", "statusPurpose": "revocation", "encodedList": "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA",
        ]
        let listToken = try TestSigner.jws(list, header: ["kid": .string(key.didKeyMethod), "typ": "JWT"], key: key)
        let listReport = await TestVerifier.make().verify(try .jwt(listToken))
        #expect(listReport.check(.jwtClaims)?.detail.contains("no sub claim") == false, "\(listReport.details)")
    }

    @Test func issMustBeTheIssuer() async throws {
        let key = TestKey.ed25519()
        var body = payload(issuer: key.didKey)
        body["iss"] = "https://someone.else"
        let token = try TestSigner.jws(body, header: ["kid": .string(key.didKeyMethod)], key: key)
        let report = await TestVerifier.make().verify(try .jwt(token))
        #expect(report.outcome == .failed)
        #expect(report.check(.jwtClaims)?.detail.contains("iss https://someone.else") == true)
    }

    @Test func alteredPayloadFails() async throws {
        let key = TestKey.p256()
        let token = try TestSigner.jws(payload(issuer: key.didKey), header: ["kid": .string(key.didKeyMethod)], key: key)
        let parts = token.split(separator: ".").map(String.init)
        var body = payload(issuer: key.didKey)
        body["name"] = "Leadership Badge"
        let forged = parts[0] + "." + Base64.urlEncoded(JSONValue.object(body).serializedBytes()) + "." + parts[2]
        let report = await TestVerifier.make().verify(try .jwt(forged))
        #expect(report.outcome == .failed)
        #expect(report.outcomes(.signature) == [.failed])
    }

    @Test func tokenWithoutKeyReferenceIsUnverifiable() async throws {
        let key = TestKey.ed25519()
        let token = try TestSigner.jws(payload(issuer: key.didKey), header: ["typ": "JWT"], key: key)
        let report = await TestVerifier.make().verify(try .jwt(token))
        #expect(report.outcome == .unverifiable)
        #expect(report.check(.key)?.detail.contains("neither kid nor jwk") == true)
    }
}
