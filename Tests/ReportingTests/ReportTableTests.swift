import Testing

@testable import Reporting

@Suite struct ReportTableTests {
    @Test func csvCarriesFractionsAndSaysWhatIsHidden() {
        let table = ReportTable(
            id: "t",
            columns: [ReportColumn("group", "Group"), ReportColumn("n", "People"), ReportColumn("rate", "Rate"), ReportColumn("alpha", "α")],
            rows: [
                [.text("=cmd"), .count(.shown(12)), .rate(0.25, places: 1), .decimal(0.6666, places: 3)],
                [.text("b, c"), .count(.suppressed(.primary)), .missing, .integer(3)],
            ]
        )
        #expect(table.csv() == "group,n,rate,alpha\r\n'=cmd,12,0.250,0.667\r\n\"b, c\",suppressed,,3\r\n")
        #expect(table.rows[0].map(\.displayText) == ["=cmd", "12", "25.0%", "0.667"])
        #expect(table.rows[1].map(\.displayText) == ["b, c", "suppressed", "–", "3"])
        #expect(table.rows[0].map(\.isNumeric) == [false, true, true, true])
    }
}

@Suite struct EquityTableTests {
    /// Earned only, shared not shortlisted, shortlisted per group.
    static let counts = [[40, 30, 12], [25, 20, 4], [15, 11, 10], [3, 2, 1]]

    @Test func smallCellsAndEverythingDerivedFromThemAreHidden() {
        let equity = EquityTable(groups: ["A", "B", "C", "not stated"], counts: Self.counts)
        // B's 4 shortlisted is primary: its row and column need a second hidden entry; the whole "not stated" row is small.
        #expect(equity.rows[1].stages[2] == .suppressed(.primary))
        #expect(equity.rows[3].earners == .suppressed(.primary))
        for row in equity.rows {
            #expect(row.stages.filter { $0.value == nil }.count != 1 || row.earners.value == nil, "a lone hidden cell in \(row.group)")
        }
        // A is untouched: every count, rate and ratio is published and checks out by hand.
        let a = equity.rows[0]
        #expect(a.earners == .shown(82) && a.shared == .shown(42))
        #expect(isClose(a.sharingRate, 42.0 / 82.0) && isClose(a.shortlistingRate, 12.0 / 42.0))
        let overall = equity.overall
        #expect(overall.earners == .shown(173))
        #expect(isClose(overall.sharingRate, 90.0 / 173.0))
        #expect(isClose(a.sharingRatio, (42.0 / 82.0) / (90.0 / 173.0)))
        #expect(isClose(a.shareOfEarners, 82.0 / 173.0))
        // Nothing derived from a hidden count is published.
        #expect(equity.rows[1].shared.value == nil && equity.rows[1].shortlistingRate == nil && equity.rows[1].shortlistingRatio == nil)
        #expect(equity.rows[3].sharingRate == nil && equity.rows[3].shareOfEarners == nil)
    }

    @Test func noHiddenCountCanBeRecomputed() {
        let equity = EquityTable(groups: ["A", "B", "C", "not stated"], counts: Self.counts)
        let table = equity.table
        let published = table.cells.enumerated().map { row, cells in cells.map(\.value) + [table.rowTotals[row].value] }
            + [table.columnTotals.map(\.value) + [table.grandTotal.value]]
        #expect(subtractionAttack(published).isEmpty)
        #expect(linearAttack(published).isEmpty)
        // The cumulative "shared" counts add relations of their own; they are published only with both parts, so adding
        // them as a column of knowns leaves every hidden entry hidden.
        for (index, row) in equity.rows.enumerated() where row.shared.value != nil {
            #expect(published[index][1] != nil && published[index][2] != nil)
        }
    }
}

@Suite struct CohortComparisonTests {
    @Test func ratesUseTheZTestAndTimesTheRankTest() {
        let with = CohortActivity(
            learners: 40, checkedIn: 30, discussed: 12, startedModules: 36, continuedModules: 30, completed: 25, submissionHours: [1, 2, 3, 4]
        )
        let without = CohortActivity(
            learners: 8, checkedIn: 4, discussed: 2, startedModules: 6, continuedModules: 3, completed: 2, submissionHours: [2, 5, 6]
        )
        let rows = CohortComparison(withBadges: with, withoutBadges: without).rows
        #expect(rows.map(\.measure) == ["check_in", "discussion", "module_retention", "completion", "submission_hours"])
        let checkIn = rows[0]
        #expect(isClose(checkIn.difference, 30.0 / 40 - 4.0 / 8))
        #expect(checkIn.statistic == TwoProportionTest(Proportion(successes: 30, trials: 40)!, Proportion(successes: 4, trials: 8)!).z)
        #expect(checkIn.withBadgesSize == 40 && checkIn.withoutBadgesSize == 8)
        #expect(!checkIn.warnings.isEmpty, "8 learners is a small group")
        let times = rows[4]
        // U for the first sample: pairs (x > y) + ½ ties = (1>…: 0) (2: ½) (3: 1) (4: 1) = 2.5; medians 2.5 and 5.
        #expect(times.statistic == 2.5 && times.withBadges == 2.5 && times.withoutBadges == 5)
        #expect(times.test == "Mann–Whitney U" && !times.isRate)
    }
}

@Suite struct SharedMarginTests {
    /// Tables of one population by different attributes publish the same margin row, and each leaks nothing given it.
    @Test func tablesOfOnePopulationShareTheirMarginsAndLeakNothing() {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<300 {
            let columns = 2 + generator.index(below: 3)
            let rows = 2 + generator.index(below: 4)
            // About one count in three is small.
            let first = (0..<rows).map { _ in
                (0..<columns).map { _ in generator.index(below: 3) == 0 ? generator.index(below: 10) : 10 + generator.index(below: 60) }
            }
            // The same people split another way: the column totals stay, the rows change.
            let totals = (0..<columns).map { c in first.reduce(0) { $0 + $1[c] } }
            let second = [totals.map { $0 / 2 }, totals.map { $0 - $0 / 2 }]
            let margins = SuppressedList(counts: totals)
            var margin: [PublishedCount]?
            for counts in [first, second] {
                let table = SuppressedTable(counts: counts, columnTotals: margins)
                #expect(margin == nil || margin == table.columnTotals + [table.grandTotal], "\(counts)")
                margin = table.columnTotals + [table.grandTotal]
                let view = table.cells.enumerated().map { r, cells in cells.map(\.value) + [table.rowTotals[r].value] }
                    + [table.columnTotals.map(\.value) + [table.grandTotal.value]]
                for (r, row) in counts.enumerated() {
                    for (c, count) in row.enumerated() where count < 10 { #expect(view[r][c] == nil, "\(counts)") }
                }
                #expect(subtractionAttack(view).isEmpty, "\(counts)")
                #expect(linearAttack(view).isEmpty, "\(counts)")
            }
            #expect(margin == margins.cells + [margins.publishedTotal])
        }
    }
}
