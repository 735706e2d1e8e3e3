public import Reporting

/// Cohen's kappa between two raters on k ordered categories, unweighted or weighted, with the large-sample
/// standard errors of Fleiss, Cohen & Everitt (1969).
///
/// With agreement weights w (1 on the diagonal), observed and chance agreement p_o = Σ w_ij p_ij and
/// p_e = Σ w_ij p_i· p_·j give κ = (p_o − p_e)/(1 − p_e). The standard error for the interval is
/// √{[Σ p_ij (w_ij − (w̄_i· + w̄_·j)(1 − κ))² − (κ − p_e(1 − κ))²] / [n (1 − p_e)²]}, with
/// w̄_i· = Σ_j p_·j w_ij and w̄_·j = Σ_i p_i· w_ij; the test of κ = 0 uses the null standard error
/// √{[Σ p_i· p_·j (w_ij − (w̄_i· + w̄_·j))² − p_e²] / [n (1 − p_e)²]}. The first is the "ASE" of R's
/// `vcd::Kappa`; the interval is the Wald interval κ ± z·SE.
public struct CohenKappa: Sendable, Hashable, Codable {
    /// κ; nil when p_e = 1 (both raters used one and the same category for everything) or there are no pairs.
    public let kappa: Double?
    /// Standard error for the confidence interval.
    public let standardError: Double?
    /// Standard error under H₀: κ = 0.
    public let nullStandardError: Double?
    /// κ ± z·SE at the requested confidence.
    public let interval: ConfidenceInterval?
    /// κ / SE₀.
    public let z: Double?
    /// Two-sided p-value of `z`.
    public let pValue: Double?
    /// p_o.
    public let observedAgreement: Double
    /// p_e.
    public let expectedAgreement: Double
    /// Number of rated pairs.
    public let count: Int

    /// Kappa from a k × k table of counts: rows rater A's category, columns rater B's.
    public init(table: [[Int]], weighting: KappaWeighting = .unweighted, confidence: Double = 0.95) {
        let k = table.count
        let n = table.joined().reduce(0, +)
        count = n
        guard k > 0, n > 0, table.allSatisfy({ $0.count == k }), table.joined().allSatisfy({ $0 >= 0 }),
            let w = weighting.agreementWeights(categories: k)
        else {
            (kappa, standardError, nullStandardError, interval, z, pValue) = (nil, nil, nil, nil, nil, nil)
            (observedAgreement, expectedAgreement) = (0, 0)
            return
        }
        let total = Double(n)
        let p = table.map { row in row.map { Double($0) / total } }
        let rows = p.map { $0.reduce(0, +) }
        let columns = (0..<k).map { j in p.reduce(0) { $0 + $1[j] } }
        var observed = 0.0
        var expected = 0.0
        for i in 0..<k {
            for j in 0..<k {
                observed += w[i][j] * p[i][j]
                expected += w[i][j] * rows[i] * columns[j]
            }
        }
        observedAgreement = observed
        expectedAgreement = expected
        guard expected < 1 - 1e-12 else {
            (kappa, standardError, nullStandardError, interval, z, pValue) = (nil, nil, nil, nil, nil, nil)
            return
        }
        let kappa = (observed - expected) / (1 - expected)
        self.kappa = kappa
        let rowMeans = (0..<k).map { i in (0..<k).reduce(0) { $0 + columns[$1] * w[i][$1] } }
        let columnMeans = (0..<k).map { j in (0..<k).reduce(0) { $0 + rows[$1] * w[$1][j] } }
        var spread = 0.0
        var nullSpread = 0.0
        for i in 0..<k {
            for j in 0..<k {
                let term = w[i][j] - (rowMeans[i] + columnMeans[j]) * (1 - kappa)
                spread += p[i][j] * term * term
                let nullTerm = w[i][j] - (rowMeans[i] + columnMeans[j])
                nullSpread += rows[i] * columns[j] * nullTerm * nullTerm
            }
        }
        let scale = total * (1 - expected) * (1 - expected)
        let correction = kappa - expected * (1 - kappa)
        // Rounding can leave a tiny negative variance when agreement is perfect; the error is then 0.
        let standardError = (max(0, spread - correction * correction) / scale).squareRoot()
        let nullStandardError = (max(0, nullSpread - expected * expected) / scale).squareRoot()
        self.standardError = standardError
        self.nullStandardError = nullStandardError
        let critical = NormalDistribution.criticalValue(confidence: confidence)
        interval = ConfidenceInterval(lower: kappa - critical * standardError, upper: kappa + critical * standardError, confidence: confidence)
        let z = nullStandardError > 0 ? kappa / nullStandardError : nil
        self.z = z
        pValue = z.map(NormalDistribution.twoSidedPValue)
    }

    /// Kappa from paired ratings given as category positions 0..<categories; pairs outside that range are ignored.
    public init(pairs: [(Int, Int)], categories: Int, weighting: KappaWeighting = .unweighted, confidence: Double = 0.95) {
        var table = [[Int]](repeating: [Int](repeating: 0, count: max(0, categories)), count: max(0, categories))
        for (a, b) in pairs where (0..<categories).contains(a) && (0..<categories).contains(b) { table[a][b] += 1 }
        self.init(table: table, weighting: weighting, confidence: confidence)
    }
}
