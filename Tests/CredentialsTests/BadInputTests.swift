import Credentials
import StrictJSON
import Testing

@Suite struct BadInputTests {
    let parser = CredentialParser()

    func problems(_ body: [UInt8], mediaType: String? = "application/json", parser: CredentialParser? = nil) async -> [CredentialProblem] {
        let chosen = parser ?? self.parser
        return await rejection { () async throws(CredentialRejection) in try await chosen.parse(body, mediaType: mediaType) }?.problems ?? []
    }

    @Test func emptyAndOversizedBodies() async {
        #expect(await problems([]).map(\.code) == [.emptyBody])
        var limits = ParseLimits()
        limits.maxBodyBytes = 100
        let small = CredentialParser(options: ParseOptions(limits: limits))
        #expect(await problems(TestDocuments.credential().serializedBytes(), parser: small).map(\.code) == [.bodyTooLarge])
    }

    @Test func jsonLayerProblemsCarryPointers() async {
        let duplicate = Array(#"{"id": "urn:a", "credentialSubject": {"id": "x", "id": "y"}}"#.utf8)
        let duplicateProblems = await problems(duplicate)
        #expect(duplicateProblems.map(\.code) == [.duplicateKey])
        #expect(duplicateProblems.first?.pointer == "/credentialSubject/id")

        let notUTF8: [UInt8] = Array(#"{"name": ""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        #expect(await problems(notUTF8).map(\.code) == [.invalidUTF8])

        let deep = Array((String(repeating: "[", count: 40) + String(repeating: "]", count: 40)).utf8)
        #expect(await problems(deep).map(\.code) == [.nestingTooDeep])

        let truncated = Array(TestDocuments.credential().serializedBytes().dropLast(5))
        #expect(await problems(truncated).map(\.code) == [.invalidJSON])
    }

    @Test func stringAndArrayLimits() async {
        var limits = ParseLimits()
        limits.json.maxStringBytes = 64
        limits.json.maxArrayCount = 3
        let strict = CredentialParser(options: ParseOptions(limits: limits))
        let longName = TestDocuments.credential { $0["name"] = .string(String(repeating: "x", count: 100)) }
        let longNameProblems = await problems(longName.serializedBytes(), parser: strict)
        #expect(longNameProblems.map(\.code) == [.stringTooLong])
        #expect(longNameProblems.first?.pointer == "/name")
        let manyTags = TestDocuments.credential { TestDocuments.editAchievement(&$0) { $0["tag"] = ["a", "b", "c", "d"] } }
        let manyTagsProblems = await problems(manyTags.serializedBytes(), parser: strict)
        #expect(manyTagsProblems.map(\.code) == [.arrayTooLong])
        #expect(manyTagsProblems.first?.pointer == "/credentialSubject/achievement/tag")
    }

    @Test func everyMissingRequiredFieldIsReported() async {
        let credential = TestDocuments.credential {
            $0["id"] = nil
            $0["issuer"] = nil
            $0["validFrom"] = nil
            TestDocuments.editSubject(&$0) { $0["id"] = nil }
            TestDocuments.editAchievement(&$0) {
                $0["id"] = nil
                $0["name"] = nil
            }
        }
        let found = await problems(credential.serializedBytes())
        // A missing credential id or earner identity costs a warning, not the badge (see `toleratesWhatRealIssuersLeaveOut`).
        #expect(found.map(\.pointer.description) == ["/issuer", "/validFrom", "/credentialSubject/achievement/id", "/credentialSubject/achievement/name"])
        #expect(found.map(\.code) == [.missingField, .missingField, .missingField, .missingField])
    }

    @Test func wrongKindsAndIdentifiers() async throws {
        let credential = TestDocuments.credential {
            $0["id"] = "not a uri"
            $0["issuer"] = 42
            $0["name"] = ["first": true]
            TestDocuments.editSubject(&$0) { $0["achievement"] = "https://issuer.example/achievements/1" }
        }
        let rejection = try #require(await rejection { () async throws(CredentialRejection) in try await parser.parse(credential) })
        #expect(rejection.problems.map(\.code) == [.wrongKind, .wrongKind])
        #expect(rejection.problems.map(\.pointer.description) == ["/issuer", "/credentialSubject/achievement"])
        // A credential id that is not a URI, and a display field of the wrong kind, cost only a warning.
        #expect(rejection.warnings.map(\.pointer.description) == ["/id", "/name"])
    }

    /// Real issuers leave out the credential id (VCDM allows it), give the subject only a name, or use bare UUIDs for
    /// ids. Those badges still verify and are stored, with warnings saying what is missing.
    @Test func toleratesWhatRealIssuersLeaveOut() async throws {
        func credential(achievementName: String = "Example Achievement") -> JSONValue {
            TestDocuments.credential {
                $0["id"] = nil
                TestDocuments.editSubject(&$0) {
                    $0["id"] = nil
                    $0["name"] = "Sam Example"
                }
                TestDocuments.editAchievement(&$0) {
                    $0["id"] = "c79e5f4a-0b7e-4a52-9a57-4b9c3b8f7d10"
                    $0["name"] = .string(achievementName)
                }
            }
        }
        let parsed = try #require(try await parser.parse(credential()).first)
        let id = parsed.badge.id
        #expect(id.hasPrefix("urn:sha256:") && id.count == "urn:sha256:".count + 64)
        #expect(parsed.badge.earner.id == nil && parsed.badge.earner.identifiers.isEmpty)
        #expect(parsed.badge.achievement.id == "c79e5f4a-0b7e-4a52-9a57-4b9c3b8f7d10")
        #expect(
            Set(parsed.warnings.filter { [.missingRecommendedField, .noEarnerIdentity, .identifierNotURI].contains($0.code) }.map(\.pointer.description))
                == ["/id", "/credentialSubject", "/credentialSubject/achievement/id"]
        )
        // The id comes from the content: the same credential again gets the same id, a different one another.
        #expect(try await parser.parse(credential().serializedBytes(sortedKeys: true)).first?.badge.id == id)
        #expect(try await parser.parse(credential(achievementName: "Another Achievement")).first?.badge.id != id)
    }

    @Test func contextIsChecked() async {
        let noOpenBadges = TestDocuments.credential { $0["@context"] = ["https://www.w3.org/ns/credentials/v2"] }
        #expect(await problems(noOpenBadges.serializedBytes()).map(\.code) == [.missingContext])
        let onlyExtensions = TestDocuments.credential {
            $0["@context"] = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"]
        }
        #expect(await problems(onlyExtensions.serializedBytes()).map(\.code) == [.missingContext])
        let noContext = TestDocuments.credential { $0["@context"] = nil }
        #expect(await problems(noContext.serializedBytes()).map(\.code) == [.missingContext])
    }

    @Test func toleratedShapesBecomeWarnings() async throws {
        let credential = TestDocuments.credential {
            $0["issuer"] = "https://issuer.example/profile"
            $0["proof"] = ["type": "DataIntegrityProof"]
            $0["image"] = "https://issuer.example/badge.png"
            TestDocuments.editAchievement(&$0) {
                $0["achievementType"] = "Program"
                $0["tags"] = ["legacy"]
                $0["name"] = ["@value": "Example Achievement", "@language": "en"]
            }
        }
        let parsed = try #require(try await parser.parse(credential).first)
        #expect(parsed.badge.issuer == Profile(id: "https://issuer.example/profile", isEmbedded: false))
        #expect(parsed.badge.achievement.achievementType == "Program")
        #expect(parsed.badge.achievement.tags == ["legacy"])
        #expect(parsed.badge.achievement.name == "Example Achievement")
        #expect(parsed.badge.image?.id == "https://issuer.example/badge.png")
        #expect(
            Set(parsed.warnings.map(\.code)) == [
                .profileByReference, .singleValueForList, .imageByReference, .achievementTypeOutsideEnum, .obsoleteTermName, .languageValue,
            ]
        )
        #expect(parsed.warnings.first { $0.code == .achievementTypeOutsideEnum }?.pointer == "/credentialSubject/achievement/achievementType")
    }

