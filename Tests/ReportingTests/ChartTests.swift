import Testing

@testable import Reporting

@Suite struct BarChartTests {
    static let chart = BarChart(
        title: "Coverage of essential skills",
        description: "Share of each occupation's essential skills covered by the pathway.",
        bars: [
            .init(label: "Software developer", value: 0.62, valueText: "62% (31 of 50)"),
            .init(label: "Data analyst", value: 0.31, valueText: "31% (9 of 29)"),
            .init(label: "R&D <systems> \"engineer\" — a label long enough to need wrapping onto two lines", value: 0.155, valueText: "15.5%"),
            .init(label: "Group with few people", value: nil, valueText: "", note: "suppressed (fewer than 10)"),
        ],
        maximum: 1,
        tickFormat: .percent(places: 0),
        idPrefix: "coverage 1"
    )

    @Test func isWellFormedAndAccessible() throws {
        let svg = Self.chart.svg()
        let inspector = SVGInspector(svg)
        #expect(inspector.isWellFormed)
        let root = try #require(inspector.elements.first)
        #expect(root.name == "svg" && root.attributes["role"] == "img")
        #expect(root.attributes["aria-labelledby"] == "coverage1-title coverage1-desc")
        #expect(inspector.all("title").first?.text == "Coverage of essential skills")
        #expect(inspector.all("desc").first?.attributes["id"] == "coverage1-desc")
        #expect(!svg.contains("<script") && !svg.contains("onclick"))
    }

    @Test func labelsAndValuesAreTextEscapedAndWrapped() {
        let inspector = SVGInspector(Self.chart.svg())
        let texts = inspector.texts
        #expect(texts.contains("Software developer") && texts.contains("62% (31 of 50)"))
        #expect(texts.contains("suppressed (fewer than 10)"))
        let spans = inspector.all("tspan").map(\.text)
        #expect(spans.count >= 2 && spans.allSatisfy { $0.count <= 32 })
        #expect(spans.joined(separator: " ") == "R&D <systems> \"engineer\" — a label long enough to need wrapping onto two lines")
        #expect(texts.contains("0%") && texts.contains("100%"))
    }

    @Test func barLengthsAreProportionalToValues() throws {
        let inspector = SVGInspector(Self.chart.svg())
        let widths = inspector.all("rect").compactMap { inspector.number($0, "width") }
        // Three bars with values; the suppressed one draws none. Scale 0…1 over 360 px.
        #expect(widths.count == 3)
        for (width, value) in zip(widths, [0.62, 0.31, 0.155]) {
            #expect(abs(width - value * 360) < 0.01)
        }
        let xs = Set(inspector.all("rect").compactMap { inspector.number($0, "x") })
        #expect(xs.count == 1)
    }

    @Test func heightGrowsWithTheData() throws {
        let one = BarChart(title: "t", description: "d", bars: [.init(label: "a", value: 1, valueText: "1")])
        let three = BarChart(
            title: "t",
            description: "d",
            bars: (1...3).map { .init(label: "a\($0)", value: Double($0), valueText: "\($0)") },
            tickFormat: .decimal(places: 1)
        )
        let height = { (chart: BarChart) in SVGInspector(chart.svg()).elements.first.flatMap { Double($0.attributes["height"] ?? "") } }
        let h1 = try #require(height(one))
        let h3 = try #require(height(three))
        #expect(abs((h3 - h1) - 2 * 28) < 0.01)
        // Without a maximum the axis ends at a round number at or above the largest value.
        let ticks = SVGInspector(three.svg()).texts.filter { $0.contains(".") }
        #expect(ticks == ["0.0", "1.0", "2.0", "3.0"])
    }

    @Test func zeroAndMissingValuesKeepTheAxisAtZero() {
        let chart = BarChart(
            title: "t",
            description: "d",
            bars: [.init(label: "a", value: 0, valueText: "none"), .init(label: "b", value: nil, valueText: "")],
            tickFormat: .percent(places: 0)
        )
        let inspector = SVGInspector(chart.svg())
        #expect(inspector.all("rect").compactMap { inspector.number($0, "width") } == [0])
        #expect(inspector.texts.filter { $0.hasSuffix("%") } == ["0%", "20%", "40%", "60%", "80%", "100%"])
    }

