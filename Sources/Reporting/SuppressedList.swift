/// A one-way table (counts per group that add up to a published total) after small-cell suppression.
///
/// With one equation (cells sum to the total), a hidden entry can be recomputed exactly when it is the only hidden
/// one. So after primary suppression, if exactly one entry among the cells and the total is hidden, the smallest
/// other entry is hidden too (the smallest cell, or the total when it is the only other entry) — at least two
/// cells suppressed, or the total with them. The cells must partition the total: report people who gave no group
/// as a cell of their own ("not stated"), since the total counts them.
public struct SuppressedList: Sendable, Hashable {
    /// The true counts, for computing derived figures before publication; never publish these directly.
    public let counts: [Int]
    /// The true total.
    public let total: Int
    /// The published cells, in input order.
    public let cells: [PublishedCount]
    /// The published total.
    public let publishedTotal: PublishedCount

    /// Suppresses `counts` (non-negative) and their sum under `rule`.
    public init(counts: [Int], rule: SuppressionRule = SuppressionRule()) {
        self.counts = counts
        let total = counts.reduce(0, +)
        self.total = total
        // The total is the last entry: it is never smaller than a cell, so it is picked only when nothing else is left.
        let entries = counts + [total]
        var reasons: [SuppressionReason?] = entries.map { rule.isSmall($0) ? .primary : nil }
        if reasons.filter({ $0 != nil }).count == 1 {
            let candidates = entries.indices.filter { reasons[$0] == nil }
            if let cheapest = candidates.min(by: { (entries[$0], $0) < (entries[$1], $1) }) {
                reasons[cheapest] = .complementary
            }
        }
        cells = zip(counts, reasons).map { count, reason in reason.map(PublishedCount.suppressed) ?? .shown(count) }
        publishedTotal = reasons[counts.count].map(PublishedCount.suppressed) ?? .shown(total)
    }
}
