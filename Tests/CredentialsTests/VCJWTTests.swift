import Credentials
import StrictJSON
import Testing

@Suite struct VCJWTTests {
    let parser = CredentialParser()

    @Test func payloadIsTheCredential() async throws {
        let parsed = try await Fixtures.single("signed/1edtech-validator/ob30/extracted/simple-jwt_png.jwt")
        #expect(parsed.format == .openBadges3JWT)
        #expect(parsed.badge.id == "http://example.com/credentials/3527")
        #expect(parsed.badge.issuer.id == "https://1edtech.edu/issuers/565049")
        #expect(parsed.badge.issuer.url == "https://www.imsglobal.org")
        #expect(parsed.badge.earner.id == "did:example:ebfeb1f712ebc6f1c276e12ec21")
        #expect(parsed.badge.dataModel == .v2_0)
        #expect(parsed.badge.proofs == [ProofSummary(type: "JWS/RS256")])
        // The 1EdTech samples name the earner in aud, not sub: tolerated, with a warning.
        #expect(parsed.warnings.map(\.code) == [.subjectInAudience])
        #expect(parsed.warnings.first?.pointer == "/aud")
        guard case .jwt(let compact, let header, let payload, let credential) = parsed.secured else {
            Issue.record("expected a VC-JWT")
            return
        }
        #expect(Array(compact.utf8) == parsed.document)
        #expect(header["alg"] == "RS256")
        #expect(header["jwk"]?["kty"] == "RSA")
        #expect(payload["jti"] == "http://example.com/credentials/3527")
        #expect(credential == .object(payload))
    }

    @Test func olderFormCarriesTheCredentialInVC() async throws {
        let parsed = try await Fixtures.single("signed/1edtech-validator/ob30/extracted/simple-jwt_v1_png.jwt")
        #expect(parsed.badge.id == "http://example.edu/credentials/3732")
        #expect(parsed.badge.dataModel == .v1_1)
        #expect(parsed.badge.awarded.source == .issuanceDate)
        #expect(parsed.badge.issuer.name == "Example University")
        guard case .jwt(_, _, let payload, let credential) = parsed.secured else {
            Issue.record("expected a VC-JWT")
            return
        }
        #expect(credential == payload["vc"])
    }

    @Test func velocityCredentialReadsIssuanceDateAsValidity() async throws {
        let parsed = try await Fixtures.single("signed/1edtech-validator/ob30/velocity.jwt")
        #expect(parsed.badge.validFrom.text == "2025-10-15T00:44:21.142Z")
        #expect(parsed.badge.statusEntries.first?.type == "VelocityRevocationListJan2021")
        #expect(parsed.badge.proofs.first?.verificationMethod?.hasPrefix("did:velocity:v2:") == true)
        #expect(parsed.warnings.contains { $0.code == .mixedDataModelTerms && $0.pointer == "/vc/validFrom" })
    }

