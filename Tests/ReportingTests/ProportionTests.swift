import Testing

@testable import Reporting

@Suite struct ProportionTests {
    /// Newcombe (1998), "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17,
    /// Table II, method 3 (score): 81/263, 15/148, 0/20, 1/29, printed to 4 places; full precision from
    /// `scipy.stats.binomtest(k, n).proportion_ci(0.95, method="wilson")`.
    @Test(arguments: [
        (81, 263, "0.2553", "0.3662", 0.2552885198782742, 0.36620957698280004),
        (15, 148, "0.0624", "0.1605", 0.06238639953073629, 0.16048724172330803),
        (0, 20, "0.0000", "0.1611", 0.0, 0.16112515805281935),
        (1, 29, "0.0061", "0.1718", 0.006113214292762667, 0.17175521879320282),
    ])
    func wilsonMatchesNewcombe(k: Int, n: Int, lower: String, upper: String, scipyLower: Double, scipyUpper: Double) throws {
        let interval = try #require(Proportion(successes: k, trials: n)?.wilsonInterval())
        #expect(printsAs(interval.lower, lower, places: 4))
        #expect(printsAs(interval.upper, upper, places: 4))
        #expect(isClose(interval.lower, scipyLower, tolerance: 1e-13))
        #expect(isClose(interval.upper, scipyUpper, tolerance: 1e-13))
    }

    @Test func wilsonAtTheEdges() throws {
        let all = try #require(Proportion(successes: 29, trials: 29)?.wilsonInterval())
        #expect(isClose(all.lower, 0.8830302015002592, tolerance: 1e-13))
        #expect(all.upper == 1)
        let single = try #require(Proportion(successes: 0, trials: 1)?.wilsonInterval())
        #expect(single.lower == 0 && isClose(single.upper, 0.7934506856227626, tolerance: 1e-13))
        #expect(Proportion(successes: 0, trials: 0)?.wilsonInterval() == nil)
        #expect(Proportion(successes: 0, trials: 0)?.rate == nil)
        #expect(Proportion(successes: 3, trials: 2) == nil)
        #expect(Proportion(successes: -1, trials: 2) == nil)
    }
}

@Suite struct TwoProportionTestTests {
    /// Newcombe (1998), "Interval estimation for the difference between independent proportions: comparison of
    /// eleven methods", Statistics in Medicine 17, Table II, method 10 (hybrid score), examples (a), (b), (d),
    /// printed to 4 places. z and p: |z| = √χ² and p from `scipy.stats.chi2_contingency(table, correction=False)`,
    /// the same test in another form; full-precision interval from the Wilson limits above.
    @Test(arguments: [
        (56, 70, 48, 80, "0.0524", "0.3339", 2.650171951258532, 0.008045081368196585),
        (9, 10, 3, 10, "0.1705", "0.8090", 2.7386127875258306, 0.0061698993205441645),
        (5, 56, 0, 29, "-0.0381", "0.1926", 1.6586488692392285, 0.09718656817057987),
    ])
    func matchesNewcombeAndScipy(a: Int, n1: Int, b: Int, n2: Int, lower: String, upper: String, z: Double, p: Double) throws {
        let test = TwoProportionTest(try #require(Proportion(successes: a, trials: n1)), try #require(Proportion(successes: b, trials: n2)))
        let interval = try #require(test.differenceInterval)
        #expect(printsAs(interval.lower, lower, places: 4))
        #expect(printsAs(interval.upper, upper, places: 4))
        #expect(isClose(test.z, z, tolerance: 1e-12))
        #expect(isClose(test.pValue, p, tolerance: 1e-12))
        #expect(isClose(test.difference, Double(a) / Double(n1) - Double(b) / Double(n2)))
    }

    @Test func largeGroupsFullPrecision() throws {
        let test = TwoProportionTest(try #require(Proportion(successes: 310, trials: 500)), try #require(Proportion(successes: 250, trials: 480)))
        #expect(isClose(test.pValue, 0.0017131280587579325, tolerance: 1e-12))
        #expect(isClose(test.differenceInterval?.lower, 0.03718039082639092, tolerance: 1e-13))
        #expect(isClose(test.differenceInterval?.upper, 0.1601306413390588, tolerance: 1e-13))
        #expect(test.warnings.isEmpty)
    }

    @Test func smallGroupsAreFlagged() throws {
        // 6/7 vs 2/7: both groups under 20, and expected counts (4 per cell) under 5.
        let test = TwoProportionTest(try #require(Proportion(successes: 6, trials: 7)), try #require(Proportion(successes: 2, trials: 7)))
        #expect(test.warnings.map(\.reason) == [.groupTooSmall, .groupTooSmall, .expectedCountTooSmall])
        #expect(test.warnings[2].message.contains("3.0"))
        // Groups of 40 and 400 with a rare outcome: sizes are fine, expected successes in the small group are not.
        let rare = TwoProportionTest(try #require(Proportion(successes: 1, trials: 40)), try #require(Proportion(successes: 12, trials: 400)))
        #expect(rare.warnings.map(\.reason) == [.expectedCountTooSmall])
    }

    @Test func identicalExtremeRatesHaveNoEvidenceOfDifference() throws {
        let test = TwoProportionTest(try #require(Proportion(successes: 30, trials: 30)), try #require(Proportion(successes: 25, trials: 25)))
        #expect(test.z == 0 && test.pValue == 1 && test.difference == 0)
        let empty = TwoProportionTest(try #require(Proportion(successes: 0, trials: 0)), try #require(Proportion(successes: 1, trials: 5)))
        #expect(empty.difference == nil && empty.pValue == nil && empty.differenceInterval == nil)
    }
}
