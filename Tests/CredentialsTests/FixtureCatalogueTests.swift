import Credentials
import Testing

@Suite struct FixtureCatalogueTests {
    static func fixtureFiles() -> [String] {
        FixtureCatalogue.folders.flatMap { Fixtures.files(under: $0, extensions: ["json", "jwt", "png", "svg", "1ob", "txt"]) }
            .filter { !$0.contains("/assets/") && !$0.contains("/fragments/") }
    }

    @Test func everyFixtureHasAnExpectedOutcome() {
        let files = Set(Self.fixtureFiles())
        #expect(files.count == 221)
        #expect(files.subtracting(FixtureCatalogue.outcomes.keys).sorted() == [])
        #expect(Set(FixtureCatalogue.outcomes.keys).subtracting(files).sorted() == [])
    }

    @Test(arguments: fixtureFiles())
    func fixtureMeetsItsExpectedOutcome(file: String) async throws {
        let expected = try #require(FixtureCatalogue.outcomes[file])
        do {
            let parsed = try await Fixtures.parse(file)
            #expect(expected == .accepted(parsed.count))
            for credential in parsed {
                #expect(!credential.badge.id.isEmpty)
                #expect(!credential.badge.achievement.id.isEmpty)
                #expect(!credential.badge.achievement.name.isEmpty)
                #expect(!credential.badge.issuer.id.isEmpty)
                #expect(credential.badge.earner.id != nil || !credential.badge.earner.identifiers.isEmpty)
                #expect(credential.documentSHA256.count == 64)
            }
        } catch {
            let first = try #require(error.problems.first)
            #expect(expected == .rejected(first.code, first.pointer.description))
            #expect(error.problems.allSatisfy { !$0.message.isEmpty })
        }
    }

    /// The 1EdTech samples a verifier must reject for their shape each name the offending field.
    @Test(arguments: [
        ("simple-err-issuer.json", ProblemCode.missingField, "/issuer"),
        ("simple-err-type.json", .notAnEarnedBadge, "/type"),
        ("simple-err-context.json", .invalidContext, "/@context/0"),
        ("simple-err-credential-subject-type.json", .invalidType, "/credentialSubject/type"),
        ("simple-err-credential-subject-identifier-type.json", .invalidType, "/credentialSubject/identifier/0/type"),
        ("simple-err-credential-subject-result-type.json", .invalidType, "/credentialSubject/result/1/type"),
        (
            "simple-err-credential-subject-achievement-result-description-type.json", .invalidType,
            "/credentialSubject/achievement/resultDescription/2/type"
        ),
        ("simple-err-credential-subject-profile-type.json", .invalidType, "/credentialSubject/source/type"),
        ("simple-err-evidence-type.json", .invalidType, "/evidence/1/type"),
        ("simple-err-issuer-type.json", .invalidType, "/issuer/type"),
        ("simple-err-issuer-parentorg-type.json", .invalidType, "/issuer/parentOrg/type"),
        ("simple-err-issuer-otheridentifier-type.json", .invalidType, "/issuer/otherIdentifier/1/type"),
    ])
    func shapeErrorsNameTheField(file: String, code: ProblemCode, pointer: String) async throws {
        let rejection = try #require(await Fixtures.rejection("signed/1edtech-validator/ob30/" + file))
        #expect(rejection.problems.contains { $0.code == code && $0.pointer.description == pointer })
    }

    /// A rejection lists every problem, not just the first.
    @Test func rejectionListsEveryProblem() async throws {
        let issuer = try #require(await Fixtures.rejection("signed/1edtech-validator/ob30/simple-err-issuer.json"))
        #expect(issuer.problems.map(\.pointer.description) == ["/issuer", "/credentialSubject/achievement"])
        let context = try #require(await Fixtures.rejection("signed/1edtech-validator/ob30/simple-err-context.json"))
        #expect(context.problems.map(\.code) == [.invalidContext, .missingField])
        #expect(context.problems.map(\.pointer.description) == ["/@context/0", "/credentialSubject/achievement"])
    }

    /// Dates that only a verifier can judge (expired, not yet valid) are no reason to refuse the credential.
    @Test func expiryIsLeftToTheVerifier() async throws {
        let expired = try await Fixtures.single("signed/1edtech-validator/ob30/simple-err-expired.json")
        #expect(expired.badge.validUntil?.text == "2010-01-01T00:00:00Z")
        #expect(expired.badge.validUntil == expired.badge.validFrom)
        let future = try await Fixtures.single("ob2/1edtech-validator-ob20/basic-assertion-in-future.json")
        #expect(future.badge.validFrom.text == "2100-12-31T23:59:59Z")
    }
}
