import Testing

@testable import Reporting

@Suite struct MannWhitneyTestTests {
    static let x1: [Double] = [19, 22, 16, 29, 24]
    static let y1: [Double] = [20, 11, 17, 12]
    static let x2 = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30]
    static let y2 = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
    static let x3: [Double] = [3, 4, 2, 6, 2, 5, 5, 4, 3, 3, 6, 7, 2, 4]
    static let y3: [Double] = [2, 1, 3, 1, 2, 2, 4, 3, 1, 2, 1, 3, 5, 2, 2, 1]
    static let x4 = [
        10.004, 10.896, 9.178, 7.328, 8.636, 7.025, 10.18, 14.021, 8.523, 8.139, 11.47, 11.071, 10.316, 7.209, 9.912,
        12.086, 5.967, 8.627, 4.296, 6.131, 4.475, 9.295, 6.198, 10.814, 10.47, 9.439, 2.45, 8.384, 9.854, 10.34,
    ]
    static let y4 = [
        6.785, 7.99, 7.917, 10.945, 5.062, 11.433, 9.128, 14.681, 14.871, 16.177, 14.302, 11.841, 14.579, 16.516,
        10.039, 13.831, 11.872, 16.32, 9.489, 11.095, 13.087, 12.774, 7.082, 13.08, 11.645,
    ]

    /// `scipy.stats.mannwhitneyu(x, y)` (method "auto"): statistic and p-value.
    @Test func matchesScipy() throws {
        let exact = try #require(MannWhitneyTest(Self.x1, Self.y1))
        #expect(exact.u == 17 && exact.method == .exact && exact.z == nil)
        #expect(isClose(exact.pValue, 0.1111111111111111))
        #expect(isClose(exact.probabilityOfSuperiority, 17.0 / 20))

        // Ties (1.06, 1.29): normal approximation even though the samples are small.
        let tied = try #require(MannWhitneyTest(Self.x2, Self.y2))
        #expect(tied.u == 58 && tied.method == .normalApproximation)
        #expect(isClose(tied.pValue, 0.13291945818531892))

        let manyTies = try #require(MannWhitneyTest(Self.x3, Self.y3))
        #expect(manyTies.u == 184 && isClose(manyTies.pValue, 0.002388053151271087))

        let large = try #require(MannWhitneyTest(Self.x4, Self.y4))
        #expect(large.u == 175 && large.method == .normalApproximation)
        #expect(isClose(large.pValue, 0.0007457962473001396))
        #expect(large.warnings.isEmpty)
        #expect(manyTies.warnings.map(\.reason) == [.groupTooSmall, .groupTooSmall])
    }

    @Test func exactWithOneSmallSample() throws {
        // scipy.stats.mannwhitneyu(x5, y5, method="exact").pvalue == the "auto" value (7 ≤ 8, no ties).
        let test = try #require(
            MannWhitneyTest(
                [1.1, 2.3, 0.4, 5.6, 3.3, 2.2, 4.1],
                [0.2, -1.0, 1.5, 0.7, 2.05, -0.3, 0.9, 1.25, 0.35, -0.6, 1.95, 0.05]
            )
        )
        #expect(test.method == .exact)
        #expect(isClose(test.pValue, 0.00523934270064301))
    }

    @Test func degenerateSamples() throws {
        #expect(MannWhitneyTest([], [1]) == nil)
        #expect(MannWhitneyTest([.nan, .infinity], [1]) == nil)
        #expect(try #require(MannWhitneyTest(Self.x1 + [.nan], Self.y1)).u == 17)
        let allTied = try #require(MannWhitneyTest([2, 2, 2, 2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2, 2, 2, 2]))
        #expect(allTied.pValue == 1 && allTied.z == 0 && allTied.u == 40.5)
        let swapped = try #require(MannWhitneyTest(Self.y1, Self.x1))
        #expect(swapped.u == 3 && isClose(swapped.pValue, 0.1111111111111111))
    }
}

@Suite struct MannWhitneyDistributionTests {
    /// The distribution against direct enumeration of every split of the pooled ranks.
    @Test(arguments: [(1, 1), (2, 3), (4, 4), (3, 7), (6, 5), (8, 2)])
    func matchesEnumeration(m: Int, n: Int) throws {
        let distribution = try #require(MannWhitneyDistribution(m, n))
        var counts = [Int](repeating: 0, count: m * n + 1)
        for mask in 0..<(1 << (m + n)) where mask.nonzeroBitCount == m {
            // U counts (x, y) pairs with x above y: for each chosen position, the unchosen positions below it.
            var u = 0
            var unchosenBelow = 0
            for position in 0..<(m + n) {
                if mask & (1 << position) != 0 { u += unchosenBelow } else { unchosenBelow += 1 }
            }
            counts[u] += 1
        }
        let total = Double(counts.reduce(0, +))
        for (u, count) in counts.enumerated() {
            #expect(isClose(distribution.probabilities[u], Double(count) / total, tolerance: 1e-14), "U = \(u)")
        }
    }

