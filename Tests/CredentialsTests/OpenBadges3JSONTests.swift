import Credentials
import Foundation
import StrictJSON
import Testing

@Suite struct OpenBadges3JSONTests {
    /// 1EdTech's complete.json: every part of an OB 3.0 credential, normalised.
    @Test func completeCredentialIsNormalised() async throws {
        let parsed = try await Fixtures.single("signed/1edtech-validator/ob30/complete.json")
        let badge = parsed.badge
        #expect(parsed.format == .openBadges3JSON)
        #expect(parsed.packaging == .document)
        #expect(badge.id == "http://1edtech.edu/credentials/3732")
        #expect(badge.types == ["VerifiableCredential", "OpenBadgeCredential"])
        #expect(badge.specVersion == .v3)
        #expect(badge.dataModel == .v2_0)
        #expect(badge.contexts.count == 3)
        #expect(badge.name == "1EdTech University Degree for Example Student")
        #expect(badge.image?.id == "https://1edtech.edu/credentials/3732/image")

        // Earner: a DID plus two plaintext email identifiers.
        #expect(badge.earner.id == "did:example:ebfeb1f712ebc6f1c276e12ec21")
        #expect(badge.earner.identifiers.map(\.identity) == ["student@1edtech.edu", "somebody@gmail.com"])
        #expect(badge.earner.identifiers.allSatisfy { $0.identityType == "emailAddress" && !$0.hashed && $0.salt == "not-used" })
        #expect(badge.subject.creditsEarned == 42)
        #expect(badge.subject.term == "Fall")
        #expect(badge.subject.role == "Major Domo")
        #expect(badge.subject.licenseNumber == "A-9320041")
        #expect(badge.subject.source?.id == "https://school.edu/issuers/201234")
        #expect(badge.subject.activityStartDate?.text == "2010-01-01T00:00:00Z")
        #expect(badge.subject.narrative == "There is a final project report and source code evidence.")

        // Issuer profile.
        let issuer = badge.issuer
        #expect(issuer.id == "https://1edtech.edu/issuers/565049")
        #expect(issuer.name == "1EdTech University")
        #expect(issuer.url == "https://1edtech.edu")
        #expect(issuer.email == "registrar@1edtech.edu")
        #expect(issuer.phone == "1-222-333-4444")
        #expect(issuer.image == ImageReference(id: "https://1edtech.edu/logo.png", caption: "1EdTech University logo"))
        #expect(issuer.parentOrg == ProfileReference(id: "did:example:123456789", name: "Universal Universities"))
        #expect(
            issuer.otherIdentifiers == [
                IdentifierEntry(identifier: "12345", identifierType: "sourcedId"),
                IdentifierEntry(identifier: "67890", identifierType: "nationalIdentityNumber"),
            ]
        )
        #expect(issuer.isEmbedded)

