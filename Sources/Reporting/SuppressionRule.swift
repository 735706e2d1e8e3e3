/// Small-cell suppression for tables about people (equity reports).
///
/// **Primary suppression** hides every count below `threshold` people (default 10), zero included unless
/// `protectsZeros` is false: "nobody in this group was shortlisted" discloses something about every member of the
/// group. Totals are cells too — a group of 7 people is a small cell.
///
/// **Complementary suppression** then hides further cells so that no hidden value follows from the published ones
/// and the totals (`SuppressedList`, `SuppressedTable` describe how). Rates and ratios derived from a hidden count
/// are hidden with it (`PublishedCount.rate(_:of:)`).
///
/// The protection is against exact recovery from the table's own additive structure. It does not bound what can
/// be inferred from ranges (a hidden cell is known to be ≥ 0 and, if primary, below the threshold), nor from other
/// tables cut from the same population with different filters; reports should publish one cut per population.
public struct SuppressionRule: Sendable, Hashable, Codable {
    /// Counts below this are suppressed.
    public var threshold: Int
    /// Whether a count of 0 is suppressed as well (it is below any positive threshold).
    public var protectsZeros: Bool

    public init(threshold: Int = 10, protectsZeros: Bool = true) {
        self.threshold = threshold
        self.protectsZeros = protectsZeros
    }

    /// Whether `count` is suppressed on its own account.
    public func isSmall(_ count: Int) -> Bool {
        count < threshold && (count != 0 || protectsZeros)
    }
}