    @Test(arguments: [
        ("jti", JSONValue.string("urn:uuid:other"), "/jti"),
        ("iss", JSONValue.string("https://someone.else/profile"), "/iss"),
        ("sub", JSONValue.string("did:example:someone-else"), "/sub"),
        ("nbf", JSONValue(integerLiteral: 1_714_564_801), "/nbf"),
        ("exp", JSONValue(integerLiteral: 1_000), "/exp"),
    ])
    func contradictingClaimsAreProblems(claim: String, value: JSONValue, pointer: String) async throws {
        let jwt = TestDocuments.vcJWT { $0[claim] = value }
        let rejection = try #require(
            await rejection { () async throws(CredentialRejection) in try await parser.parse(jwt, mediaType: "application/jwt") }
        )
        #expect(rejection.problems.map(\.code) == [.claimMismatch])
        #expect(rejection.problems.first?.pointer.description == pointer)
    }

    @Test func agreeingClaimsRaiseNothing() async throws {
        let parsed = try await parser.parse(TestDocuments.vcJWT(), mediaType: "application/vc+jwt")
        #expect(parsed.first?.warnings == [])
        #expect(parsed.first?.badge.validFrom.text == "2024-05-01T12:00:00Z")
    }

    @Test func vcClaimFieldsMayLiveInClaims() async throws {
        let credential = TestDocuments.credential {
            $0["@context"] = ["https://www.w3.org/2018/credentials/v1", "https://purl.imsglobal.org/spec/ob/v3p0/context.json"]
            $0["id"] = nil
            $0["validFrom"] = nil
            $0["issuer"] = nil
            TestDocuments.editSubject(&$0) { $0["id"] = nil }
        }
        let payload: JSONValue = [
            "vc": credential, "jti": "urn:uuid:claims", "iss": "https://issuer.example/profile", "sub": "did:example:earner",
            "nbf": 1_714_564_800, "exp": 1_893_456_000,
        ]
        let parsed = try #require(try await parser.parse(TestDocuments.jwt(payload: payload), mediaType: nil).first)
        #expect(parsed.badge.id == "urn:uuid:claims")
        #expect(parsed.badge.issuer.id == "https://issuer.example/profile")
        #expect(parsed.badge.issuer.isEmbedded == false)
        #expect(parsed.badge.earner.id == "did:example:earner")
        #expect(parsed.badge.validFrom.text == "2024-05-01T12:00:00Z")
        #expect(parsed.badge.validUntil?.text == "2030-01-01T00:00:00Z")
        #expect(parsed.warnings.map(\.code) == [.profileByReference])
    }

    @Test func credentialPayloadMissingIdTakesJTIWithWarning() async throws {
        let credential = TestDocuments.credential { $0["id"] = nil }
        let jwt = TestDocuments.vcJWT(credential) { $0["jti"] = "urn:uuid:from-jti" }
        let parsed = try #require(try await parser.parse(jwt, mediaType: "application/jwt").first)
        #expect(parsed.badge.id == "urn:uuid:from-jti")
        #expect(parsed.warnings.map(\.code) == [.claimUsedForField])
    }

    @Test func vcAndVPClaimsBesideACredentialAreRejected() async throws {
        let jwt = TestDocuments.vcJWT { $0["vc"] = ["type": "VerifiableCredential"] }
        let rejection = try #require(
            await rejection { () async throws(CredentialRejection) in try await parser.parse(jwt, mediaType: "application/jwt") }
        )
        #expect(rejection.problems.map(\.code) == [.forbiddenClaim])
        #expect(rejection.problems.first?.pointer == "/vc")
    }

    @Test func joseMediaTypesMustMarkACredential() async throws {
        let jwt = TestDocuments.jwt(header: ["alg": "ES256", "typ": "bad+typ", "cty": "bad+cty"], payload: TestDocuments.credential())
        let rejection = try #require(
            await rejection { () async throws(CredentialRejection) in try await parser.parse(jwt, mediaType: "application/jwt") }
        )
        #expect(rejection.problems.map(\.code) == [.unexpectedJOSEType, .unexpectedJOSEType])
    }

    @Test(arguments: [
        ("a.b", ProblemCode.malformedJWS),
        ("eyJhbGciOiJSUzI1NiJ9.e30.c2ln.eA.eA", .malformedJWS),
        ("eyJ0eXAiOiJKV1QifQ.eyJ2YyI6e319.c2ln", .invalidJOSEHeader),
        ("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", .invalidJSON),
        ("eyJhbGciOiJSUzI1NiJ9.e30.c2ln", .noCredentialInJWT),
        ("eyJhbGciOiJSUzI1NiJ9.e30.c2+n", .malformedJWS),
    ])
    func malformedJWSIsRejected(text: String, code: ProblemCode) async throws {
        let rejection = try #require(
            await rejection { () async throws(CredentialRejection) in try await parser.parse(text, mediaType: "application/jwt") }
        )
        #expect(rejection.problems.first?.code == code)
    }

    @Test func wrappedJWSIsReadWithWarning() async throws {
        let jwt = TestDocuments.vcJWT()
        let wrapped = jwt.split(separator: ".").joined(separator: "\n.\n")
        let parsed = try #require(try await parser.parse(wrapped, mediaType: "text/plain").first)
        #expect(parsed.warnings.map(\.code) == [.whitespaceInJWS])
    }

    @Test func jwtInAJSONStringIsRead() async throws {
        let line = JSONValue.string(TestDocuments.vcJWT()).serialized()
        let parsed = try #require(try await parser.parse(line, mediaType: nil).first)
        #expect(parsed.format == .openBadges3JWT)
        #expect(parsed.document == Array(TestDocuments.vcJWT().utf8))
    }

    @Test func selectiveDisclosureJWTIsNamed() async throws {
        let text = try String(decoding: Fixtures.bytes("signed/w3c-vc-jose-cose/input/credential-sdjwt-selective.txt"), as: UTF8.self)
        let rejection = try #require(await rejection { () async throws(CredentialRejection) in try await parser.parse(text, mediaType: nil) })
        #expect(rejection.problems.first?.code == .unrecognisedFormat)
        #expect(rejection.problems.first?.message.contains("SD-JWT") == true)
    }
}
