/// Krippendorff's coincidence matrix over the distinct values of some reliability data, and alpha computed from it.
///
/// Each unit with m ≥ 2 values adds, for every ordered pair of values from different coders, 1/(m − 1) to the
/// cell of that value pair; units with fewer than two values are not pairable and add nothing. Krippendorff,
/// "Computing Krippendorff's Alpha-Reliability" (2011).
struct CoincidenceMatrix {
    /// Sorted distinct values; indices into `cells`.
    let values: [Double]
    /// o_ck, square.
    private(set) var cells: [[Double]]

    init(values: [Double]) {
        self.values = values
        cells = values.map { _ in [Double](repeating: 0, count: values.count) }
    }

    /// Adds a unit's contribution `times` times (bootstrap samples repeat units).
    mutating func add(_ contribution: UnitContribution, times: Int = 1) {
        for (c, k, weight) in contribution.pairs { cells[c][k] += weight * Double(times) }
    }

    /// α = 1 − (n − 1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, or why it is undefined.
    func alpha(level: MeasurementLevel) -> (alpha: Double?, reason: KrippendorffAlpha.UndefinedReason?, observed: Double, expected: Double, n: Double)
    {
        let marginals = cells.map { $0.reduce(0, +) }
        let n = marginals.reduce(0, +)
        guard n > 0 else { return (nil, .noPairableValues, 0, 0, 0) }
        let distance = differenceFunction(level: level, marginals: marginals)
        var observed = 0.0
        var expected = 0.0
        for c in values.indices {
            for k in values.indices where c != k {
                let delta = distance(c, k)
                observed += cells[c][k] * delta
                expected += marginals[c] * marginals[k] * delta
            }
        }
        let observedDisagreement = observed / n
        let expectedDisagreement = n > 1 ? expected / (n * (n - 1)) : 0
        // Every pairable value the same: nothing to agree or disagree about (α is 0/0).
        guard expectedDisagreement > 0 else { return (nil, .noVariation, observedDisagreement, 0, n) }
        return (1 - observedDisagreement / expectedDisagreement, nil, observedDisagreement, expectedDisagreement, n)
    }

    /// δ²(c, k) by value index. Ordinal uses the coincidence marginals: (Σ_{g=c…k} n_g − (n_c + n_k)/2)².
    private func differenceFunction(level: MeasurementLevel, marginals: [Double]) -> (Int, Int) -> Double {
        switch level {
        case .nominal:
            return { c, k in c == k ? 0 : 1 }
        case .interval:
            return { c, k in (values[c] - values[k]) * (values[c] - values[k]) }
        case .ratio:
            return { c, k in
                let sum = values[c] + values[k]
                return sum == 0 ? 0 : ((values[c] - values[k]) / sum) * ((values[c] - values[k]) / sum)
            }
        case .ordinal:
            var cumulative = [0.0]
            for marginal in marginals { cumulative.append(cumulative[cumulative.count - 1] + marginal) }
            return { c, k in
                let (low, high) = (min(c, k), max(c, k))
                let between = cumulative[high + 1] - cumulative[low] - (marginals[c] + marginals[k]) / 2
                return between * between
            }
        }
    }
}

/// One unit's additions to the coincidence matrix, as (value index, value index, weight) triples.
struct UnitContribution {
    let pairs: [(Int, Int, Double)]

    /// The contribution of a unit whose values have these indices; empty when the unit is not pairable.
    init(valueIndices: [Int]) {
        let m = valueIndices.count
        guard m >= 2 else {
            pairs = []
            return
        }
        var counts: [Int: Int] = [:]
        for index in valueIndices { counts[index, default: 0] += 1 }
        let weight = 1 / Double(m - 1)
        // Sorted, so sums run in the same order in every process (dictionary order is seeded per process).
        let sorted = counts.sorted { $0.key < $1.key }
        var pairs: [(Int, Int, Double)] = []
        for (c, nc) in sorted {
            for (k, nk) in sorted {
                let pairCount = c == k ? nc * (nc - 1) : nc * nk
                if pairCount > 0 { pairs.append((c, k, Double(pairCount) * weight)) }
            }
        }
        self.pairs = pairs
    }
}
