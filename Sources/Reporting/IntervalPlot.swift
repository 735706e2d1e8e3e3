/// An interval ("forest") plot rendered as a self-contained, accessible SVG string: one row per comparison with its
/// estimate and confidence interval, and a dashed reference line (usually 0, "no difference").
///
/// Each row prints its figures as text on the right ("+4.2 pts (1.1 to 7.3)"), the estimate is a square and the
/// interval a capped line, so the chart needs neither colour nor hover to be read. The axis covers every interval
/// and the reference value, widened to round ticks.
public struct IntervalPlot: Sendable, Hashable {
    /// One comparison.
    public struct Row: Sendable, Hashable {
        /// What is compared, wrapped when long.
        public var label: String
        /// The point estimate; nil draws nothing and shows `valueText` alone (e.g. "too few learners").
        public var estimate: Double?
        /// The interval; nil draws the estimate alone.
        public var interval: ConfidenceInterval?
        /// The figures as the reader should see them.
        public var valueText: String

        public init(label: String, estimate: Double?, interval: ConfidenceInterval?, valueText: String) {
            self.label = label
            self.estimate = estimate
            self.interval = interval
            self.valueText = valueText
        }
    }

    /// The accessible name (`<title>`).
    public var title: String
    /// The accessible description (`<desc>`).
    public var description: String
    /// Rows, top to bottom.
    public var rows: [Row]
    /// Where the reference line is drawn.
    public var referenceValue: Double
    /// The reference line's caption under the axis.
    public var referenceLabel: String
    /// How axis ticks are written.
    public var tickFormat: TickFormat
    /// Prefix for element ids, unique within the page.
    public var idPrefix: String

    public init(
        title: String,
        description: String,
        rows: [Row],
        referenceValue: Double = 0,
        referenceLabel: String = "no difference",
        tickFormat: TickFormat = .decimal(places: 1),
        idPrefix: String = "interval-plot"
    ) {
        self.title = title
        self.description = description
        self.rows = rows
        self.referenceValue = referenceValue
        self.referenceLabel = referenceLabel
        self.tickFormat = tickFormat
        self.idPrefix = idPrefix
    }

    static let plotWidth = 320.0
    static let rowHeight = 30.0
    static let labelLimit = 32

    /// The plot as an `<svg>` element.
    public func svg() -> String {
        let values =
            rows.flatMap { row in [row.estimate, row.interval?.lower, row.interval?.upper].compactMap { $0 } }
            .filter(\.isFinite) + [referenceValue]
        let scale = ChartScale(covering: values.min() ?? referenceValue, values.max() ?? referenceValue)
        let wrapped = rows.map { ChartText.wrap($0.label, limit: Self.labelLimit) }
        let labelWidth = min(ChartText.width(String(repeating: "m", count: Self.labelLimit)), wrapped.flatMap { $0 }.map(ChartText.width).max() ?? 0)
        let plotLeft = 12 + labelWidth + 14
        let textLeft = plotLeft + Self.plotWidth + 14
        let width = textLeft + (rows.map { ChartText.width($0.valueText) }.max() ?? 0) + 12
        let x = { (value: Double) in plotLeft + scale.position(value, length: Self.plotWidth) }
        let rowHeights = wrapped.map { max(Self.rowHeight, Double($0.count) * ChartText.lineHeight + 12) }
        let axisY = 12 + rowHeights.reduce(0, +) + 6
        var canvas = SVGCanvas()
        let stroke = "stroke=\"\(SVGCanvas.ink)\""
        for tick in scale.ticks {
            canvas.line(x1: x(tick), y1: 6, x2: x(tick), y2: axisY, extra: "stroke=\"\(SVGCanvas.gridStroke)\" stroke-width=\"0.75\"")
        }
        var y = 12.0
        for ((row, lines), height) in zip(zip(rows, wrapped), rowHeights) {
            let middle = y + height / 2
            canvas.text(lines, x: plotLeft - 14, y: middle - Double(lines.count - 1) * ChartText.lineHeight / 2 + 4.5, anchor: "end")
            if let interval = row.interval, interval.lower.isFinite, interval.upper.isFinite {
                canvas.line(x1: x(interval.lower), y1: middle, x2: x(interval.upper), y2: middle, extra: "\(stroke) stroke-width=\"2\"")
                for end in [interval.lower, interval.upper] {
                    canvas.line(x1: x(end), y1: middle - 6, x2: x(end), y2: middle + 6, extra: "\(stroke) stroke-width=\"2\"")
                }
            }
            if let estimate = row.estimate, estimate.isFinite {
                canvas.rect(x: x(estimate) - 5, y: middle - 5, width: 10, height: 10, extra: "fill=\"\(SVGCanvas.ink)\"")
            }
            canvas.text([row.valueText], x: textLeft, y: middle + 4.5)
            y += height
        }
        let reference = x(referenceValue)
        canvas.line(x1: reference, y1: 6, x2: reference, y2: axisY, extra: "\(stroke) stroke-width=\"1\" stroke-dasharray=\"4 3\"")
        canvas.line(x1: plotLeft, y1: axisY, x2: plotLeft + Self.plotWidth, y2: axisY, extra: "\(stroke) stroke-width=\"1\"")
        for tick in scale.ticks {
            canvas.line(x1: x(tick), y1: axisY, x2: x(tick), y2: axisY + 5, extra: "\(stroke) stroke-width=\"1\"")
            canvas.text([tickFormat.text(tick)], x: x(tick), y: axisY + 19, anchor: "middle", extra: "font-size=\"11\"")
        }
        canvas.text(
            ["Dashed line: \(tickFormat.text(referenceValue)) = \(referenceLabel)"],
            x: plotLeft,
            y: axisY + 38,
            extra: "font-size=\"11\""
        )
        return canvas.document(width: width, height: axisY + 48, title: title, description: description, idPrefix: idPrefix)
    }
}
