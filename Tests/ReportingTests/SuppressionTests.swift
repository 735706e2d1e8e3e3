import Testing

@testable import Reporting

/// The published extended table of a `SuppressedTable`: cells, row totals as a last column, column totals and the
/// grand total as a last row; nil where hidden.
private func published(_ table: SuppressedTable) -> [[Int?]] {
    table.cells.enumerated().map { row, cells in cells.map(\.value) + [table.rowTotals[row].value] }
        + [table.columnTotals.map(\.value) + [table.grandTotal.value]]
}

private func hidden(_ table: [[Int?]]) -> Set<[Int]> {
    var positions = Set<[Int]>()
    for (r, row) in table.enumerated() { for (c, value) in row.enumerated() where value == nil { positions.insert([r, c]) } }
    return positions
}

@Suite struct SuppressedListTests {
    @Test func oneSmallCellTakesTheSmallestOtherCellWithIt() {
        let list = SuppressedList(counts: [3, 25, 40, 12])
        #expect(list.cells == [.suppressed(.primary), .shown(25), .shown(40), .suppressed(.complementary)])
        #expect(list.publishedTotal == .shown(80))
        #expect(list.cells.map(\.suppressionReason) == [.primary, nil, nil, .complementary])
        #expect(list.cells.map(\.value) == [nil, 25, 40, nil] && list.counts == [3, 25, 40, 12] && list.total == 80)
    }

    @Test func twoSmallCellsProtectEachOther() {
        let list = SuppressedList(counts: [3, 4, 50])
        #expect(list.cells == [.suppressed(.primary), .suppressed(.primary), .shown(50)])
        #expect(list.publishedTotal == .shown(57))
    }

    @Test func aSingleCellIsItsTotal() {
        let list = SuppressedList(counts: [5])
        #expect(list.cells == [.suppressed(.primary)] && list.publishedTotal == .suppressed(.primary))
        let big = SuppressedList(counts: [12, 30])
        #expect(big.cells == [.shown(12), .shown(30)] && big.publishedTotal == .shown(42))
    }

    @Test func aSmallTotalIsACellToo() {
        // The total 9 and the cell 9 hide each other; the shown 0 says they are equal, not what they are.
        let list = SuppressedList(counts: [0, 9], rule: SuppressionRule(threshold: 10, protectsZeros: false))
        #expect(list.cells == [.shown(0), .suppressed(.primary)])
        #expect(list.publishedTotal == .suppressed(.primary))
    }

    @Test func zerosAreProtectedUnlessTheRuleSaysOtherwise() {
        #expect(SuppressedList(counts: [0, 30, 40]).cells.first == .suppressed(.primary))
        let open = SuppressedList(counts: [0, 30, 40], rule: SuppressionRule(protectsZeros: false))
        #expect(open.cells == [.shown(0), .shown(30), .shown(40)])
    }

    @Test func derivedRatesFollowTheirCounts() {
        #expect(PublishedCount.rate(.shown(5), of: .shown(20)) == 0.25)
        #expect(PublishedCount.rate(.suppressed(.primary), of: .shown(20)) == nil)
        #expect(PublishedCount.rate(.shown(5), of: .suppressed(.complementary)) == nil)
        #expect(PublishedCount.rate(.shown(0), of: .shown(0)) == nil)
    }

    /// Property: for random lists, every small count is hidden and no hidden count can be recomputed.
    @Test func randomListsLeakNothing() {
        var generator = SeededGenerator(seed: 20_261_129)
        for _ in 0..<2000 {
            let counts = (0..<(1 + generator.index(below: 8))).map { _ in randomCount(&generator) }
            let list = SuppressedList(counts: counts)
            for (count, cell) in zip(counts, list.cells) where count < 10 {
                #expect(cell.value == nil, "\(counts)")
            }
            let row: [Int?] = list.cells.map(\.value) + [list.publishedTotal.value]
            #expect(subtractionAttack([row], columnsAreRelations: false).isEmpty, "\(counts)")
            #expect(hidden([row]).count != 1, "\(counts)")
        }
    }
}

