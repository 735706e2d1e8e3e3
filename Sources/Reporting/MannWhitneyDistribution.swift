/// The exact null distribution of the Mann–Whitney U statistic for samples of sizes m and n without ties.
///
/// The number of arrangements with U = u is the coefficient of qᵘ in the Gaussian binomial coefficient
/// [m+n choose m]_q = ∏ᵢ₌₁ᵐ (1 − q^(n+i)) / (1 − qⁱ); building it one factor pair at a time costs O(min(m,n)·m·n),
/// so one small sample with one large sample is still cheap. Coefficients below n + 1 involve no subtraction, so the
/// lower tail is exact to rounding; callers read two-sided p-values from the lower tail.
struct MannWhitneyDistribution {
    /// P(U = u) for u = 0…m·n.
    let probabilities: [Double]

    /// The distribution, or nil when m·n exceeds `maximumCells` (callers then use the normal approximation).
    init?(_ m: Int, _ n: Int, maximumCells: Int = 1_000_000) {
        guard m > 0, n > 0, m * n <= maximumCells else { return nil }
        let small = min(m, n)
        let large = max(m, n)
        var counts = [Double](repeating: 0, count: small * large + 1)
        counts[0] = 1
        for i in 1...small {
            let degree = i * large
            // ÷ (1 − qⁱ) as a power series truncated at the final degree: c′[u] = c[u] + c′[u − i].
            for u in i...degree { counts[u] += counts[u - i] }
            // × (1 − q^(large+i)), from the top down so each coefficient is read before it is changed.
            let shift = large + i
            if degree >= shift {
                for u in stride(from: degree, through: shift, by: -1) { counts[u] -= counts[u - shift] }
            }
        }
        let total = counts.reduce(0, +)
        probabilities = counts.map { max(0, $0) / total }
    }

    /// P(U ≤ u).
    func cdf(_ u: Int) -> Double {
        guard u >= 0 else { return 0 }
        return min(1, probabilities.prefix(u + 1).reduce(0, +))
    }

    /// P(U ≥ u).
    func upperTail(_ u: Int) -> Double {
        guard u < probabilities.count else { return 0 }
        return min(1, probabilities[max(0, u)...].reduce(0, +))
    }
}