    @Test func notEarnedBadges() async {
        let endorsement = TestDocuments.credential { $0["type"] = ["VerifiableCredential", "EndorsementCredential"] }
        #expect(await problems(endorsement.serializedBytes()).map(\.code) == [.endorsementCredential])
        let presentation: JSONValue = ["type": "VerifiablePresentation", "verifiableCredential": [TestDocuments.credential()]]
        #expect(await problems(presentation.serializedBytes()).map(\.code) == [.notAnEarnedBadge])
        #expect(await problems(Array("[1, 2]".utf8)).map(\.code) == [.notAnObject])
        #expect(await problems(Array("hello".utf8), mediaType: nil).map(\.code) == [.unrecognisedFormat])
    }

    @Test func mediaTypes() async throws {
        let body = TestDocuments.credential().serializedBytes()
        for mediaType in ["application/ld+json; charset=utf-8", "application/vc+ld+json", "text/plain", "application/octet-stream", nil] {
            let parsed = try #require(try await parser.parse(body, mediaType: mediaType).first)
            #expect(parsed.warnings == [], "\(mediaType ?? "none")")
        }
        let mislabelled = try #require(try await parser.parse(body, mediaType: "application/jwt").first)
        #expect(mislabelled.warnings.map(\.code) == [.mediaTypeMismatch])
        #expect(await problems(body, mediaType: "image/jpeg").map(\.code) == [.unsupportedMediaType])
    }

    @Test func findingsAreCapped() async throws {
        var limits = ParseLimits()
        limits.maxFindings = 3
        let capped = CredentialParser(options: ParseOptions(limits: limits))
        let evidence = JSONValue.array((0..<10).map { _ in ["type": "NotEvidence"] })
        let credential = TestDocuments.credential { $0["evidence"] = evidence }
        let rejection = try #require(await rejection { () async throws(CredentialRejection) in try await capped.parse(credential) })
        #expect(rejection.problems.count == 3)
        #expect(rejection.omittedProblemCount == 7)
    }
}
