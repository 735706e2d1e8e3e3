import Skills
import Testing

@Suite struct MatchScoringTests {
    private func score(_ query: String, _ label: String, _ kind: LabelKind = .preferred, trigram: Double = 0, concept: ConceptTraits = ConceptTraits(kind: .skill), source: TextSource = .query) -> TextMatch {
        MatchScoring.score(
            query: SkillText.normalize(query), label: LabelSignals(normalized: SkillText.normalize(label).key, kind: kind, trigramSimilarity: trigram),
            concept: concept, source: source)
    }

    @Test func ranksExactPreferredAboveExactAlternativeAboveContainment() {
        let preferred = score("data visualisation", "Data Visualization")
        let alternative = score("data visualisation", "data visualization", .alternative)
        let containing = score("data visualization", "deliver visual presentation of data")
        let containment = score("python programming", "Python (computer programming)")
        #expect(preferred == TextMatch(rule: .textExact, confidence: 0.95))
        #expect(alternative == TextMatch(rule: .textAltLabel, confidence: 0.9))
        #expect(containment.rule == .textFullText)
        #expect(abs(containment.confidence - (0.75 * (0.8 + 0.2 * 2 / 3) + 0.01)) < 1e-9)
        #expect(containing.rule == .textTrigram)
        #expect(alternative.confidence > containment.confidence && containment.confidence > containing.confidence)
    }

    @Test func weighsTrigramSimilarityAndTokenOverlap() {
        let close = score("pyton programing", "python programming", trigram: 0.6)
        let far = score("pyton programing", "python programming", trigram: 0.2)
        #expect(close.rule == .textTrigram)
        #expect(abs(close.confidence - (0.6 * (0.7 * 0.6 + 0.3 * 0.5) + 0.01)) < 1e-9)
        #expect(far.confidence < close.confidence)
        #expect(close.confidence < MatchScoring.reviewThreshold)
    }

    @Test func usesFullTextRankOnlyToBreakTies() {
        let query = SkillText.normalize("project management")
        let label = SkillText.normalize("project management principles").key
        let ranked = MatchScoring.score(query: query, label: LabelSignals(normalized: label, kind: .preferred, fullTextRank: 0.5))
        let unranked = MatchScoring.score(query: query, label: LabelSignals(normalized: label, kind: .preferred))
        #expect(ranked.confidence > unranked.confidence)
        #expect(ranked.confidence - unranked.confidence < 0.03)
    }

    @Test func appliesPriorsWithoutReorderingRules() {
        let transversal = score("solve problems", "solve problems", concept: ConceptTraits(kind: .skill, reuseLevel: "transversal"))
        let specific = score("solve problems", "solve problems", concept: ConceptTraits(kind: .skill, reuseLevel: "occupation-specific"))
        let hot = score("tableau", "Tableau", concept: ConceptTraits(kind: .technology, hotTechnology: true, inDemand: true))
        let group = score("languages", "languages", concept: ConceptTraits(kind: .group))
        #expect(abs(transversal.confidence - 0.97) < 1e-9)
        #expect(abs(specific.confidence - 0.94) < 1e-9)
        #expect(abs(hot.confidence - 0.98) < 1e-9)
        #expect(abs(group.confidence - 0.91) < 1e-9)
        let bestPartial = score("project management", "project management principles", concept: ConceptTraits(kind: .technology, hotTechnology: true, inDemand: true))
        #expect(bestPartial.confidence < score("project management", "project management", .alternative, concept: ConceptTraits(kind: .group)).confidence)
    }

    @Test func weighsTheSourceOfTheText() {
        #expect(score("python", "Python", source: .tag).confidence == 0.95 * 0.9)
        #expect(score("python", "Python", source: .achievementName).confidence == 0.95 * 0.8)
        #expect(score("python", "Python", .alternative, source: .achievementName).confidence < MatchScoring.reviewThreshold)
    }

    @Test func staysWithinZeroAndOne() {
        #expect(score("", "anything").confidence >= 0)
        #expect(score("x", "x", concept: ConceptTraits(kind: .technology, reuseLevel: "transversal", hotTechnology: true, inDemand: true)).confidence <= 1)
        #expect(score("", "").rule == .textTrigram)
    }
}
