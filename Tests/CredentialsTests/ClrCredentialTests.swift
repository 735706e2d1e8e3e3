import Credentials
import StrictJSON
import Testing

@Suite struct ClrCredentialTests {
    let parser = CredentialParser()
    let clr20 = "signed/1edtech-validator/clr20/"

    @Test func eachMemberBecomesItsOwnCredential() async throws {
        let parsed = try await Fixtures.parse(clr20 + "complex.json")
        #expect(
            parsed.map(\.badge.achievement.name) == [
                "Nurse Assistant 1 Program with Licensure", "Health Careers 1", "Human Anatomy and Physiology", "Intro to Health Careers",
                "Nurse Assisting 1", "Oregon State Board of Nursing - Certified Nursing Assistant",
            ]
        )
        #expect(parsed.map(\.badge.achievement.achievementType) == ["Diploma", "Course", "Course", "Course", "Course", "Badge"])
        #expect(parsed.map { $0.clr?.position } == [0, 1, 2, 3, 4, 5])
        #expect(parsed.allSatisfy { $0.clr?.clrId == "http://example.edu/credentials/3732" && $0.clr?.clrName == "Ellis Monday" })
        #expect(parsed.allSatisfy { $0.clr?.clrIssuerId == "urn:uuid:4ca4a241-fc3b-4d92-978e-f56fa96ae795" })
        #expect(parsed.allSatisfy { $0.badge.dataModel == .v1_1 && $0.format == .openBadges3JSON })
        // Members share the received CLR but each has its own document and hash.
        #expect(Set(parsed.map(\.receivedSHA256)).count == 1)
        #expect(Set(parsed.map(\.documentSHA256)).count == 6)
        let member = try #require(parsed.first)
        guard case .embedded(let document) = member.secured else {
            Issue.record("expected an embedded-proof member")
            return
        }
        #expect(try JSONParser.parse(member.document) == document)
        #expect(document["id"]?.stringValue == member.badge.id)
        guard case .embedded(let clr) = member.clr?.secured else {
            Issue.record("expected the CLR's own secured form")
            return
        }
        #expect(clr["type"] == ["VerifiableCredential", "ClrCredential"])
        // A letter grade without allowed values has no scale to place it on.
        #expect(parsed[1].badge.results.map(\.value) == ["A"])
        #expect(parsed[1].badge.results.first?.proficiency == nil)
    }

    @Test func jwtCLRWithJWTMember() async throws {
        let parsed = try await Fixtures.single(clr20 + "simple.jwt")
        #expect(parsed.format == .openBadges3JWT)
        #expect(parsed.badge.id == "urn:uuid:91537dba-56cb-11ec-bf63-0242ac130002")
        #expect(parsed.badge.achievement.creator?.id == "https://example.edu/issuers/565049")
        #expect(parsed.clr?.clrId == "http://example.edu/credentials/3732")
        guard case .jwt(_, _, let payload, _) = parsed.clr?.secured else {
            Issue.record("expected the CLR as a VC-JWT")
            return
        }
        #expect(payload["jti"] == "http://example.edu/credentials/3732")
        #expect(parsed.warnings.map(\.code) == [.legacyContext])
        #expect(parsed.warnings.first?.pointer == "/vc/credentialSubject/verifiableCredential/0/vc/@context")
    }

    @Test func oneBadMemberRejectsTheCLR() async throws {
        let good = TestDocuments.credential()
        let bad = TestDocuments.credential { $0["issuer"] = nil }
        let clr: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"],
            "id": "urn:uuid:clr", "type": ["VerifiableCredential", "ClrCredential"], "issuer": "https://issuer.example/profile",
            "validFrom": "2024-05-01T12:00:00Z",
            "credentialSubject": ["id": "did:example:earner", "type": ["ClrSubject"], "verifiableCredential": [good, bad, 42]],
        ]
        let rejection = try #require(await rejection { () async throws(CredentialRejection) in try await parser.parse(clr) })
        #expect(
            rejection.problems.map(\.pointer.description) == [
                "/credentialSubject/verifiableCredential/1/issuer", "/credentialSubject/verifiableCredential/2",
            ]
        )
        #expect(rejection.problems.map(\.code) == [.missingField, .wrongKind])
    }

    @Test func emptyCLRIsRejected() async throws {
        let clr: JSONValue = [
            "id": "urn:uuid:clr", "type": ["VerifiableCredential", "ClrCredential"],
            "credentialSubject": ["id": "did:example:earner", "verifiableCredential": []],
        ]
        let rejection = try #require(await rejection { () async throws(CredentialRejection) in try await parser.parse(clr) })
        #expect(rejection.problems.map(\.code) == [.emptyCLR])
    }

    @Test func memberCountIsLimited() async throws {
        var limits = ParseLimits()
        limits.maxCredentials = 2
        let members = JSONValue.array(Array(repeating: TestDocuments.credential(), count: 3))
        let clr: JSONValue = ["id": "urn:uuid:clr", "type": ["ClrCredential"], "credentialSubject": ["verifiableCredential": members]]
        let limited = CredentialParser(options: ParseOptions(limits: limits))
        let rejection = try #require(await rejection { () async throws(CredentialRejection) in try await limited.parse(clr) })
        #expect(rejection.problems.map(\.code) == [.tooManyCredentials])
    }
}
