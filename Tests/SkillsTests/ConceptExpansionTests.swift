import Skills
import Testing

@Suite struct ConceptExpansionTests {
    @Test func decaysPerLevelAndStopsAtTheMaximumDepth() throws {
        #expect(try #require(ConceptExpansion.narrowerConfidence(1, depth: 1)) == 0.9)
        #expect(abs(try #require(ConceptExpansion.narrowerConfidence(0.95, depth: 3)) - 0.95 * 0.729) < 1e-12)
        #expect(ConceptExpansion.narrowerConfidence(1, depth: 4) == nil)
        #expect(ConceptExpansion.narrowerConfidence(1, depth: 0) == nil)
    }

    @Test func trustsTheCrosswalkByNestasLevel() {
        #expect(ConceptExpansion.crosswalkConfidence(1, nestaLevel: 2) == 0.9)
        #expect(ConceptExpansion.crosswalkConfidence(1, nestaLevel: 1) == 0.8)
        #expect(ConceptExpansion.crosswalkConfidence(1, nestaLevel: 0.5) == 0.6)
        #expect(ConceptExpansion.crosswalkConfidence(0.5, nestaLevel: 2) == 0.45)
    }

    @Test func namesEveryExpansionAsStored() {
        #expect(ConceptExpansion.allCases.map(\.rawValue) == ["narrower", "crosswalk", "exact_match"])
    }
}
