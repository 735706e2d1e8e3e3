/// Intraclass correlations for n targets each rated by the same k judges (Shrout & Fleiss 1979).
///
/// From the two-way ANOVA mean squares — between targets (BMS), between judges (JMS), within targets (WMS) and
/// residual (EMS):
/// ICC(1,1) = (BMS − WMS)/(BMS + (k−1)WMS); ICC(2,1) = (BMS − EMS)/(BMS + (k−1)EMS + k(JMS − EMS)/n);
/// ICC(3,1) = (BMS − EMS)/(BMS + (k−1)EMS); and the reliabilities of the mean of k judges,
/// ICC(1,k) = (BMS − WMS)/BMS, ICC(2,k) = (BMS − EMS)/(BMS + (JMS − EMS)/n), ICC(3,k) = (BMS − EMS)/BMS.
/// ICC(2,1) — judges a random sample of reviewers, absolute agreement — is the one calibration sessions want.
public struct IntraclassCorrelation: Sendable, Hashable, Codable {
    public let icc11: Double
    public let icc21: Double
    public let icc31: Double
    public let icc1k: Double
    public let icc2k: Double
    public let icc3k: Double
    /// n, the number of targets.
    public let targets: Int
    /// k, the number of judges.
    public let judges: Int

    /// ICCs for a complete targets × judges matrix; nil unless there are ≥ 2 targets, ≥ 2 judges, every row has k
    /// ratings and the targets differ at all (BMS > 0).
    public init?(ratings: [[Double]]) {
        let n = ratings.count
        let k = ratings.first?.count ?? 0
        guard n >= 2, k >= 2, ratings.allSatisfy({ $0.count == k }) else { return nil }
        let grand = ratings.joined().reduce(0, +) / Double(n * k)
        let targetMeans = ratings.map { $0.reduce(0, +) / Double(k) }
        let judgeMeans = (0..<k).map { j in ratings.reduce(0) { $0 + $1[j] } / Double(n) }
        let total = ratings.joined().reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let betweenTargets = Double(k) * targetMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let betweenJudges = Double(n) * judgeMeans.reduce(0) { $0 + ($1 - grand) * ($1 - grand) }
        let bms = betweenTargets / Double(n - 1)
        let jms = betweenJudges / Double(k - 1)
        let wms = (total - betweenTargets) / Double(n * (k - 1))
        let ems = (total - betweenTargets - betweenJudges) / Double((n - 1) * (k - 1))
        guard bms > 0 else { return nil }
        let kk = Double(k)
        let nn = Double(n)
        icc11 = (bms - wms) / (bms + (kk - 1) * wms)
        icc21 = (bms - ems) / (bms + (kk - 1) * ems + kk * (jms - ems) / nn)
        icc31 = (bms - ems) / (bms + (kk - 1) * ems)
        icc1k = (bms - wms) / bms
        icc2k = (bms - ems) / (bms + (jms - ems) / nn)
        icc3k = (bms - ems) / bms
        targets = n
        judges = k
    }
}
