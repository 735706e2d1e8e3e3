/// Mid-ranks of a sample and the sizes of its tie groups.
struct Ranks {
    /// The rank of each value in input order, 1-based; tied values share the mean of their ranks.
    let ranks: [Double]
    /// The size of every group of tied values, singletons included.
    let tieGroupSizes: [Int]

    init(_ values: [Double]) {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var groups: [Int] = []
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let midRank = Double(start + end + 2) / 2
            for position in start...end { ranks[order[position]] = midRank }
            groups.append(end - start + 1)
            start = end + 1
        }
        self.ranks = ranks
        self.tieGroupSizes = groups
    }

    /// Whether any two values are equal.
    var hasTies: Bool { tieGroupSizes.contains { $0 > 1 } }

    /// Σ (t³ − t) over tie groups, the tie-correction term of rank-test variances.
    var tieTerm: Double {
        tieGroupSizes.reduce(0) { sum, t in sum + Double(t * t * t - t) }
    }
}
