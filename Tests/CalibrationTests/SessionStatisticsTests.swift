import Testing

@testable import Calibration

@Suite struct DriftTests {
    @Test func signTestWithTiesDropped() {
        // 8 above, 1 below, 1 tie: p = 2·(1 + 9)/512 = 0.0390625 (scipy.stats.binomtest(8, 9).pvalue).
        let drift = Drift(differences: [1, 1, 1, 1, 1, 1, 1, 1.5, 0, -1])
        #expect(drift.higher == 8 && drift.lower == 1 && drift.ties == 1 && drift.artefacts == 10)
        #expect(isClose(drift.signTestPValue, 0.0390625))
        #expect(isClose(drift.meanDifference, 0.75))
        #expect(drift.direction == .reviewersHigher)
        #expect(Drift(differences: [1, 1, 1, 1, 1, 1, 1, 1.5, 0, -1], significance: 0.01).direction == .none)
    }

    @Test func balancedOrEmptyDataHaveNoDirection() {
        let balanced = Drift(differences: [1, -1, 1, -1, 0.5, -0.5])
        #expect(balanced.direction == .none && balanced.signTestPValue == 1 && balanced.meanDifference == 0)
        let empty = Drift(differences: [])
        #expect(empty.meanDifference == nil && empty.signTestPValue == 1 && empty.direction == .none)
        let lower = Drift(differences: Array(repeating: -1, count: 7))
        #expect(lower.direction == .reviewersLower && isClose(lower.signTestPValue, 2.0 / 128))
    }
}

@Suite struct SessionStatisticsTests {
    /// Six artefacts, three reviewers, both criteria; the expected figures are listed by hand next to each check.
    static func session() throws -> CalibrationSession {
        var builder = SessionBuilder(rubric: try sampleRubric())
        builder.add(
            "a1",
            issuer: ["quality": 1, "communication": 1],
            levels: ["quality": [2, 2, 1], "communication": [1, 1, 1]],
            bar: [true, true, false]
        )
        builder.add(
            "a2",
            issuer: ["quality": 1, "communication": 0],
            levels: ["quality": [2, 2, 2], "communication": [0, 1, 0]],
            bar: [true, false]
        )
        builder.add(
            "a3",
            issuer: ["quality": 2, "communication": 2],
            levels: ["quality": [3, 3, 2], "communication": [2, 2, 2]],
            bar: [true, true, true]
        )
        builder.add(
            "a4",
            issuer: ["quality": 0, "communication": 0],
            levels: ["quality": [0, 1, nil], "communication": [0, 0, nil]],
            bar: [false, false]
        )
        builder.add("a5", issuer: ["quality": 3], levels: ["quality": [3, 3, 3]], bar: [true, true, nil])
        builder.add("a6", issuer: ["quality": 2, "communication": 1], levels: [:], bar: [])
        return try builder.session()
    }

    @Test func perCriterionFigures() throws {
        let statistics = SessionStatistics(session: try Self.session(), options: StatisticsOptions(bootstrapReplicates: 200))
        let quality = try #require(statistics.criterion("quality"))
        // Units: a1 [2,2,1] a2 [2,2,2] a3 [3,3,2] a4 [0,1] a5 [3,3,3]; a6 unrated.
        #expect(quality.agreement == KrippendorffAlpha(units: [[2, 2, 1], [2, 2, 2], [3, 3, 2], [0, 1], [3, 3, 3], []], level: .ordinal))
        #expect(quality.ratedArtefacts == 5 && quality.ratings == 14)
        // Medians − issuer: a1 2−1, a2 2−1, a3 3−2, a4 0.5−0, a5 3−3 → +1, +1, +1, +0.5, 0.
        #expect(quality.drift.higher == 4 && quality.drift.ties == 1 && isClose(quality.drift.meanDifference, 0.7))
        // Kappa pairs (issuer, lower median): (1,2) (1,2) (2,3) (0,0) (3,3).
        #expect(quality.issuerKappa == CohenKappa(pairs: [(1, 2), (1, 2), (2, 3), (0, 0), (3, 3)], categories: 4, weighting: .quadratic))
        // Hiring bar by issuer level: q0: a4 no; q1: a1 yes (2–1), a2 split (1–1); q2: a3 yes (a6 no verdicts); q3: a5 yes.
        #expect(quality.hiringBar.map(\.levelID) == ["q0", "q1", "q2", "q3"])
        #expect(quality.hiringBar.map(\.bar.decidedArtefacts) == [1, 1, 1, 1])
        #expect(quality.hiringBar.map(\.bar.meetingBar) == [0, 1, 1, 1])
        #expect(quality.hiringBar[1].bar.splitArtefacts == 1)
        #expect(quality.agreementBootstrap?.replicates.isEmpty == false)
    }

    @Test func sessionWideFigures() throws {
        let statistics = SessionStatistics(session: try Self.session(), options: StatisticsOptions(bootstrapReplicates: 0))
        #expect(statistics.overallAgreementBootstrap == nil && statistics.criteria.first?.agreementBootstrap == nil)
        let units: [[Double]] = [[2, 2, 1], [2, 2, 2], [3, 3, 2], [0, 1], [3, 3, 3], [], [1, 1, 1], [0, 1, 0], [2, 2, 2], [0, 0], [], []]
        #expect(statistics.overallAgreement == KrippendorffAlpha(units: units, level: .ordinal))
        // Per artefact mean over criteria: a1 (1 + 0)/2, a2 (1 + 0)/2, a3 (1 + 0)/2, a4 (0.5 + 0)/2, a5 0.
        #expect(isClose(statistics.overallDrift.meanDifference, (0.5 + 0.5 + 0.5 + 0.25 + 0) / 5))
        // Majorities: a1 yes, a2 split, a3 yes, a4 no, a5 yes.
        #expect(statistics.hiringBar.meetingBar == 3 && statistics.hiringBar.decidedArtefacts == 4 && statistics.hiringBar.splitArtefacts == 1)
        #expect(statistics.hiringBar.rate == 0.75)
        #expect(statistics.reviewers == 3 && statistics.artefacts == 6 && statistics.ratings == 25)
    }

    @Test func evenReviewerCountsUseHalfLevelMediansForDriftAndLowerMediansForKappa() throws {
        var builder = SessionBuilder(rubric: try sampleRubric())
        builder.add("a1", issuer: ["quality": 1], levels: ["quality": [1, 2]])
        let observation = try #require(try builder.session().observations(for: try sampleRubric().criteria[0]).first)
        #expect(observation.median == 1.5 && observation.lowerMedian == 1 && observation.difference == 0.5 && observation.spread == 1)
    }
}
