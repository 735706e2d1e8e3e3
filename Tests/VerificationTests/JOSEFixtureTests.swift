import Credentials
import Foundation
import StrictJSON
import Testing
import Verification

/// The VC-JWT files in shared/data/openbadges/signed, with the answers signed/README.md gives.
@Suite struct JOSEFixtureTests {
    /// The W3C suite's issuer controller document, built from its published verification methods (public parts only).
    private func joseFetcher() throws -> MutableFetcher {
        var methods: [JSONValue] = []
        for name in ["vm-p256.json", "vm-p384.json", "vm-p521.json", "vm-ed25519.json"] {
            var method = try Fixtures.object("w3c-vc-jose-cose/input/" + name)
            method["secretKeyJwk"] = nil
            methods.append(.object(method))
        }
        let issuer = "https://example.issuer/vc-jose-cose"
        let fetcher = MutableFetcher()
        let document: JSONObject = [
            "@context": ["https://www.w3.org/ns/cid/v1"], "id": .string(issuer), "verificationMethod": .array(methods),
            "assertionMethod": .array(methods.compactMap { $0["id"] }), "authentication": .array(methods.compactMap { $0["id"] }),
        ]
        fetcher.set(issuer, json: JSONValue.object(document).serialized())
        return fetcher
    }

    private func verifyJOSE(_ name: String) async throws -> VerificationReport {
        let token = try Fixtures.text("w3c-vc-jose-cose/input/" + name)
        return await TestVerifier.make(fetcher: try joseFetcher()).verify(try .jwt(token))
    }

    @Test(arguments: ["credential-jose-minimal.txt", "credential-issuer-match-signed.txt", "credential-jose-unknown-extensions.txt"])
    func validW3CCredentials(name: String) async throws {
        let report = try await verifyJOSE(name)
        #expect(report.outcome == .verified, "\(name): \(TestVerifier.summary(report)) \(report.details)")
        #expect(report.outcomes(.keyBinding) == [.passed])
    }

    @Test func badSignatureFails() async throws {
        let report = try await verifyJOSE("credential-jose-bad-signature.txt")
        #expect(report.outcome == .failed)
        #expect(report.outcomes(.signature) == [.failed])
    }

    @Test func badMediaTypeIsRejected() async throws {
        let report = try await verifyJOSE("credential-jose-bad-media-type.txt")
        #expect(report.outcome == .failed)
        #expect(report.check(.joseHeader)?.detail.contains("bad+typ") == true)
    }

    @Test func vcAndVpClaimsAreRejected() async throws {
        let report = try await verifyJOSE("credential-jose-vc-vp-claims.txt")
        #expect(report.outcome == .failed)
        #expect(report.check(.jwtClaims)?.detail.contains("vc/vp claims") == true)
        #expect(report.outcomes(.signature) == [.passed])
    }

    /// README: VALID. The holder's ES384 signature and the enveloped VC-JWT verify; the two other enveloped credentials
    /// are SD-JWT and COSE, which this verifier does not check, so the presentation as a whole is `unverifiable`.
    @Test func presentationWithEnvelopedCredentials() async throws {
        let report = try await verifyJOSE("presentation-jose-multiple.txt")
        #expect(report.proofType == "VP-JWT ES384")
        #expect(report.outcomes(.signature) == [.passed, .passed], "\(TestVerifier.summary(report))")
        #expect(report.outcomes(.keyBinding) == [.passed, .passed])
        #expect(report.outcome == .unverifiable)
        #expect(report.details.contains("credential 2 of 3 is secured as application/vc+sd-jwt"))
        #expect(report.details.contains("credential 3 of 3 is secured as application/vc+cose"))
    }

    @Test(arguments: [("presentation-jose-bad-credential.txt", "not secured"), ("presentation-jose-bad-media-type.txt", "vp+jwt")])
    func badPresentationsAreRejected(name: String, reason: String) async throws {
        let report = try await verifyJOSE(name)
        #expect(report.outcome == .failed)
        #expect(report.details.contains(reason), "\(report.details)")
    }

    /// RS256 with an embedded `jwk`: the signature holds; the key is only the token's own claim (README: signature VALID).
    @Test(arguments: [
        "1edtech-validator/ob30/extracted/simple-jwt_png.jwt", "1edtech-validator/ob30/extracted/simple-jwt_svg.jwt",
        "1edtech-validator/ob30/extracted/simple-jwt_v1_png.jwt", "1edtech-validator/ob30/extracted/simple-jwt_v1_svg.jwt",
        "1edtech-validator/clr20/simple.jwt",
    ])
    func bakedJWTsVerifyWithAnUnconfirmedKey(path: String) async throws {
        let report = await TestVerifier.make().verify(try .jwt(try Fixtures.text(path)))
        #expect(report.outcome == .verified, "\(path): \(TestVerifier.summary(report)) \(report.details)")
        #expect(report.outcomes(.signature) == [.passed])
        #expect(report.outcomes(.keyBinding) == [.warning])
    }

    @Test func tokenWithoutKeyIsUnverifiable() async throws {
        let report = await TestVerifier.make().verify(try .jwt(try Fixtures.text("1edtech-validator/ob30/simple.jwt")))
        #expect(report.outcome == .unverifiable)
        #expect(report.check(.key)?.detail.contains("neither kid nor jwk") == true)
    }

    @Test func proprietaryDIDMethodIsUnverifiable() async throws {
        let report = await TestVerifier.make().verify(try .jwt(try Fixtures.text("1edtech-validator/ob30/velocity.jwt")))
        #expect(report.outcome == .unverifiable)
        #expect(report.check(.key)?.detail.contains("\"velocity\" of") == true)
    }

    @Test func tamperedBakedJWTFails() async throws {
        let token = try Fixtures.text("1edtech-validator/ob30/extracted/simple-jwt_png.jwt").trimmingCharacters(in: .whitespacesAndNewlines)
        var parts = token.split(separator: ".").map(String.init)
        var signature = Array(parts[2])
        signature[5] = signature[5] == "A" ? "B" : "A"
        parts[2] = String(signature)
        let report = await TestVerifier.make().verify(try .jwt(parts.joined(separator: ".")))
        #expect(report.outcome == .failed)
    }
}
