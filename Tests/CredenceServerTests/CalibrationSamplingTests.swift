import Calibration
import Foundation
import StrictJSON
import Testing

@testable import CredenceServer

/// The sample draw and reading rubrics from Open Badges definitions: pure, no database.
@Suite struct CalibrationSamplingTests {
    static func candidates(_ counts: [String: Int]) -> [(id: UUID, stratum: String?)] {
        var generator = SystemRandomNumberGenerator()
        return counts.sorted { $0.key < $1.key }.flatMap { level, count in
            (0..<count).map { _ in (UUID(), Optional(level)) }
        }.shuffled(using: &generator)
    }

    @Test func equalAllocationFillsSmallStrataAndGivesTheRestToOthers() {
        // 2 at level a, 10 at b, 10 at c; 12 asked: a gives all it has, b and c share the rest.
        #expect(SampleDraw.equalQuotas(capacities: [2, 10, 10], size: 12) == [2, 5, 5])
        #expect(SampleDraw.equalQuotas(capacities: [6, 6, 6, 6], size: 16) == [4, 4, 4, 4])
        #expect(SampleDraw.equalQuotas(capacities: [6, 6, 6, 6], size: 18) == [5, 5, 4, 4])
        #expect(SampleDraw.equalQuotas(capacities: [1, 0, 3], size: 50) == [1, 0, 3])
        #expect(SampleDraw.equalQuotas(capacities: [], size: 5) == [])
    }

    @Test func proportionalAllocationUsesLargestRemainders() {
        // 10 × (10, 30, 60)/100 = 1, 3, 6 exactly; 7 × the same = 0.7, 2.1, 4.2 → 1, 2, 4.
        #expect(SampleDraw.proportionalQuotas(capacities: [10, 30, 60], size: 10) == [1, 3, 6])
        #expect(SampleDraw.proportionalQuotas(capacities: [10, 30, 60], size: 7) == [1, 2, 4])
        #expect(SampleDraw.proportionalQuotas(capacities: [3, 3, 3], size: 4) == [2, 1, 1])
    }

    @Test func drawIsStratifiedAndDeterministicWhateverTheInputOrder() {
        let candidates = Self.candidates(["a": 6, "b": 6, "c": 3])
        let draw = SampleDraw(candidates: candidates, strata: ["a", "b", "c"], size: 12, allocation: .equal, seed: 42)
        #expect(draw.strata.map(\.drawn) == [5, 4, 3])
        #expect(Set(draw.chosen).count == 12)
        let byID = Dictionary(uniqueKeysWithValues: candidates.map { ($0.id, $0.stratum) })
        for stratum in draw.strata {
            #expect(draw.chosen.filter { byID[$0] == stratum.key }.count == stratum.drawn)
        }
        let reversed = SampleDraw(candidates: candidates.reversed(), strata: ["a", "b", "c"], size: 12, allocation: .equal, seed: 42)
        #expect(reversed == draw)
        let other = SampleDraw(candidates: candidates, strata: ["a", "b", "c"], size: 12, allocation: .equal, seed: 43)
        #expect(other.chosen != draw.chosen)
        // Candidates outside the listed strata are never drawn; an unstratified draw takes anyone.
        #expect(SampleDraw(candidates: candidates, strata: ["c"], size: 10, allocation: .equal, seed: 1).chosen.count == 3)
        let plain = candidates.map { (id: $0.id, stratum: String?.none) }
        #expect(SampleDraw(candidates: plain, strata: [nil], size: 10, allocation: .equal, seed: 1).chosen.count == 10)
    }

    @Test func rubricFromResultDescriptions() throws {
        let definition = try JSONParser.parse(
            #"""
            {"resultDescription": [
              {"id": "urn:rd:quality", "name": "Code quality", "resultType": "RubricCriterionLevel",
               "alignment": [{"targetUrl": "http://data.europa.eu/esco/skill/abc", "targetName": "write code"}],
               "rubricCriterionLevel": [
                 {"id": "urn:rd:quality:2", "name": "Good", "description": "Clean", "points": "2", "ordinal": 2},
                 {"id": "urn:rd:quality:1", "level": "Basic", "description": "Works", "points": "1", "ordinal": 1,
                  "alignment": [{"targetCode": "2.1.3"}]}]},
              {"id": "urn:rd:grade", "resultType": "LetterGrade", "allowedValue": ["A", "B"]},
              {"id": "urn:rd:single", "rubricCriterionLevel": [{"id": "urn:rd:single:1", "name": "Only"}]}
            ]}
            """#
        )
        let criteria = RubricDerivation.criteria(fromDefinition: definition)
        #expect(criteria.count == 1)
        let quality = try #require(criteria.first)
        #expect(quality.id == "urn:rd:quality" && quality.name == "Code quality")
        #expect(quality.levels.map(\.id) == ["urn:rd:quality:1", "urn:rd:quality:2"])
        #expect(quality.levels.map(\.name) == ["Basic", "Good"])
        #expect(quality.levels.map(\.points) == [1, 2])
        #expect(quality.skillAlignmentIDs == ["http://data.europa.eu/esco/skill/abc", "2.1.3"])
        #expect(RubricDerivation.criteria(fromDefinition: ["name": "No rubric"]).isEmpty)
    }

    @Test func authoredCriteriaGetIdsAndPointedErrors() {
        let inputs = [
            CriterionInput(
                id: nil, name: "Code quality", description: nil,
                levels: [.init(id: nil, name: "Basic", descriptor: "Works", points: 1), .init(id: nil, name: "Good", descriptor: nil, points: -1)],
                skillAlignmentIds: nil
            ),
            CriterionInput(
                id: "code-quality", name: " ", description: nil, levels: [.init(id: "x", name: "Only", descriptor: nil, points: nil)],
                skillAlignmentIds: nil),
        ]
        let (criteria, errors) = CriterionInput.criteria(inputs, at: "/criteria")
        #expect(criteria.first?.id == "code-quality" && criteria.first?.levels.map(\.id) == ["code-quality/basic", "code-quality/good"])
        #expect(
            Set(errors.map(\.pointer))
                == ["/criteria/0/levels/1/points", "/criteria/1/name", "/criteria/1/id", "/criteria/1/levels"]
        )
    }
}
