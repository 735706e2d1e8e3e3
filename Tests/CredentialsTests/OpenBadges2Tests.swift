import Credentials
import Foundation
import StrictJSON
import Testing

@Suite struct OpenBadges2Tests {
    let ob20 = "ob2/1edtech-validator-ob20/"

    @Test func hostedAssertionWithLinkedBadgeClassAndIssuer() async throws {
        let parsed = try await Fixtures.single(ob20 + "basic-assertion.json")
        let badge = parsed.badge
        #expect(parsed.format == .openBadges2Hosted)
        #expect(badge.specVersion == .v2)
        #expect(badge.dataModel == nil)
        #expect(badge.id == "https://example.org/beths-robotics-badge.json")
        #expect(badge.types == ["Assertion"])
        #expect(
            badge.earner
                == Earner(
                    id: nil,
                    identifiers: [
                        EarnerIdentifier(
                            identityType: "email",
                            identity: "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942",
                            hashed: true,
                            salt: "deadsea"
                        )
                    ]
                )
        )
        #expect(badge.earner.identifiers.first?.hashAlgorithm == "sha256")
        #expect(badge.validFrom.text == "2016-12-31T23:59:59Z")
        #expect(badge.awarded.source == .issuedOn)
        #expect(badge.validUntil == nil)
        #expect(badge.image?.id == "https://example.org/beths-robot-badge.png")
        #expect(badge.evidence == [Evidence(url: "https://example.org/beths-robot-work.html")])
        #expect(badge.achievement.id == "https://example.org/robotics-badge.json")
        #expect(badge.achievement.types == ["BadgeClass"])
        #expect(badge.achievement.name == "Awesome Robotics Badge")
        #expect(badge.achievement.criteria == Criteria(id: "https://example.org/badgecriteria.json", narrative: nil))
        #expect(badge.issuer.id == "https://example.org/organization.json")
        #expect(badge.issuer.name == "An Example Badge Issuer")
        #expect(badge.issuer.url == "https://example.org")
        #expect(badge.issuer.email == "contact@example.org")
        #expect(badge.issuer.publicKeys == ["http://example.org/key1.json"])
        #expect(badge.proofs == [])
        #expect(parsed.warnings == [])
        // The verifier gets the assertion exactly as received, not the assembled copy.
        #expect(parsed.secured == .ob2Hosted(assertion: try JSONParser.parse(Fixtures.bytes(ob20 + "basic-assertion.json"))))
    }

    @Test func signedAssertion() async throws {
        let parsed = try await Fixtures.single(ob20 + "simple.jwt")
        #expect(parsed.format == .openBadges2Signed)
        #expect(parsed.badge.proofs == [ProofSummary(type: "JWS/RS256", verificationMethod: "http://example.org/key1.json")])
        guard case .ob2Signed(let compact, let header, let assertion) = parsed.secured else {
            Issue.record("expected a signed OB 2.0 assertion")
            return
        }
        #expect(Array(compact.utf8) == (try Fixtures.bytes(ob20 + "simple.jwt")).filter { $0 > 0x20 })
        #expect(header["alg"] == "RS256")
        #expect(assertion["verification"]?["creator"] == "http://example.org/key1.json")
    }

    @Test func revocationListOfTheIssuerIsKept() async throws {
        let parsed = try await Fixtures.single(ob20 + "simple-revoked.jwt")
        #expect(parsed.badge.issuer.revocationList == "http://example.org/revocation-list.json")
    }

    @Test func embeddedBadgeClassAndIssuer() async throws {
        let parsed = try await Fixtures.single("ob2/spec-examples/spec-index-28-introduction.json")
        #expect(parsed.badge.achievement.name == "3-D Printmaster")
        #expect(parsed.badge.achievement.criteria?.narrative?.hasPrefix("Students are tested") == true)
        #expect(parsed.badge.issuer.name == "Example Maker Society")
        #expect(parsed.badge.earner.identifiers == [EarnerIdentifier(identityType: "email", identity: "alice@example.org", hashed: false, salt: nil)])
        #expect(parsed.warnings.map(\.code) == [.plaintextIdentifier])
    }

    @Test func languageAndRelatedBadgeClass() async throws {
        let parsed = try await Fixtures.single(ob20 + "basic-assertion-with-language.json")
        #expect(parsed.badge.achievement.name == "Insignia fantastica")
        #expect(parsed.badge.achievement.inLanguage == "es")
        #expect(parsed.badge.achievement.related == [RelatedAchievement(id: "https://example.org/robotics-badge.json", inLanguage: "en-US")])
    }

    @Test func endorsementsByReference() async throws {
        let parsed = try await Fixtures.single(ob20 + "assertion-with-endorsements.json")
        let endorsements = parsed.badge.endorsements
        #expect(endorsements.count == 4)
        #expect(
            endorsements.filter { $0.placement == .credential }.map(\.id) == [
                "https://example.org/endorsement-1.json", "https://example.org/endorsement-2.json",
            ]
        )
        #expect(endorsements.filter { $0.placement == .achievement }.count == 2)
        #expect(endorsements.allSatisfy { $0.form == .reference })
    }

    @Test func alignmentsAndTagsOfABadgeClass() async throws {
        var assertion = try #require(try JSONParser.parse(Fixtures.bytes(ob20 + "basic-assertion.json")).objectValue)
        assertion["badge"] = [
            "type": "BadgeClass", "id": "https://example.org/robotics-badge.json", "name": "Awesome Robotics Badge",
            "description": "For doing awesome things.", "criteria": "https://example.org/robotics-badge.html", "tags": ["robots", "awesome"],
            "issuer": "https://example.org/organization.json", "version": 2,
            "alignment": [
                [
                    "targetName": "CCSS.ELA-Literacy.RST.11-12.3", "targetUrl": "http://www.corestandards.org/ELA-Literacy/RST/11-12/3",
                    "targetDescription": "Follow precisely a complex multistep procedure.", "targetCode": "CCSS.ELA-Literacy.RST.11-12.3",
                ]
            ],
        ]
        assertion["expires"] = "2017-06-30T23:59:59Z"
        assertion["narrative"] = "Built a robot."
        let parsed = try #require(try await Fixtures.parser.parse(.object(assertion)).first)
        #expect(parsed.badge.achievement.tags == ["robots", "awesome"])
        #expect(parsed.badge.achievement.version == "2")
        #expect(
            parsed.badge.alignments == [
                PlacedAlignment(
                    Alignment(
                        targetName: "CCSS.ELA-Literacy.RST.11-12.3",
                        targetUrl: "http://www.corestandards.org/ELA-Literacy/RST/11-12/3",
                        targetDescription: "Follow precisely a complex multistep procedure.",
                        targetCode: "CCSS.ELA-Literacy.RST.11-12.3"
                    ),
                    source: .achievement
                )
            ]
        )
        #expect(parsed.badge.validUntil?.instant == Date(timeIntervalSince1970: 1_498_867_199))
        #expect(parsed.badge.subject.narrative == "Built a robot.")
        #expect(parsed.warnings.map(\.code) == [.numberForText])
    }

    @Test func unreachableBadgeClassIsAProblemNamingIt() async throws {
        var assertion = try #require(try JSONParser.parse(Fixtures.bytes(ob20 + "basic-assertion.json")).objectValue)
        assertion["badge"] = "https://example.org/missing-badge.json"
        let rejection = try #require(await rejection { () async throws(CredentialRejection) in try await Fixtures.parser.parse(.object(assertion)) })
        #expect(rejection.problems.map(\.code) == [.fetchFailed])
        #expect(rejection.problems.first?.pointer == "/badge")
        #expect(rejection.problems.first?.message.contains("not in the offline document cache") == true)
    }

    @Test func unreachableIssuerLeavesItsURL() async throws {
        let parsed = try await Fixtures.single(ob20 + "warning-issuer-non-http.json")
        #expect(parsed.badge.issuer.id == "urn:uuid:2d391246-6e0d-4dab-906c-b29770bd7aa6")
        var assertion = try #require(try JSONParser.parse(Fixtures.bytes(ob20 + "basic-assertion.json")).objectValue)
        assertion["badge"] = ["type": "BadgeClass", "id": "https://example.org/b", "name": "B", "issuer": "https://unreachable.example/issuer"]
        let offline = try #require(try await Fixtures.parser.parse(.object(assertion)).first)
        #expect(offline.badge.issuer == Profile(id: "https://unreachable.example/issuer", isEmbedded: false))
        #expect(offline.warnings.map(\.code).contains(.linkedDocumentUnavailable))
        #expect(offline.warnings.map(\.code).contains(.profileByReference))
    }

    @Test func fetchBudgetIsEnforced() async throws {
        var limits = ParseLimits()
        limits.maxFetches = 0
        let parser = CredentialParser(options: ParseOptions(limits: limits), fetcher: Fixtures.ob2Web)
        let body = try Fixtures.bytes(ob20 + "basic-assertion.json")
        let rejection = try #require(await rejection { () async throws(CredentialRejection) in try await parser.parse(body, mediaType: nil) })
        #expect(rejection.problems.map(\.code) == [.tooManyFetches])
    }

    @Test func openBadges11IsReadAs20() async throws {
        let parsed = try await Fixtures.single("ob2/validator-core-components/1_1_basic_assertion.json")
        #expect(parsed.badge.specVersion == .v2)
        #expect(parsed.warnings.map(\.code) == [.legacyVersion])
    }

    @Test func lenientDates() async throws {
        var assertion = try #require(try JSONParser.parse(Fixtures.bytes(ob20 + "basic-assertion.json")).objectValue)
        for (issuedOn, expected) in [
            ("2016-12-31", 1_483_142_400.0), ("2017-10-01T00:00Z", 1_506_816_000), ("2016-12-31T23:59:59+0100", 1_483_225_199),
        ] {
            assertion["issuedOn"] = .string(issuedOn)
            let parsed = try #require(try await Fixtures.parser.parse(.object(assertion)).first)
            #expect(parsed.badge.validFrom.instant == Date(timeIntervalSince1970: expected), "\(issuedOn)")
            #expect(parsed.warnings.map(\.code) == [.lenientDate])
        }
        assertion["issuedOn"] = 1_483_228_799
        let unix = try #require(try await Fixtures.parser.parse(.object(assertion)).first)
        #expect(unix.badge.validFrom.instant == Date(timeIntervalSince1970: 1_483_228_799))
    }

    /// Real assertions say `"type": "Hosted"` or `"signedBadge"` (accepted) or something else (reported); the assertion
    /// is read either way.
    @Test func nonStandardVerificationTypeIsAWarning() async throws {
        var assertion = try #require(try JSONParser.parse(Fixtures.bytes(ob20 + "basic-assertion.json")).objectValue)
        for (type, warned) in [("HostedBadge", false), ("hosted", false), ("signedBadge", false), ("Hosted", false), ("LinkedData", true)] {
            assertion["verification"] = ["type": .string(type)]
            let parsed = try #require(try await Fixtures.parser.parse(.object(assertion)).first)
            #expect(parsed.warnings.contains { $0.code == .unknownVerificationType && $0.pointer == "/verification/type" } == warned, "\(type)")
        }
    }
}