    @Test func largeUnbalancedSamplesStayCheapAndNormalised() throws {
        let distribution = try #require(MannWhitneyDistribution(8, 5000))
        #expect(isClose(distribution.probabilities.reduce(0, +), 1, tolerance: 1e-12))
        // P(U = 0) = 1 / C(5008, 8) (Python: 1 / math.comb(5008, 8)).
        #expect(isClose(distribution.cdf(0) / 1.0247910855224805e-25, 1, tolerance: 1e-12))
        #expect(MannWhitneyDistribution(2000, 2000) == nil)
    }
}

@Suite struct HodgesLehmannTests {
    /// Expected values from a brute-force Python implementation (median of all differences; k from the exact
    /// null distribution obtained by enumerating every split of the pooled ranks), see References/reporting_refs.py.
    @Test func exactIntervalMatchesEnumeration() throws {
        let x: [Double] = [19, 22, 16, 29, 24]
        let y: [Double] = [20, 11, 17, 12]
        let ninety = try #require(HodgesLehmannEstimate(x, y, confidence: 0.90))
        #expect(ninety.shift == 7 && ninety.isExact)
        #expect(ninety.interval?.lower == -1 && ninety.interval?.upper == 13)
        let ninetyFive = try #require(HodgesLehmannEstimate(x, y))
        #expect(ninetyFive.interval?.lower == -1 && ninetyFive.interval?.upper == 17)

        let longer = try #require(
            HodgesLehmannEstimate(
                [1.1, 2.3, 0.4, 5.6, 3.3, 2.2, 4.1],
                [0.2, -1.0, 1.5, 0.7, 2.05, -0.3, 0.9, 1.25, 0.35, -0.6, 1.95, 0.05]
            )
        )
        #expect(isClose(longer.shift, 2.05))
        #expect(isClose(longer.interval?.lower, 0.40000000000000013) && isClose(longer.interval?.upper, 3.6499999999999995))
    }

    @Test func nonFiniteValuesAreIgnored() throws {
        #expect(try #require(HodgesLehmannEstimate([19, 22, 16, 29, 24, .nan], [20, 11, 17, 12])).shift == 7)
        #expect(HodgesLehmannEstimate([.infinity], [1]) == nil)
    }

    @Test func tooSmallForTheConfidenceGivesNoInterval() throws {
        // With 2 + 2 values the most extreme U has probability 1/6 > 0.025.
        let estimate = try #require(HodgesLehmannEstimate([5, 6], [1, 2]))
        #expect(estimate.shift == 4 && estimate.interval == nil)
    }

    @Test func normalApproximationWithTies() throws {
        // Ties force the approximation: k = ⌊mn/2 + ½ − 1.959964·σ⌋ with the tie-corrected σ. By hand: m = 14,
        // n = 16, tie groups 5, 9, 6, 4, 3, 2, 1 → Σ (t³ − t) = 1140, σ² = 224/12 · (31 − 1140/870), σ = 23.5416,
        // k = 66, interval = (1, 3) (the 66th smallest and largest differences; numpy check in References/reporting_refs.py).
        let x: [Double] = [3, 4, 2, 6, 2, 5, 5, 4, 3, 3, 6, 7, 2, 4]
        let y: [Double] = [2, 1, 3, 1, 2, 2, 4, 3, 1, 2, 1, 3, 5, 2, 2, 1]
        let estimate = try #require(HodgesLehmannEstimate(x, y))
        #expect(!estimate.isExact && estimate.shift == 2)
        #expect(estimate.interval?.lower == 1 && estimate.interval?.upper == 3)
        #expect(estimate.interval?.contains(estimate.shift) == true)
    }
}

@Suite struct PairwiseDifferencesTests {
    /// Every order statistic against the sorted list of all differences, with ties, negatives and zeros.
    @Test func orderStatisticsMatchSortingEveryDifference() throws {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<40 {
            let x = (0..<(1 + generator.index(below: 12))).map { _ in Double(generator.index(below: 21)) / 4 - 2 }
            let y = (0..<(1 + generator.index(below: 12))).map { _ in Double(generator.index(below: 21)) / 4 - 2 }
            let differences = try #require(PairwiseDifferences(x, y))
            let sorted = x.flatMap { a in y.map { a - $0 } }.sorted()
            for k in 1...sorted.count { #expect(differences.orderStatistic(k) == sorted[k - 1] + 0, "\(x) \(y) k=\(k)") }
        }
        #expect(PairwiseDifferences([], [1]) == nil)
    }

    @Test func largeCohortsStayCheap() throws {
        // 5 000 × 4 000 differences (2e7, 160 MB as doubles) are never built; the report measures 200 000 × 150 000.
        // Uniform values over 1000 shifted by 50: SE of the shift ≈ 289·√(1/5 000 + 1/4 000) ≈ 6.1.
        var generator = SeededGenerator(seed: 11)
        let x = (0..<5_000).map { _ in Double(generator.index(below: 1_000_000)) / 1000 }
        let y = (0..<4_000).map { _ in Double(generator.index(below: 1_000_000)) / 1000 - 50 }
        let estimate = try #require(HodgesLehmannEstimate(x, y))
        #expect(abs(estimate.shift - 50) < 20)
        let interval = try #require(estimate.interval)
        #expect(interval.lower < estimate.shift && estimate.shift < interval.upper && interval.upper - interval.lower < 35)
    }
}
