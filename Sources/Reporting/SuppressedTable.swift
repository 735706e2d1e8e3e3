/// A two-way table (e.g. group × outcome) with row, column and grand totals, after small-cell suppression.
///
/// **Why a graph.** Write the table with its margins as an (R+1) × (C+1) array whose last row and column hold the
/// totals. Every published relation says that one row, or one column, of that array sums to its last entry. Read
/// rows and columns as vertices and each entry (interior cell or total) as an edge between its row and its column:
/// each relation is then "the signed edges at a vertex sum to zero". Given the published values, the hidden ones
/// are determined up to the cycles of the hidden edges, so a hidden entry can be recomputed exactly — by any
/// sequence of subtractions, or any linear algebra at all — precisely when it is a **bridge** of the graph of
/// hidden entries (it lies on no cycle of hidden entries).
///
/// **Algorithm.** Primary suppression as `SuppressionRule` says, margins included. Then, while the hidden entries
/// have a bridge, take the first in row-major order and hide the cheapest path of further entries that closes a
/// cycle through it (Dijkstra over the complete row–column graph; a hidden entry costs 0, a shown one its count + 1,
/// so small cells and few of them are preferred and totals are used only when they are the cheaper way). A graph
/// without bridges has no vertex of degree one, so every row and column holding a hidden entry holds at least two;
/// the converse is not true (two hidden rectangles joined by a single hidden cell), which is why the rule is
/// bridges, not counts. Each step hides at least one more entry, so the loop ends.
public struct SuppressedTable: Sendable, Hashable {
    /// The true counts, rows × columns; never publish these directly.
    public let counts: [[Int]]
    /// Published interior cells, rows × columns.
    public let cells: [[PublishedCount]]
    /// Published row totals.
    public let rowTotals: [PublishedCount]
    /// Published column totals.
    public let columnTotals: [PublishedCount]
    /// Published grand total.
    public let grandTotal: PublishedCount

    /// Suppresses a rectangular table of non-negative counts (at least one row and one column).
    ///
    /// `columnTotals`, when given, is how the column totals and grand total are already published (a `SuppressedList`
    /// of the same column totals): the table publishes its margin row exactly so and hides complements elsewhere. Several
    /// tables that partition one population (one per attribute) then share one published margin row, and since each is
    /// protected given that row, together they disclose nothing more than each does alone. Needs at least two rows.
    public init(counts: [[Int]], rule: SuppressionRule = SuppressionRule(), columnTotals: SuppressedList? = nil) {
        self.counts = counts
        let rowCount = counts.count
        let columnCount = counts.map(\.count).max() ?? 0
        // Ragged input is padded with zeros so the margins stay consistent with the cells.
        var extended = (0...rowCount).map { _ in [Int](repeating: 0, count: columnCount + 1) }
        for (row, values) in counts.enumerated() {
            for (column, value) in values.enumerated() {
                extended[row][column] = value
                extended[row][columnCount] += value
                extended[rowCount][column] += value
                extended[rowCount][columnCount] += value
            }
        }
        var graph = SuppressionGraph(values: extended)
        for row in 0...rowCount {
            for column in 0...columnCount where rule.isSmall(extended[row][column]) {
                graph.reasons[row][column] = .primary
            }
        }
        if let columnTotals {
            precondition(columnTotals.counts == Array(extended[rowCount].prefix(columnCount)), "the published totals must be this table's")
            for (column, published) in (columnTotals.cells + [columnTotals.publishedTotal]).enumerated() {
                graph.reasons[rowCount][column] = published.suppressionReason
                graph.locked[rowCount][column] = published.value != nil
            }
        }
        graph.closeBridges()
        let published = (0...rowCount).map { row in
            (0...columnCount).map { column in
                graph.reasons[row][column].map(PublishedCount.suppressed) ?? .shown(extended[row][column])
            }
        }
        cells = published.prefix(rowCount).map { Array($0.prefix(columnCount)) }
        rowTotals = published.prefix(rowCount).map { $0[columnCount] }
        self.columnTotals = Array(published[rowCount].prefix(columnCount))
        grandTotal = published[rowCount][columnCount]
    }
}