@Suite struct SuppressedTableTests {
    @Test func oneSmallCellIsClosedByTheCheapestRectangle() {
        // The cheapest cycle through (g1, C) costs 31 + 13 + 23 via (g1, B), (g3, B), (g3, C).
        let table = SuppressedTable(counts: [[20, 30, 4], [25, 15, 30], [40, 12, 22]])
        #expect(table.cells[0] == [.shown(20), .suppressed(.complementary), .suppressed(.primary)])
        #expect(table.cells[1] == [.shown(25), .shown(15), .shown(30)])
        #expect(table.cells[2] == [.shown(40), .suppressed(.complementary), .suppressed(.complementary)])
        #expect(table.rowTotals == [.shown(54), .shown(70), .shown(74)])
        #expect(table.columnTotals == [.shown(85), .shown(57), .shown(56)])
        #expect(table.grandTotal == .shown(198))
    }

    /// Two hidden rectangles joined by one hidden cell: every row and column with a hidden cell has two, yet the
    /// joining cell follows from the totals. The linear checker sees it; the algorithm closes it with one more cell.
    @Test func aBridgeBetweenTwoRectanglesIsClosed() {
        let counts = [
            [3, 4, 6, 50, 60],
            [5, 2, 40, 45, 70],
            [30, 35, 1, 8, 90],
            [44, 33, 7, 9, 80],
            [60, 70, 55, 65, 75],
        ]
        var primaryOnly: [[Int?]] = counts.map { row in row.map { $0 < 10 ? nil : $0 } + [row.reduce(0, +)] }
        primaryOnly.append((0..<5).map { c in counts.reduce(0) { $0 + $1[c] } } + [counts.joined().reduce(0, +)])
        #expect(subtractionAttack(primaryOnly).isEmpty)
        #expect(linearAttack(primaryOnly) == [[0, 2]])

        let table = SuppressedTable(counts: counts)
        let complementary = table.cells.enumerated().flatMap { r, row in
            row.enumerated().compactMap { c, cell in cell == .suppressed(.complementary) ? [r, c] : nil }
        }
        #expect(complementary == [[2, 0]])
        #expect(linearAttack(published(table)).isEmpty)
    }

    @Test func smallMarginsAreCellsToo() {
        // Row "g2" has 7 people in all: its total is primary, and so are its cells.
        let table = SuppressedTable(counts: [[40, 35], [3, 4], [28, 50]])
        #expect(table.rowTotals[1] == .suppressed(.primary))
        #expect(table.cells[1] == [.suppressed(.primary), .suppressed(.primary)])
        #expect(linearAttack(published(table)).isEmpty)
        #expect(subtractionAttack(published(table)).isEmpty)
    }

    @Test func degenerateShapes() {
        let single = SuppressedTable(counts: [[4]])
        #expect(single.cells == [[.suppressed(.primary)]] && single.grandTotal == .suppressed(.primary))
        let large = SuppressedTable(counts: [[40, 35], [30, 50]])
        #expect(hidden(published(large)).isEmpty)
        let oneRow = SuppressedTable(counts: [[40, 3, 50]])
        #expect(linearAttack(published(oneRow)).isEmpty && subtractionAttack(published(oneRow)).isEmpty)
    }

    /// Property: for random tables, every small count is hidden and neither checker recovers a hidden entry.
    @Test func randomTablesLeakNothing() {
        var generator = SeededGenerator(seed: 9)
        for _ in 0..<400 {
            let rows = 1 + generator.index(below: 6)
            let columns = 1 + generator.index(below: 5)
            let counts = (0..<rows).map { _ in (0..<columns).map { _ in randomCount(&generator) } }
            let table = SuppressedTable(counts: counts)
            let view = published(table)
            for (r, row) in counts.enumerated() {
                for (c, count) in row.enumerated() where count < 10 { #expect(view[r][c] == nil, "\(counts)") }
            }
            #expect(subtractionAttack(view).isEmpty, "\(counts)")
            #expect(linearAttack(view).isEmpty, "\(counts)")
            // Shown values are the true ones.
            for (r, row) in counts.enumerated() {
                for (c, count) in row.enumerated() { if let shown = view[r][c] { #expect(shown == count) } }
            }
        }
    }
}

/// Mostly moderate counts with a good share of small ones and zeros, as equity tables have.
private func randomCount(_ generator: inout SeededGenerator) -> Int {
    switch generator.index(below: 10) {
    case 0: return 0
    case 1...3: return 1 + generator.index(below: 9)
    default: return 10 + generator.index(below: 90)
    }
}