    @Test func controlCharactersCannotBreakTheDocument() {
        let chart = BarChart(title: "bad\u{0}title", description: "x\u{1B}y", bars: [.init(label: "a\u{7}b", value: 2, valueText: "2 & 3")])
        let inspector = SVGInspector(chart.svg())
        #expect(inspector.isWellFormed)
        #expect(inspector.texts.contains("a\u{FFFD}b") && inspector.texts.contains("2 & 3"))
    }
}

@Suite struct IntervalPlotTests {
    static let plot = IntervalPlot(
        title: "Completion uplift",
        description: "Difference in completion rate, badge holders minus others, with 95% intervals.",
        rows: [
            .init(
                label: "Course completion",
                estimate: 0.08,
                interval: ConfidenceInterval(lower: 0.02, upper: 0.14, confidence: 0.95),
                valueText: "+8.0 pts (2.0 to 14.0)"
            ),
            .init(
                label: "Module retention",
                estimate: -0.03,
                interval: ConfidenceInterval(lower: -0.11, upper: 0.05, confidence: 0.95),
                valueText: "−3.0 pts (−11.0 to 5.0)"
            ),
            .init(label: "Discussion participation", estimate: nil, interval: nil, valueText: "too few learners"),
        ],
        tickFormat: .percent(places: 0),
        idPrefix: "uplift"
    )

    @Test func isWellFormedWithLabelsAndReferenceLine() throws {
        let inspector = SVGInspector(Self.plot.svg())
        #expect(inspector.isWellFormed)
        #expect(inspector.all("title").first?.text == "Completion uplift")
        let texts = inspector.texts
        #expect(texts.contains("Course completion") && texts.contains("+8.0 pts (2.0 to 14.0)") && texts.contains("too few learners"))
        #expect(texts.contains("Dashed line: 0% = no difference"))
        let dashed = inspector.all("line").filter { $0.attributes["stroke-dasharray"] != nil }
        #expect(dashed.count == 1)
    }

    @Test func positionsFollowTheScale() throws {
        let inspector = SVGInspector(Self.plot.svg())
        // Axis from −0.15 to 0.15 (round steps of 0.05) over 320 px; the dashed line sits at 0, in the middle.
        let dashed = try #require(inspector.all("line").first { $0.attributes["stroke-dasharray"] != nil })
        let axis = try #require(
            inspector.all("line").first {
                $0.attributes["y1"] == $0.attributes["y2"] && inspector.number($0, "x2")! - inspector.number($0, "x1")! == 320
            }
        )
        let left = try #require(inspector.number(axis, "x1"))
        #expect(abs(try #require(inspector.number(dashed, "x1")) - (left + 160)) < 0.01)
        let markers = inspector.all("rect")
        #expect(markers.count == 2)
        let firstCentre = try #require(inspector.number(markers[0], "x")) + 5
        #expect(abs(firstCentre - (left + (0.08 + 0.15) / 0.30 * 320)) < 0.01)
        let intervalLines = inspector.all("line").filter { $0.attributes["stroke-width"] == "2" && $0.attributes["y1"] == $0.attributes["y2"] }
        let first = try #require(intervalLines.first)
        #expect(abs(try #require(inspector.number(first, "x1")) - (left + 0.17 / 0.30 * 320)) < 0.01)
        #expect(abs(try #require(inspector.number(first, "x2")) - (left + 0.29 / 0.30 * 320)) < 0.01)
    }
}

@Suite struct ChartScaleTests {
    @Test(arguments: [
        (0.0, 1.0, 0.0, 1.0, 6), (0.0, 0.62, 0.0, 0.8, 5), (-0.11, 0.14, -0.15, 0.15, 7), (0.0, 3.0, 0.0, 3.0, 4),
        (0.0, 1234.0, 0.0, 1250.0, 6), (5.0, 5.0, 2.0, 8.0, 7), (0.0, 0.0, -1.0, 1.0, 5),
    ])
    func roundsToNiceTicks(low: Double, high: Double, lower: Double, upper: Double, tickCount: Int) {
        let scale = ChartScale(covering: low, high)
        #expect(scale.lower == lower && scale.upper == upper, "\(scale.ticks)")
        #expect(scale.ticks.count == tickCount, "\(scale.ticks)")
    }
}
