/// A horizontal bar chart rendered as a self-contained, accessible SVG string (coverage, funnels, demand).
///
/// Every bar carries its category label on the left and its value as text on the right, so the chart reads
/// without colour and in black-and-white print; a bar without a value (suppressed or missing) shows its `note`
/// in place of a bar. Bar length is proportional to the value on a scale from 0 to `maximum` (or a round number
/// just above the largest value). The height follows the number of bars and the wrapped label lines.
public struct BarChart: Sendable, Hashable {
    /// One bar.
    public struct Bar: Sendable, Hashable {
        /// The category label, wrapped when long.
        public var label: String
        /// The value; nil draws no bar and shows `note` instead. Negative values are drawn as 0.
        public var value: Double?
        /// The value as the reader should see it, e.g. "62% (310 of 500)".
        public var valueText: String
        /// Shown when `value` is nil, e.g. "suppressed (fewer than 10)".
        public var note: String

        public init(label: String, value: Double?, valueText: String, note: String = "not available") {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.note = note
        }
    }

    /// The accessible name (`<title>`).
    public var title: String
    /// The accessible description (`<desc>`): what is measured, over which data.
    public var description: String
    /// Bars, top to bottom.
    public var bars: [Bar]
    /// The value at the far end of the axis; nil picks a round number at or above the largest value.
    public var maximum: Double?
    /// How axis ticks are written.
    public var tickFormat: TickFormat
    /// Prefix for element ids, unique within the page.
    public var idPrefix: String

    public init(
        title: String,
        description: String,
        bars: [Bar],
        maximum: Double? = nil,
        tickFormat: TickFormat = .decimal(places: 0),
        idPrefix: String = "bar-chart"
    ) {
        self.title = title
        self.description = description
        self.bars = bars
        self.maximum = maximum
        self.tickFormat = tickFormat
        self.idPrefix = idPrefix
    }

    /// Layout constants, in px.
    static let plotWidth = 360.0
    static let barHeight = 18.0
    static let rowPadding = 10.0
    static let labelLimit = 32

    /// The chart as an `<svg>` element.
    public func svg() -> String {
        let largest = bars.compactMap(\.value).map { max(0, $0) }.max() ?? 0
        let top = maximum.map { max($0, largest) } ?? largest
        // With nothing above zero there is no length to compare; an axis of 0…1 keeps zero bars at the origin.
        let scale = ChartScale(covering: 0, top > 0 ? top : 1)
        let wrapped = bars.map { ChartText.wrap($0.label, limit: Self.labelLimit) }
        let labelWidth = min(
            ChartText.width(String(repeating: "m", count: Self.labelLimit)),
            wrapped.flatMap { $0 }.map(ChartText.width).max() ?? 0
        )
        let plotLeft = 12 + labelWidth + 10
        // Value text follows the bar; a note for a missing value starts at the axis, inside the plot.
        let valueRight = bars.map { bar in
            bar.value.map { plotLeft + scale.position(max(0, $0), length: Self.plotWidth) + 8 + ChartText.width(bar.valueText) }
                ?? plotLeft + 8 + ChartText.width(bar.note)
        }
        let width = max(plotLeft + Self.plotWidth, valueRight.max() ?? 0) + 12
        let rowHeights = wrapped.map { max(Self.barHeight, Double($0.count) * ChartText.lineHeight) + Self.rowPadding }
        let axisBottom = 12 + rowHeights.reduce(0, +) + 4
        var canvas = SVGCanvas()
        for tick in scale.ticks {
            let x = plotLeft + scale.position(tick, length: Self.plotWidth)
            canvas.line(x1: x, y1: 6, x2: x, y2: axisBottom, extra: "stroke=\"\(SVGCanvas.gridStroke)\" stroke-width=\"0.75\"")
        }
        var y = 12.0
        for ((bar, lines), rowHeight) in zip(zip(bars, wrapped), rowHeights) {
            let middle = y + rowHeight / 2
            let firstBaseline = middle - Double(lines.count - 1) * ChartText.lineHeight / 2 + 4.5
            canvas.text(lines, x: plotLeft - 10, y: firstBaseline, anchor: "end")
            if let value = bar.value {
                let length = scale.position(max(0, value), length: Self.plotWidth)
                canvas.rect(
                    x: plotLeft,
                    y: middle - Self.barHeight / 2,
                    width: length,
                    height: Self.barHeight,
                    extra: "fill=\"\(SVGCanvas.barFill)\" stroke=\"\(SVGCanvas.ink)\" stroke-width=\"0.75\""
                )
                canvas.text([bar.valueText], x: plotLeft + length + 8, y: middle + 4.5)
            } else {
                canvas.text([bar.note], x: plotLeft + 8, y: middle + 4.5, extra: "font-style=\"italic\"")
            }
            y += rowHeight
        }
        canvas.line(x1: plotLeft, y1: 6, x2: plotLeft, y2: axisBottom, extra: "stroke=\"\(SVGCanvas.ink)\" stroke-width=\"1\"")
        for tick in scale.ticks {
            let x = plotLeft + scale.position(tick, length: Self.plotWidth)
            canvas.line(x1: x, y1: axisBottom, x2: x, y2: axisBottom + 5, extra: "stroke=\"\(SVGCanvas.ink)\" stroke-width=\"1\"")
            canvas.text([tickFormat.text(tick)], x: x, y: axisBottom + 19, anchor: "middle", extra: "font-size=\"11\"")
        }
        return canvas.document(width: width, height: axisBottom + 28, title: title, description: description, idPrefix: idPrefix)
    }
}
