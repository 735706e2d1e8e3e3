import Foundation
import Testing

@testable import Reporting

/// Reference values from scipy 1.17.1 (`scipy.stats.norm`, `binom`, `binomtest`, `fisher_exact`), computed in
/// References/reporting_refs.py and pasted as constants.
@Suite struct NormalDistributionTests {
    @Test(arguments: [
        (-37, 5.7255712225239266e-300), (-10, 7.61985302416047e-24), (-5, 2.866515718791933e-07),
        (-1.96, 0.024997895148220435), (-1, 0.15865525393145707), (0, 0.5), (0.5, 0.6914624612740131),
        (3, 0.9986501019683699),
    ])
    func cdfMatchesScipy(x: Double, expected: Double) {
        // scipy.stats.norm.cdf(x). In the far tail both scipy and this code are ~1e−13 off mpmath.ncdf (30 digits:
        // 5.7255712225245768e−300 at −37), the limit set by rounding x/√2 where erfc falls like exp(−t²).
        #expect(abs(NormalDistribution.cdf(x) - expected) <= 2.5e-13 * expected)
    }

    @Test func upperTailKeepsPrecisionWhereTheCDFRoundsToOne() {
        // scipy.stats.norm.sf(8.2) and sf(3)
        #expect(isClose(NormalDistribution.survival(8.2) / 1.2019351542735735e-16, 1, tolerance: 1e-13))
        #expect(isClose(NormalDistribution.survival(3), 0.0013498980316300933, tolerance: 1e-15))
    }

    @Test(arguments: [
        (1e-300, -37.0470962993612), (1e-20, -9.262340089798409), (1e-10, -6.361340902404056),
        (0.001, -3.090232306167813), (0.02425, -1.972961051311885), (0.025, -1.9599639845400545),
        (0.1, -1.2815515655446004), (0.3, -0.5244005127080409), (0.5, 0.0), (0.7, 0.5244005127080407),
        (0.975, 1.959963984540054), (0.999, 3.090232306167813), (0.9999999999, 6.361340889697422),
    ])
    func quantileMatchesScipy(p: Double, expected: Double) {
        // scipy.stats.norm.ppf(p)
        #expect(abs(NormalDistribution.quantile(p) - expected) <= 1e-13 * max(1, abs(expected)))
    }

    @Test func quantileEdgesAndCriticalValue() {
        #expect(NormalDistribution.quantile(0) == -.infinity)
        #expect(NormalDistribution.quantile(1) == .infinity)
        #expect(NormalDistribution.quantile(1.5).isNaN)
        #expect(printsAs(NormalDistribution.criticalValue(confidence: 0.95), "1.959964", places: 6))
        #expect(printsAs(NormalDistribution.twoSidedPValue(-1.96), "0.049996", places: 6))
    }

    @Test func quantileInvertsTheCDFAcrossTheRange() {
        for exponent in stride(from: -15.0, through: -0.5, by: 0.25) {
            let p = pow(10, exponent)
            #expect(isClose(NormalDistribution.cdf(NormalDistribution.quantile(p)) / p, 1, tolerance: 1e-12))
        }
    }
}

@Suite struct BinomialDistributionTests {
    // (k, n, p, pmf, cdf, sf, binomtest two-sided p), from scipy.stats.binom and scipy.stats.binomtest.
    static let cases: [(Int, Int, Double, Double, Double, Double, Double)] = [
        (3, 10, 0.5, 0.1171875, 0.171875, 0.828125, 0.34375),
        (0, 20, 0.3, 0.0007979226629761171, 0.0007979226629761204, 0.9992020773370239, 0.0010589696700355874),
        (7, 20, 0.3, 0.1642619852172366, 0.7722717974181608, 0.22772820258183926, 0.6294979666766769),
        (15, 40, 0.25, 0.02819236393489193, 0.9737551159162571, 0.026244884083742925, 0.09771123059065044),
        (120, 300, 0.45, 0.010191157976061122, 0.045781601603883434, 0.9542183983961166, 0.08205916556579493),
    ]

    @Test func matchesScipy() {
        for (k, n, p, pmf, cdf, sf, twoSided) in Self.cases {
            #expect(isClose(BinomialDistribution.pmf(k, trials: n, probability: p), pmf, tolerance: 1e-12), "pmf \(k) \(n)")
            #expect(isClose(BinomialDistribution.cdf(k, trials: n, probability: p), cdf, tolerance: 1e-12), "cdf \(k) \(n)")
            #expect(isClose(BinomialDistribution.survival(k, trials: n, probability: p), sf, tolerance: 1e-12), "sf \(k) \(n)")
            #expect(isClose(BinomialDistribution.twoSidedPValue(successes: k, trials: n, probability: p), twoSided, tolerance: 1e-12))
        }
    }

    @Test func signTestIsTwiceTheSmallerTail() {
        // 1 positive of 10 non-tied differences: 2 × (1 + 10) / 1024.
        #expect(isClose(BinomialDistribution.twoSidedPValue(successes: 1, trials: 10), 22.0 / 1024))
        #expect(BinomialDistribution.twoSidedPValue(successes: 5, trials: 10) == 1)
        #expect(BinomialDistribution.twoSidedPValue(successes: 0, trials: 0) == 1)
    }

    @Test func degenerateProbabilities() {
        #expect(BinomialDistribution.pmf(0, trials: 5, probability: 0) == 1)
        #expect(BinomialDistribution.pmf(5, trials: 5, probability: 1) == 1)
        #expect(BinomialDistribution.pmf(6, trials: 5, probability: 0.5) == 0)
        #expect(BinomialDistribution.cdf(-1, trials: 5, probability: 0.5) == 0)
        #expect(BinomialDistribution.survival(5, trials: 5, probability: 0.5) == 0)
    }
}

@Suite struct FisherExactTestTests {
    @Test func matchesScipy() {
        // scipy.stats.fisher_exact(table).pvalue; the first is Fisher's tea-tasting experiment (17/35).
        #expect(isClose(FisherExactTest.twoSidedPValue(3, 1, 1, 3), 0.48571428571428565))
        #expect(isClose(FisherExactTest.twoSidedPValue(8, 2, 1, 5), 0.034965034965034975))
        #expect(isClose(FisherExactTest.twoSidedPValue(10, 10, 10, 10), 1))
        #expect(isClose(FisherExactTest.twoSidedPValue(0, 12, 9, 3), 0.000336519046978059, tolerance: 1e-13))
        #expect(isClose(FisherExactTest.twoSidedPValue(25, 15, 12, 30), 0.003636276386660547, tolerance: 1e-13))
    }

    @Test func emptyAndInvalidTables() {
        #expect(FisherExactTest.twoSidedPValue(0, 0, 0, 0) == 1)
        #expect(FisherExactTest.twoSidedPValue(-1, 0, 0, 0) == 1)
    }
}
