import Testing

@testable import Calibration

@Suite struct CohenKappaTests {
    /// Cohen (1968), "Weighted kappa", Table 1: two judges, 200 cases, three diagnoses (rows judge B, columns judge A).
    static let cohen1968 = [[88, 10, 2], [14, 40, 6], [18, 10, 12]]

    /// Unweighted κ = .492 with the Fleiss–Cohen–Everitt (1969) SE .051, as DMAR's worked vignette of Cohen's table
    /// prints them; full precision from an independent numpy implementation of the same formulas.
    @Test func unweightedMatchesCohen1968() throws {
        let result = CohenKappa(table: Self.cohen1968)
        #expect(printsAs(result.kappa, "0.492", places: 3))
        #expect(printsAs(result.standardError, "0.051", places: 3))
        #expect(isClose(result.kappa, 0.49152542372881347))
        #expect(isClose(result.standardError, 0.05100181557607786))
        #expect(isClose(result.nullStandardError, 0.051978936356595444))
        #expect(isClose(result.observedAgreement, 0.70) && isClose(result.expectedAgreement, 0.41))
        let interval = try #require(result.interval)
        #expect(printsAs(interval.lower, "0.392", places: 3) && printsAs(interval.upper, "0.591", places: 3))
    }

    /// Cohen's disagreement weights (0, 1, 3 / 1, 0, 6 / 3, 6, 0): κ_w = .348 (Cohen 1968: 1 − .90/1.38); FCE SE .0755.
    @Test func customWeightsMatchCohen1968() {
        let weights: [[Double]] = [[0, 1, 3], [1, 0, 6], [3, 6, 0]]
        let result = CohenKappa(table: Self.cohen1968, weighting: .disagreement(weights))
        #expect(printsAs(result.kappa, "0.348", places: 3))
        #expect(isClose(result.kappa, 1 - 0.90 / 1.38))
        #expect(printsAs(result.standardError, "0.0755", places: 4))
    }

    /// Quadratic weights on Cohen's table: κ_w = 0.4545455 (DMAR vignette); linear: 0.4736842 (numpy).
    @Test func ordinalWeightings() {
        let quadratic = CohenKappa(table: Self.cohen1968, weighting: .quadratic)
        #expect(printsAs(quadratic.kappa, "0.4545455", places: 7))
        #expect(isClose(quadratic.standardError, 0.06645368159107819))
        let linear = CohenKappa(table: Self.cohen1968, weighting: .linear)
        #expect(isClose(linear.kappa, 0.47368421052631576) && isClose(linear.standardError, 0.054432309177641525))
    }

    /// Wikipedia, "Cohen's kappa", worked example (50 grant proposals: 20 yes/yes, 5, 10, 15 no/no): κ = 0.4;
    /// and its "same agreement, different marginals" pair: κ = 0.1304 and 0.2593.
    @Test func wikipediaExamples() {
        #expect(isClose(CohenKappa(table: [[20, 5], [10, 15]]).kappa, 0.4))
        #expect(printsAs(CohenKappa(table: [[45, 15], [25, 15]]).kappa, "0.1304", places: 4))
        #expect(printsAs(CohenKappa(table: [[25, 35], [5, 35]]).kappa, "0.2593", places: 4))
    }

    /// A psychiatric-diagnosis table (proportions .75 .01 .04 / .05 .04 .01 / 0 0 .10, n = 100), hand-computed:
    /// p_o = .89, p_e = .66, κ = .23/.34 = .676; SE₀ = .0762 and z = 8.88 from the null standard error.
    @Test func testOfKappaZero() throws {
        let result = CohenKappa(table: [[75, 1, 4], [5, 4, 1], [0, 0, 10]])
        #expect(printsAs(result.kappa, "0.676", places: 3))
        #expect(printsAs(result.nullStandardError, "0.0762", places: 4))
        #expect(printsAs(result.z, "8.88", places: 2))
        #expect(try #require(result.pValue) < 1e-15)
    }

    @Test func pairsAndDegenerateTables() {
        let pairs = [(0, 0), (1, 1), (2, 2), (1, 1), (0, 1)]
        #expect(CohenKappa(pairs: pairs, categories: 3).kappa == CohenKappa(table: [[1, 1, 0], [0, 2, 0], [0, 0, 1]]).kappa)
        let perfect = CohenKappa(table: [[5, 0], [0, 7]])
        #expect(perfect.kappa == 1 && perfect.standardError == 0)
        // Both raters always say the same single category: p_e = 1, κ undefined.
        let single = CohenKappa(table: [[9, 0], [0, 0]])
        #expect(single.kappa == nil && single.count == 9)
        #expect(CohenKappa(table: []).kappa == nil)
        #expect(CohenKappa(table: [[1, 2], [3]]).kappa == nil)
        #expect(CohenKappa(table: [[1, 2], [3, 4]], weighting: .disagreement([[0, 1]])).kappa == nil)
    }
}

@Suite struct IntraclassCorrelationTests {
    /// Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges. Printed: ICC(1,1) .17, ICC(2,1) .29, ICC(3,1) .71,
    /// ICC(1,4) .44, ICC(2,4) .62, ICC(3,4) .91.
    @Test func reproducesShroutAndFleiss() throws {
        let ratings: [[Double]] = [[9, 2, 5, 8], [6, 1, 3, 2], [8, 4, 6, 8], [7, 1, 2, 6], [10, 5, 6, 9], [6, 2, 4, 7]]
        let icc = try #require(IntraclassCorrelation(ratings: ratings))
        #expect(printsAs(icc.icc11, "0.17", places: 2) && printsAs(icc.icc21, "0.29", places: 2) && printsAs(icc.icc31, "0.71", places: 2))
        #expect(printsAs(icc.icc1k, "0.44", places: 2) && printsAs(icc.icc2k, "0.62", places: 2) && printsAs(icc.icc3k, "0.91", places: 2))
        #expect(isClose(icc.icc21, 0.2897637795275592))
        #expect(icc.targets == 6 && icc.judges == 4)
    }

    @Test func rejectsIncompleteOrConstantData() {
        #expect(IntraclassCorrelation(ratings: [[1, 2]]) == nil)
        #expect(IntraclassCorrelation(ratings: [[1, 2], [3]]) == nil)
        #expect(IntraclassCorrelation(ratings: [[2, 2], [2, 2]]) == nil)
    }
}
