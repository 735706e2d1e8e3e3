import Testing

@testable import Calibration

/// Sessions built so that exactly one rule fires; the proposal's figures and evidence are checked against the data.
enum Scenario {
    /// Reviewers scatter on quality (issuer at their median, so no drift); communication agrees perfectly.
    static func disagreement() throws -> SessionBuilder {
        let quality = [[0, 3, 1], [3, 0, 2], [1, 3, 0], [2, 0, 3], [0, 2, 3], [3, 1, 0], [1, 1, 3], [2, 3, 0], [0, 0, 3], [3, 3, 0]]
        var builder = SessionBuilder(rubric: try sampleRubric())
        for (index, ratings) in quality.enumerated() {
            let median = ratings.sorted()[1]
            builder.add(
                "a\(index)",
                issuer: ["quality": median, "communication": index % 3],
                levels: ["quality": ratings, "communication": Array(repeating: index % 3, count: 3)],
                comments: index == 1 ? [0: "Tests exist but I could not tell 'few' from 'some'"] : [:]
            )
        }
        return builder
    }

    /// Reviewers agree with each other and rate every quality artefact one level above the issuer.
    static func drift(count: Int = 12) throws -> SessionBuilder {
        var builder = SessionBuilder(rubric: try sampleRubric())
        for index in 0..<count {
            let issuer = index % 3
            builder.add(
                "a\(index)",
                issuer: ["quality": issuer, "communication": index % 3],
                levels: ["quality": Array(repeating: issuer + 1, count: 3), "communication": Array(repeating: index % 3, count: 3)],
                comments: index == 0 ? [2: "Better than the badge says"] : [:]
            )
        }
        return builder
    }

    /// Ten artefacts per quality level, rated at the issuer's level; bar rates 0/10, 5/10, 6/10, 10/10.
    static func inseparableLevels() throws -> SessionBuilder {
        var builder = SessionBuilder(rubric: try sampleRubric())
        let meeting = [0, 5, 6, 10]
        for level in 0..<4 {
            for index in 0..<10 {
                let meets = index < meeting[level]
                builder.add(
                    "l\(level)-\(index)",
                    issuer: ["quality": level],
                    levels: ["quality": [level, level, level]],
                    bar: [meets, meets, meets]
                )
            }
        }
        return builder
    }

    /// Ten artefacts the issuer placed at "Developing", which reviewers (unanimous) place all over the scale.
    static func spreadLevel() throws -> SessionBuilder {
        var builder = SessionBuilder(rubric: try sampleRubric())
        for (index, level) in [0, 0, 0, 1, 1, 2, 2, 3, 3, 3].enumerated() {
            builder.add("a\(index)", issuer: ["quality": 1], levels: ["quality": [level, level, level]])
        }
        return builder
    }
}

@Suite struct RevisionRulesTests {
    static func proposals(_ builder: SessionBuilder, thresholds: ProposalThresholds = ProposalThresholds()) throws -> [RevisionProposal] {
        let session = try builder.session()
        let statistics = SessionStatistics(session: session, options: StatisticsOptions(bootstrapReplicates: 300))
        return RevisionRules.proposals(for: session, statistics: statistics, thresholds: thresholds)
    }