        // Achievement.
        let achievement = badge.achievement
        #expect(achievement.id == "https://1edtech.edu/achievements/degree")
        #expect(achievement.name == "1EdTech University Degree")
        #expect(achievement.description == "1EdTech University Degree Description")
        #expect(
            achievement.criteria
                == Criteria(id: "https://1edtech.edu/achievements/degree", narrative: "# Degree Requirements\nStudents must complete...")
        )
        #expect(achievement.achievementType == "Degree")
        #expect(achievement.tags == ["research", "computer science"])
        #expect(achievement.humanCode == "R1")
        #expect(achievement.fieldOfStudy == "Research")
        #expect(achievement.specialization == "Computer Science Research")
        #expect(achievement.creditsAvailable == 36)
        #expect(achievement.creator?.id == "https://1edtech.edu/issuers/565049")
        #expect(achievement.image?.caption == "1EdTech University Degree")
        #expect(achievement.otherIdentifiers == [IdentifierEntry(identifier: "abde", identifierType: "identifier")])
        #expect(achievement.raw["id"]?.stringValue == achievement.id)

        // Alignments from every place, with their source.
        let alignments = badge.alignments
        #expect(alignments.count == 8)
        #expect(alignments.filter { $0.source == .achievement }.map(\.alignment.targetType) == ["CFItem", "CTDL"])
        let first = try #require(alignments.first)
        #expect(
            first.alignment
                == Alignment(
                    targetName: "1EdTech University Degree",
                    targetUrl: "https://1edtech.edu/catalog/degree",
                    targetDescription: "1EdTech University Degree programs.",
                    targetFramework: "1EdTech University Program and Course Catalog",
                    targetCode: "degree",
                    targetType: "CFItem"
                )
        )
        let rubricAlignments = alignments.filter { $0.source.kind == "rubric_level" }
        #expect(
            rubricAlignments.map(\.alignment.targetUrl) == [
                "https://1edtech.edu/catalog/degree/project/rubric/levels/mastered",
                "https://1edtech.edu/catalog/degree/project/rubric/levels/basic",
            ]
        )
        #expect(
            rubricAlignments.first?.source
                == .rubricLevel(
                    descriptionId: "urn:uuid:a70ddc6a-4c4a-4bd8-8277-cb97c79f40c5",
                    levelId: "urn:uuid:d05a0867-d0ad-4b03-bdb5-28fb5d2aab7a"
                )
        )
        #expect(alignments.filter { $0.source.kind == "result_description" }.count == 2)
        #expect(alignments.filter { $0.source.kind == "result" }.map(\.source) == [.result(index: 0), .result(index: 1)])

        // Result descriptions and rubric levels.
        let descriptions = achievement.resultDescriptions
        #expect(descriptions.map(\.resultType) == ["LetterGrade", "RubricCriterionLevel", "Status"])
        #expect(descriptions[0].allowedValues == ["D", "C", "B", "A"])
        #expect(descriptions[0].requiredValue == "C")
        let levels = descriptions[1].levels
        #expect(levels.map(\.name) == ["Mastery", "Basic"])
        #expect(levels.map(\.level) == ["Mastered", "Basic"])
        #expect(levels.map(\.points) == ["4", "4"])
        #expect(levels.map(\.ordinal) == [1, 2])
        #expect(levels.first?.pointsValue == 4)

        // Results with proficiency.
        #expect(badge.results.count == 3)
        let grade = try #require(badge.results[0].proficiency)
        #expect(grade.basis == .allowedValue)
        #expect(grade.levelName == "A")
        #expect(grade.ordinal == 4)
        #expect(grade.levelCount == 4)
        #expect(grade.normalised == 1)
        #expect(grade.meetsRequirement == true)
        // The spec's own example points at a level of another description: its own scale is used, with a warning.
        let level = try #require(badge.results[1].proficiency)
        #expect(level.basis == .rubricLevel)
        #expect(level.resultDescriptionId == "urn:uuid:a70ddc6a-4c4a-4bd8-8277-cb97c79f40c5")
        #expect(level.levelName == "Mastery")
        #expect(level.levelLabel == "Mastered")
        #expect(level.points == "4")
        #expect(level.ordinal == 1)
        #expect(level.levelCount == 2)
        #expect(level.normalised == 0)
        #expect(level.meetsRequirement == true)
        #expect(parsed.warnings.contains { $0.code == .levelOutsideDescription && $0.pointer == "/credentialSubject/result/1/achievedLevel" })
        #expect(badge.results[2].status == "Completed")
        #expect(badge.results[2].proficiency == nil)

        // Evidence, dates, status, services, proofs, endorsements.
        #expect(badge.evidence.map(\.url) == ["https://1edtech.edu/credentials/3732/evidence/1", "https://github.com/somebody/project"])
        #expect(
            badge.evidence[0]
                == Evidence(
                    url: "https://1edtech.edu/credentials/3732/evidence/1",
                    name: "Final Project Report",
                    narrative: "# Final Project Report \n This project was ...",
                    description: "This is the final project report.",
                    genre: "Research",
                    audience: "Department"
                )
        )
        #expect(badge.validFrom.text == "2010-01-01T00:00:00Z")
        #expect(badge.validFrom.instant == Date(timeIntervalSince1970: 1_262_304_000))
        #expect(badge.validUntil?.instant == Date(timeIntervalSince1970: 1_893_456_000))
        #expect(badge.awarded.source == .validFrom)
        #expect(badge.awarded.date == badge.validFrom)
        #expect(badge.statusEntries.count == 1)
        #expect(badge.statusEntries[0].type == "1EdTechRevocationList")
        #expect(badge.statusEntries[0].listURL == "https://1edtech.edu/credentials/3732/revocations")
        #expect(badge.refreshService == ServiceReference(id: "http://1edtech.edu/credentials/3732", type: "1EdTechCredentialRefresh"))
        #expect(badge.credentialSchemas.count == 1)
        #expect(
            badge.proofs == [
                ProofSummary(
                    type: "DataIntegrityProof",
                    cryptosuite: "eddsa-rdfc-2022",
                    verificationMethod: "https://1edtech.edu/issuers/565049#z6Mknyb2Gb4NxzW3xSr9ChTtdQZ1zs77piQ3r9SaJ9vMzmrs",
                    proofPurpose: "assertionMethod",
                    created: "2024-04-03T09:44:42Z"
                )
            ]
        )
        #expect(badge.endorsements.count == 3)
        #expect(badge.endorsements.filter { $0.placement == .credential }.map(\.id) == ["http://1edtech.edu/endorsementcredential/3735"])
        #expect(badge.endorsements.filter { $0.placement == .achievement }.map(\.id) == ["http://1edtech.edu/endorsementcredential/3734"])
        #expect(badge.endorsements.filter { $0.placement == .issuer }.map(\.id) == ["http://1edtech.edu/endorsementcredential/3736"])
        #expect(badge.endorsements.first?.issuerName == "Example Accrediting Agency")
        #expect(badge.endorsements.first?.comment == "1EdTech University is in good standing")

        // The raw document and the secured form for the verifier.
        let raw = try Fixtures.bytes("signed/1edtech-validator/ob30/complete.json")
        #expect(parsed.received == raw)
        #expect(parsed.document == raw)
        #expect(parsed.documentSHA256 == parsed.receivedSHA256)
        #expect(parsed.documentSHA256.count == 64)
        guard case .embedded(let document) = parsed.secured else {
            Issue.record("expected an embedded-proof credential")
            return
        }
        #expect(document == (try JSONParser.parse(raw)))
    }

    @Test func plaintextIdentifiersAreFlagged() async throws {
        let parsed = try await Fixtures.single("signed/1edtech-validator/ob30/complete.json")
        #expect(
            parsed.warnings.filter { $0.code == .plaintextIdentifier }.map(\.pointer.description) == [
                "/credentialSubject/identifier/0/identityHash", "/credentialSubject/identifier/1/identityHash",
            ]
        )
    }

    @Test func vcdm11CredentialUsesIssuanceDate() async throws {
        let parsed = try await Fixtures.single("signed/1edtech-validator/ob30/simple_v1.json")
        #expect(parsed.badge.dataModel == .v1_1)
        #expect(parsed.badge.validFrom.text == "2010-01-01T00:00:00Z")
        #expect(parsed.badge.awarded.source == .issuanceDate)
        #expect(parsed.badge.proofs.first?.type == "Ed25519Signature2020")
        #expect(parsed.badge.achievement.name == "Teamwork")
        #expect(parsed.warnings.isEmpty)
    }

    @Test(arguments: [
        ("signed/1edtech-validator/ob30/simple.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
        ("signed/1edtech-validator/ob30/simple-context-version.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json"),
        ("signed/1edtech-validator/ob30/simple-eddsa-2022.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json"),
        ("signed/1edtech-validator/ob30/simple_v1.json", "https://purl.imsglobal.org/spec/ob/v3p0/context.json"),
    ])
    func everyContextVersionIsRead(file: String, context: String) async throws {
        let parsed = try await Fixtures.single(file)
        #expect(parsed.badge.contexts.contains(context))
        #expect(!parsed.badge.achievement.id.isEmpty)
    }

    @Test func awardedDateIsPreferred() async throws {
        let parsed = try await Fixtures.single("signed/1edtech-validator/ob30/simple-did-web-method.json")
        #expect(parsed.badge.awarded.source == .awardedDate)
        #expect(parsed.badge.awarded.date.text == "2010-01-01T00:00:00Z")
        #expect(parsed.warnings.map(\.code) == [.singleValueForList])
        #expect(parsed.warnings.first?.pointer == "/proof")
    }

    @Test func realWorldVariationsAreWarnings() async throws {
        let parsed = try await Fixtures.single("signed/1edtech-validator/ob30/credential-status-revoked.json")
        let pointers = parsed.warnings.filter { $0.code == .singleValueForList }.map(\.pointer.description)
        #expect(
            pointers == [
                "/issuer/type", "/credentialSubject/type", "/credentialSubject/source/type", "/credentialSubject/achievement/type", "/proof",
            ]
        )
        #expect(parsed.badge.issuer.name == "1EdTech Testing")
        #expect(parsed.badge.achievement.achievementType == "Achievement")
        #expect(parsed.badge.awarded.date.text == "2023-05-22T10:21:00Z")
        #expect(
            parsed.badge.statusEntries.first?.listURL
                == "https://dc.1edtech.org/wellspring2022/wellspring-portal/api/revocations/da1e96e9-afcc-4eed-b9a2-2ddf7353214c"
        )
    }

    @Test func bitstringStatusEntryIsKept() async throws {
        let parsed = try await Fixtures.single("signed/1edtech-validator/ob30/bit-string-list/credential-status-revoked.json")
        let entry = try #require(parsed.badge.statusEntries.first)
        #expect(entry.type == "BitstringStatusListEntry")
        #expect(entry.purpose == "revocation")
        #expect(entry.index == "23")
        #expect(entry.listURL?.hasSuffix("/ob30/bit-string-list/testlist") == true)
        #expect(entry.raw["statusListIndex"] == 23)
        #expect(parsed.warnings.contains { $0.code == .numberForText && $0.pointer == "/credentialStatus/statusListIndex" })
    }

    @Test func skillAssertionAlignsToFramework() async throws {
        let parsed = try await Fixtures.single("ob3/examples/examples-skillassertioncase__skill-assertion-case.json")
        let achievement = parsed.badge.achievement
        #expect(achievement.achievementType == "Competency")
        #expect(achievement.creator?.name == "Example Industry Group")
        #expect(
            achievement.alignments == [
                Alignment(
                    targetName: "Robot Programming",
                    targetUrl: "https://robotics-competencies.example.com/competencies/robot-programming",
                    targetDescription:
                        "Robot software is a set of commands and procedures robots use to respond to input and perform autonomous tasks.",
                    targetFramework: "Example Robotics Framework",
                    targetType: "CFItem"
                )
            ]
        )
        #expect(parsed.badge.evidence.map(\.name) == ["Final Project Code"])
        #expect(parsed.warnings.map(\.code) == [.noProof])
    }

    @Test func specExamplesOfEarnedBadgesAreRead() async throws {
        let files = Fixtures.files(under: "ob3/examples", extensions: ["json"]).filter {
            $0.contains("openbadgecredential") || $0.contains("sample-credential-") || $0.contains("alignment") || $0.contains("skill-assertion")
                || $0.contains("upgraded-ob-2-0") || $0.contains("linked-data-proof-ob__")
        }.filter { !$0.hasSuffix("__proof.json") }
        #expect(files.count == 16)
        for file in files {
            let parsed = try await Fixtures.single(file)
            #expect(!parsed.badge.achievement.name.isEmpty, "\(file)")
            #expect(parsed.badge.issuer.id.hasPrefix("http") || parsed.badge.issuer.id.hasPrefix("did:"), "\(file)")
        }
    }
}
