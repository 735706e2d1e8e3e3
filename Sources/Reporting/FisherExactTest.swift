import Foundation

/// Fisher's exact test for a 2 × 2 table.
public enum FisherExactTest {
    /// Two-sided p-value for the table `[[a, b], [c, d]]` with its margins fixed.
    ///
    /// Sums the hypergeometric probabilities of every table with the same margins that is no more likely than the
    /// observed one, as scipy's `fisher_exact` (two-sided) and R's `fisher.test` do.
    public static func twoSidedPValue(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
        guard a >= 0, b >= 0, c >= 0, d >= 0 else { return 1 }
        let row1 = a + b
        let column1 = a + c
        let total = a + b + c + d
        guard total > 0 else { return 1 }
        let lowest = max(0, column1 - (total - row1))
        let highest = min(row1, column1)
        let observed = probability(a, row1: row1, column1: column1, total: total) * BinomialDistribution.relativeTolerance
        var sum = 0.0
        for x in lowest...highest {
            let p = probability(x, row1: row1, column1: column1, total: total)
            if p <= observed { sum += p }
        }
        return min(1, sum)
    }

    /// Hypergeometric probability of `x` in the top-left cell.
    private static func probability(_ x: Int, row1: Int, column1: Int, total: Int) -> Double {
        let logP =
            BinomialDistribution.logChoose(row1, x) + BinomialDistribution.logChoose(total - row1, column1 - x)
            - BinomialDistribution.logChoose(total, column1)
        return exp(logP)
    }
}