    @Test func lowAgreementAsksForClearerDescriptors() throws {
        let proposals = try Self.proposals(try Scenario.disagreement())
        #expect(proposals.map(\.kind) == [.clarifyDescriptors])
        let proposal = try #require(proposals.first)
        #expect(proposal.id == "s1:clarify_descriptors:quality" && proposal.criterionID == "quality" && proposal.levelIDs.isEmpty)
        let alpha = try #require(proposal.figures.first { $0.name == "alpha" }?.value)
        #expect(alpha < 0.667)
        #expect(proposal.figures.first { $0.name == "pairable_values" }?.value == 30)
        #expect(proposal.figures.contains { $0.name == "probability_below_minimum" })
        // Widest disagreement first (spread 3), then a6 (spread 2); session order breaks ties.
        #expect(proposal.evidence.artefactIDs == ["a0", "a1", "a2", "a3", "a4", "a5", "a7", "a8", "a9", "a6"])
        #expect(proposal.evidence.ratingIDs.count == 30 && proposal.evidence.ratingIDs.first == "a0/r0/quality")
        #expect(
            proposal.evidence.comments == [
                CitedComment(
                    sourceID: "a1/r0/quality",
                    artefactID: "a1",
                    reviewerID: "r0",
                    text: "Tests exist but I could not tell 'few' from 'some'"
                )
            ]
        )
        #expect(proposal.rationale.contains("Code quality") && proposal.rationale.contains("0.667"))
    }

    @Test func systematicDriftAsksForRecalibration() throws {
        let proposals = try Self.proposals(try Scenario.drift())
        #expect(proposals.map(\.kind) == [.recalibrateLevels])
        let proposal = try #require(proposals.first)
        #expect(proposal.direction == .reviewersHigher)
        #expect(proposal.levelIDs == ["q0", "q1", "q2"])
        #expect(proposal.figures.first { $0.name == "mean_difference" }?.value == 1)
        // 12 of 12 higher: p = 2 / 4096.
        #expect(isClose(proposal.figures.first { $0.name == "sign_test_p" }?.value, 2.0 / 4096))
        #expect(proposal.evidence.artefactIDs.count == 12 && proposal.evidence.comments.map(\.text) == ["Better than the badge says"])
        #expect(proposal.rationale.contains("higher than the issuer on 12 of 12"))
        // Thresholds are configurable: a one-level drift is not enough when 1.5 is required.
        #expect(try Self.proposals(try Scenario.drift(), thresholds: ProposalThresholds(minimumDrift: 1.5)).isEmpty)
        // Five artefacts cannot reach p < 0.05 (2/32 = 0.0625).
        #expect(try Self.proposals(try Scenario.drift(count: 5)).isEmpty)
    }

    @Test func levelsThatDoNotSeparateHiringOutcomesAreProposedForMerging() throws {
        let proposals = try Self.proposals(try Scenario.inseparableLevels())
        #expect(proposals.map(\.kind) == [.mergeLevels])
        let proposal = try #require(proposals.first)
        #expect(proposal.levelIDs == ["q1", "q2"] && proposal.id == "s1:merge_levels:quality:q1+q2")
        #expect(proposal.figures.first { $0.name == "rate_lower_level" }?.value == 0.5)
        #expect(proposal.figures.first { $0.name == "rate_upper_level" }?.value == 0.6)
        // scipy.stats.fisher_exact([[5, 5], [6, 4]]).pvalue == 1.0
        #expect(isClose(proposal.figures.first { $0.name == "fisher_p" }?.value, 1))
        #expect(proposal.evidence.artefactIDs.count == 20 && proposal.evidence.verdictIDs.count == 60)
        #expect(proposal.evidence.verdictIDs.first == "l1-0/r0/bar")
        // Rates 0, 0.5, 0.6, 1: with a 0.5 margin every adjacent pair (0.5, 0.1 and 0.4 apart) is proposed.
        let loose = try Self.proposals(try Scenario.inseparableLevels(), thresholds: ProposalThresholds(mergeMargin: 0.5))
        #expect(loose.map(\.levelIDs) == [["q0", "q1"], ["q1", "q2"], ["q2", "q3"]])
        // Too few artefacts per level: no proposal.
        #expect(try Self.proposals(try Scenario.inseparableLevels(), thresholds: ProposalThresholds(minimumArtefactsPerLevel: 11)).isEmpty)
    }

    @Test func fisherRuleNeedsEnoughData() throws {
        // 0.6 vs 0.8 is outside the margin; with 50 per level Fisher's p = 0.049 is significant, no merge;
        // 0.6 vs 0.7: p = 0.40, merge (scipy.stats.fisher_exact([[30, 20], [40, 10]]) and ([[30, 20], [35, 15]])).
        for (upper, expected) in [(40, false), (35, true)] {
            var builder = SessionBuilder(rubric: try sampleRubric())
            for (level, meeting) in [(1, 30), (2, upper)] {
                for index in 0..<50 {
                    builder.add("l\(level)-\(index)", issuer: ["quality": level], levels: ["quality": [level, level]], bar: [index < meeting])
                }
            }
            let merges = try Self.proposals(builder).filter { $0.kind == .mergeLevels }
            #expect(merges.isEmpty != expected, "upper \(upper)")
        }
    }

    @Test func widelySpreadLevelsAreProposedForSplitting() throws {
        let proposals = try Self.proposals(try Scenario.spreadLevel())
        #expect(proposals.map(\.kind) == [.splitLevel])
        let proposal = try #require(proposals.first)
        #expect(proposal.levelIDs == ["q1"])
        // Medians 0,0,0,1,1,2,2,3,3,3: Q1 = 0.25, Q3 = 2.75 (linear interpolation), IQR 2.5.
        #expect(proposal.figures.first { $0.name == "interquartile_range" }?.value == 2.5)
        #expect(proposal.evidence.artefactIDs == ["a0", "a1", "a2", "a5", "a6", "a7", "a8", "a9"])
    }

    @Test func orderIsRubricThenKindAndIgnoresInputOrder() throws {
        var builder = try Scenario.disagreement()
        for index in 0..<10 {
            builder.add("d\(index)", issuer: ["communication": index % 2], levels: ["communication": Array(repeating: index % 2 + 1, count: 3)])
        }
        let session = try builder.session()
        let shuffled = try CalibrationSession(
            id: session.id,
            rubric: session.rubric,
            artefacts: session.artefacts,
            ratings: session.ratings.reversed(),
            verdicts: session.verdicts
        )
        let options = StatisticsOptions(bootstrapReplicates: 100)
        let first = RevisionRules.proposals(for: session, statistics: SessionStatistics(session: session, options: options))
        let second = RevisionRules.proposals(for: shuffled, statistics: SessionStatistics(session: shuffled, options: options))
        #expect(first.map(\.id) == ["s1:clarify_descriptors:quality", "s1:recalibrate_levels:communication:c0+c1"])
        #expect(first == second)
    }
}

