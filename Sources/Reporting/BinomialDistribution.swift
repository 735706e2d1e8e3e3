import Foundation

/// The binomial distribution Bin(n, p) and the exact two-sided binomial test.
public enum BinomialDistribution {
    /// Relative tolerance when comparing probabilities of outcomes, as scipy's `binomtest` and `fisher_exact` use,
    /// so that outcomes exactly as likely as the observed one are not lost to rounding.
    static let relativeTolerance = 1 + 1e-7

    /// log C(n, k).
    static func logChoose(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
    }

    /// P(X = k).
    public static func pmf(_ k: Int, trials n: Int, probability p: Double) -> Double {
        guard n >= 0, k >= 0, k <= n else { return 0 }
        if p == 0 { return k == 0 ? 1 : 0 }
        if p == 1 { return k == n ? 1 : 0 }
        return exp(logChoose(n, k) + Double(k) * log(p) + Double(n - k) * log1p(-p))
    }

    /// P(X ≤ k), summed from whichever end has fewer terms and clamped to [0, 1].
    public static func cdf(_ k: Int, trials n: Int, probability p: Double) -> Double {
        if k < 0 { return 0 }
        if k >= n { return 1 }
        if k <= n / 2 {
            return min(1, (0...k).reduce(0) { $0 + pmf($1, trials: n, probability: p) })
        }
        return max(0, 1 - survival(k, trials: n, probability: p))
    }

    /// P(X > k).
    public static func survival(_ k: Int, trials n: Int, probability p: Double) -> Double {
        if k < 0 { return 1 }
        if k >= n { return 0 }
        if k >= n / 2 {
            return min(1, ((k + 1)...n).reduce(0) { $0 + pmf($1, trials: n, probability: p) })
        }
        return max(0, 1 - cdf(k, trials: n, probability: p))
    }

    /// Exact two-sided p-value for `successes` out of `trials` under H₀: probability = `probability`.
    ///
    /// The two-sided p sums the probabilities of every outcome no more likely than the observed one
    /// (the "minimum likelihood" method of scipy's `binomtest` and R's `binom.test`). At p = 0.5 this equals
    /// twice the smaller tail, the sign test.
    public static func twoSidedPValue(successes k: Int, trials n: Int, probability p: Double = 0.5) -> Double {
        guard n > 0, k >= 0, k <= n else { return 1 }
        let observed = pmf(k, trials: n, probability: p) * relativeTolerance
        var total = 0.0
        for j in 0...n {
            let probabilityOfJ = pmf(j, trials: n, probability: p)
            if probabilityOfJ <= observed { total += probabilityOfJ }
        }
        return min(1, total)
    }
}
