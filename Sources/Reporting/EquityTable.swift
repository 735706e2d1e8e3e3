/// Who earns, shares and is shortlisted, by self-reported group, as it may be published: counts under the threshold
/// and their complements hidden, and every rate or ratio derived from a hidden count hidden with it.
///
/// Each earner counts once, in the furthest stage reached: **earned only** (holds a credential, not discoverable),
/// **shared, not shortlisted** (discoverable, no employer shortlisted them), **shortlisted**. These three stages
/// partition every group, so group × stage is a table whose margins are the group sizes and the stage totals, and
/// `SuppressedTable` protects it (see there why that stops recomputation). The cumulative counts people ask for
/// ("shared" = shared, not shortlisted + shortlisted) are sums of two cells: published only when both are, since a
/// published sum and one published part give away the other part.
public struct EquityTable: Sendable, Hashable {
    /// The stages, in order.
    public static let stages = ["earned_only", "shared_not_shortlisted", "shortlisted"]

    /// One group's published figures (or the overall row's).
    public struct Row: Sendable, Hashable {
        public let group: String
        /// The group's earners, earned only, shared not shortlisted, shortlisted: the published table row.
        public let earners: PublishedCount
        public let stages: [PublishedCount]
        /// Shared (discoverable) earners: shared not shortlisted + shortlisted.
        public let shared: PublishedCount
        /// The group's share of all earners in the table.
        public let shareOfEarners: Double?
        /// shared / earners.
        public let sharingRate: Double?
        /// shortlisted / shared.
        public let shortlistingRate: Double?
        /// The group's rates over the overall rates (1 = the same as everyone).
        public let sharingRatio: Double?
        public let shortlistingRatio: Double?
    }

    /// The suppressed group × stage table the rows are read from.
    public let table: SuppressedTable
    public let rows: [Row]
    public let overall: Row

    /// `counts[g]` holds group g's earners in each stage (earned only, shared not shortlisted, shortlisted).
    public init(groups: [String], counts: [[Int]], overallLabel: String = "All earners", rule: SuppressionRule = SuppressionRule()) {
        precondition(groups.count == counts.count && counts.allSatisfy { $0.count == Self.stages.count }, "one count per stage per group")
        // Every attribute's table partitions the same earners, so the stage totals are the same numbers in each; publishing
        // them once, the same way everywhere, keeps the tables from being combined against each other.
        let totals = Self.stages.indices.map { stage in counts.reduce(0) { $0 + $1[stage] } }
        let table = SuppressedTable(counts: counts, rule: rule, columnTotals: SuppressedList(counts: totals, rule: rule))
        self.table = table
        let grand = table.grandTotal
        let overall = Self.row(
            overallLabel, earners: grand, stages: table.columnTotals, trueShared: totals[1] + totals[2], grand: grand, overall: nil, rule: rule
        )
        self.overall = overall
        rows = groups.indices.map { g in
            Self.row(
                groups[g], earners: table.rowTotals[g], stages: table.cells[g], trueShared: counts[g][1] + counts[g][2], grand: grand,
                overall: overall, rule: rule
            )
        }
    }

    private static func row(
        _ group: String, earners: PublishedCount, stages: [PublishedCount], trueShared: Int, grand: PublishedCount, overall: Row?,
        rule: SuppressionRule
    ) -> Row {
        let shared: PublishedCount
        if let x = stages[1].value, let y = stages[2].value {
            shared = .shown(x + y)
        } else {
            shared = .suppressed(rule.isSmall(trueShared) ? .primary : .complementary)
        }
        let sharing = PublishedCount.rate(shared, of: earners)
        let shortlisting = PublishedCount.rate(stages[2], of: shared)
        return Row(
            group: group, earners: earners, stages: stages, shared: shared, shareOfEarners: PublishedCount.rate(earners, of: grand),
            sharingRate: sharing, shortlistingRate: shortlisting, sharingRatio: ratio(sharing, overall?.sharingRate),
            shortlistingRatio: ratio(shortlisting, overall?.shortlistingRate)
        )
    }

    private static func ratio(_ rate: Double?, _ overall: Double?) -> Double? {
        guard let rate, let overall, overall > 0 else { return nil }
        return rate / overall
    }
}
