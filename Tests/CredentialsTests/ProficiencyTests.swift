import Credentials
import StrictJSON
import Testing

@Suite struct ProficiencyTests {
    let parser = CredentialParser()

    /// A credential whose achievement has `descriptions` and whose subject has `results`.
    func badge(descriptions: [JSONValue], results: [JSONValue]) async throws -> ParsedCredential {
        let credential = TestDocuments.credential {
            TestDocuments.editAchievement(&$0) { $0["resultDescription"] = .array(descriptions) }
            TestDocuments.editSubject(&$0) { $0["result"] = .array(results) }
        }
        return try #require(try await parser.parse(credential).first)
    }

    static let rubric: JSONValue = [
        "id": "urn:rd:rubric", "type": ["ResultDescription"], "name": "Rubric", "resultType": "RubricCriterionLevel",
        "requiredLevel": "urn:level:2",
        "rubricCriterionLevel": [
            ["id": "urn:level:1", "type": ["RubricCriterionLevel"], "name": "Novice", "points": "1"],
            ["id": "urn:level:2", "type": ["RubricCriterionLevel"], "name": "Competent", "points": "2"],
            ["id": "urn:level:3", "type": ["RubricCriterionLevel"], "name": "Proficient", "points": "3"],
            ["id": "urn:level:4", "type": ["RubricCriterionLevel"], "name": "Expert", "points": "4"],
        ],
    ]

    @Test(arguments: [
        ("urn:level:1", 1, 0.0, false), ("urn:level:2", 2, 1.0 / 3, true), ("urn:level:3", 3, 2.0 / 3, true), ("urn:level:4", 4, 1.0, true),
    ])
    func rubricLevelsNormaliseByOrdinal(level: String, ordinal: Int, normalised: Double, meets: Bool) async throws {
        let parsed = try await badge(
            descriptions: [Self.rubric],
            results: [["type": ["Result"], "resultDescription": "urn:rd:rubric", "achievedLevel": .string(level)]]
        )
        let proficiency = try #require(parsed.badge.results.first?.proficiency)
        #expect(proficiency.ordinal == ordinal)
        #expect(proficiency.levelCount == 4)
        #expect(abs(proficiency.normalised - normalised) < 1e-12)
        #expect(proficiency.points == String(ordinal))
        #expect(proficiency.meetsRequirement == meets)
        #expect(parsed.warnings == [])
    }

    @Test func singleLevelScaleNormalisesToOne() async throws {
        let description: JSONValue = [
            "id": "urn:rd:one", "type": ["ResultDescription"], "name": "Pass", "resultType": "RubricCriterionLevel",
            "rubricCriterionLevel": [["id": "urn:level:only", "type": ["RubricCriterionLevel"], "name": "Achieved"]],
        ]
        let parsed = try await badge(descriptions: [description], results: [["type": ["Result"], "achievedLevel": "urn:level:only"]])
        let proficiency = try #require(parsed.badge.results.first?.proficiency)
        #expect(proficiency.ordinal == 1)
        #expect(proficiency.levelCount == 1)
        #expect(proficiency.normalised == 1)
    }

    @Test func allowedValuesAreAnOrdinalScale() async throws {
        let grades: JSONValue = [
            "id": "urn:rd:grade", "type": ["ResultDescription"], "name": "Grade", "resultType": "LetterGrade",
            "allowedValue": ["F", "D", "C", "B", "A"], "requiredValue": "C",
        ]
        let parsed = try await badge(
            descriptions: [grades],
            results: [
                ["type": ["Result"], "resultDescription": "urn:rd:grade", "value": "B"],
                ["type": ["Result"], "resultDescription": "urn:rd:grade", "value": "Z"],
            ]
        )
        let b = try #require(parsed.badge.results.first?.proficiency)
        #expect(b.basis == .allowedValue)
        #expect(b.ordinal == 4)
        #expect(b.levelCount == 5)
        #expect(b.normalised == 0.75)
        #expect(b.meetsRequirement == true)
        #expect(parsed.badge.results[1].proficiency == nil)
        #expect(parsed.warnings.map(\.code) == [.valueNotAllowed])
        #expect(parsed.warnings.first?.pointer == "/credentialSubject/result/1/value")
    }

    @Test func numericValuesArePlacedInTheirRange() async throws {
        let score: JSONValue = [
            "id": "urn:rd:score", "type": ["ResultDescription"], "name": "Score", "resultType": "ScaledScore", "valueMin": "200",
            "valueMax": "800", "requiredValue": "500",
        ]
        let percent: JSONValue = ["id": "urn:rd:percent", "type": ["ResultDescription"], "name": "Percent", "resultType": "Percent"]
        let parsed = try await badge(
            descriptions: [score, percent],
            results: [
                ["type": ["Result"], "resultDescription": "urn:rd:score", "value": "650"],
                ["type": ["Result"], "resultDescription": "urn:rd:percent", "value": "87.5"],
                ["type": ["Result"], "resultDescription": "urn:rd:score", "value": "900"],
            ]
        )
        let scaled = try #require(parsed.badge.results[0].proficiency)
        #expect(scaled.basis == .valueRange)
        #expect(scaled.normalised == 0.75)
        #expect(scaled.ordinal == nil)
        #expect(scaled.meetsRequirement == true)
        #expect(parsed.badge.results[1].proficiency?.normalised == 0.875)
        #expect(parsed.badge.results[2].proficiency == nil)
        #expect(parsed.warnings.map(\.code) == [.valueOutOfRange])
    }

    @Test func danglingReferencesAreWarnings() async throws {
        let parsed = try await badge(
            descriptions: [Self.rubric],
            results: [
                ["type": ["Result"], "resultDescription": "urn:rd:nowhere", "achievedLevel": "urn:level:nowhere", "status": "Completed"]
            ]
        )
        #expect(parsed.badge.results.first?.proficiency == nil)
        #expect(parsed.badge.results.first?.status == "Completed")
        #expect(parsed.warnings.map(\.code) == [.danglingReference, .danglingReference])
        #expect(
            parsed.warnings.map(\.pointer.description) == [
                "/credentialSubject/result/0/resultDescription", "/credentialSubject/result/0/achievedLevel",
            ]
        )
    }

    @Test func resultAlignmentsAreKept() async throws {
        let alignment: JSONValue = [
            "type": ["Alignment"], "targetName": "Teamwork", "targetUrl": "https://skills.example/teamwork", "targetType": "ceasn:Competency",
        ]
        let parsed = try await badge(descriptions: [], results: [["type": ["Result"], "status": "Completed", "alignment": [alignment]]])
        #expect(parsed.badge.alignments.map(\.source) == [.result(index: 0)])
        #expect(parsed.badge.alignments.first?.alignment.targetType == "ceasn:Competency")
    }
}