@Suite struct CalibrationSummaryTests {
    @Test func poolsSessions() throws {
        let one = try Scenario.drift().session("s1")
        let two = try Scenario.inseparableLevels().session("s2")
        let summary = CalibrationSummary(sessions: [one, two], options: StatisticsOptions(bootstrapReplicates: 100))
        #expect(summary.sessions == 2 && summary.artefacts == 52 && summary.reviewers == 3)
        #expect(summary.ratings == one.ratings.count + two.ratings.count)
        #expect(summary.hiringBar.decidedArtefacts == 40 && summary.hiringBar.meetingBar == 21)
        // Both sessions' reviewers agree perfectly within every unit.
        #expect(summary.agreement.alpha == 1)
        #expect(summary.agreementInterval != nil)
    }

    @Test func rankingMultiplierFollowsTheDocumentedFormula() throws {
        // Inseparable levels: 40 artefacts, α = 1, bar 21/40, no drift: 1 + 0.1 · 1 · 1 · ½(2 · 0.525 − 1).
        let bar = CalibrationSummary(sessions: [try Scenario.inseparableLevels().session()], options: StatisticsOptions(bootstrapReplicates: 0))
        #expect(isClose(bar.rankingMultiplier(), 1 + 0.1 * 0.5 * (2 * 0.525 - 1)))
        // Drift: 12 artefacts (weight 12/40), α = 1, no verdicts, systematic drift of +0.5 per artefact (quality +1,
        // communication 0): 1 + 0.1 · 0.3 · 1 · ½ · 0.5.
        let drift = CalibrationSummary(sessions: [try Scenario.drift().session()], options: StatisticsOptions(bootstrapReplicates: 0))
        #expect(drift.drift.direction == .reviewersHigher)
        #expect(isClose(drift.rankingMultiplier(), 1 + 0.1 * 0.3 * 0.25))
    }

    @Test func neutralWithoutEnoughEvidenceAndBoundedOtherwise() throws {
        let policy = RankingPolicy()
        #expect(policy.multiplier(for: nil) == 1)
        let small = CalibrationSummary(sessions: [try Scenario.drift(count: 9).session()], options: StatisticsOptions(bootstrapReplicates: 0))
        #expect(small.rankingMultiplier() == 1)
        let disagreeing = CalibrationSummary(sessions: [try Scenario.disagreement().session()], options: StatisticsOptions(bootstrapReplicates: 0))
        #expect(try #require(disagreeing.agreement.alpha) < 0.8)
        #expect(CalibrationSummary(sessions: [], options: StatisticsOptions(bootstrapReplicates: 0)).rankingMultiplier() == 1)

        // Best and worst cases reach the ends of the band and no further.
        for (offset, meets) in [(2, true), (-2, false)] {
            var builder = SessionBuilder(rubric: try sampleRubric())
            for index in 0..<50 {
                let issuer = offset > 0 ? index % 2 : 2 + index % 2
                builder.add("a\(index)", issuer: ["quality": issuer], levels: ["quality": [issuer + offset, issuer + offset]], bar: [meets, meets])
            }
            let summary = CalibrationSummary(sessions: [try builder.session()], options: StatisticsOptions(bootstrapReplicates: 0))
            #expect(isClose(summary.rankingMultiplier(), meets ? 1.1 : 0.9), "offset \(offset)")
        }
    }
}
