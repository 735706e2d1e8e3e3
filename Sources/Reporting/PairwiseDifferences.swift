/// Order statistics of all m·n differences xᵢ − yⱼ without building them, so Hodges–Lehmann estimates stay cheap for
/// cohorts of any size.
///
/// Counting the differences ≤ t takes one O(m + n) two-pointer pass over the sorted samples (floating-point
/// subtraction is monotone in each argument, so the computed differences keep the order the pass relies on). The
/// k-th smallest is the smallest double t with count(t) ≥ k, found by bisecting the doubles in their total order
/// (at most 64 steps); that t is always one of the computed differences, so the result is exact.
struct PairwiseDifferences {
    /// Ascending.
    private let x: [Double]
    /// Ascending.
    private let y: [Double]

    /// The differences of two non-empty samples; nil if either is empty.
    init?(_ first: [Double], _ second: [Double]) {
        guard !first.isEmpty, !second.isEmpty else { return nil }
        x = first.sorted()
        y = second.sorted()
    }

    var count: Int { x.count * y.count }

    /// The k-th smallest difference, 1-based, k clamped to 1…count.
    func orderStatistic(_ k: Int) -> Double {
        let target = min(max(k, 1), count)
        var low = Self.key(x[0] - y[y.count - 1])
        var high = Self.key(x[x.count - 1] - y[0])
        while low < high {
            let middle = low + (high - low) / 2
            if countAtMost(Self.value(middle)) >= target { high = middle } else { low = middle + 1 }
        }
        // + 0 turns −0 into 0.
        return Self.value(low) + 0
    }

    /// The median of the differences (mean of the two middle ones for an even count).
    var median: Double {
        count % 2 == 1 ? orderStatistic(count / 2 + 1) : (orderStatistic(count / 2) + orderStatistic(count / 2 + 1)) / 2
    }

    /// How many differences are ≤ t.
    private func countAtMost(_ t: Double) -> Int {
        var total = 0
        var j = 0
        for xi in x {
            // xᵢ − yⱼ falls as j grows; the first qualifying j only moves right as xᵢ grows.
            while j < y.count && xi - y[j] > t { j += 1 }
            total += y.count - j
        }
        return total
    }

    /// Maps doubles to unsigned integers in the same order (negatives reversed below the positives).
    private static func key(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    private static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }
}
