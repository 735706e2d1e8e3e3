public import Foundation

/// A chart drawn from a report section's figures.
public enum ReportChart: Sendable, Hashable {
    case bars(BarChart)
    case intervals(IntervalPlot)

    /// The chart as an inline `<svg>` element.
    public func svg() -> String {
        switch self {
        case .bars(let chart): return chart.svg()
        case .intervals(let plot): return plot.svg()
        }
    }
}

/// One part of a report: a table, how its figures are computed, and optionally a chart of them.
public struct ReportSection: Sendable, Hashable {
    public var heading: String
    /// How each figure of the table is computed, in plain words.
    public var method: String
    public var table: ReportTable
    public var chart: ReportChart?
    /// Caveats that apply to this section (small groups, suppressed cells).
    public var notes: [String]

    public init(heading: String, method: String, table: ReportTable, chart: ReportChart? = nil, notes: [String] = []) {
        self.heading = heading
        self.method = method
        self.table = table
        self.chart = chart
        self.notes = notes
    }
}

/// A filter as the report states it ("Issuer: Northwind Institute").
public struct ReportFilter: Sendable, Hashable {
    public var name: String
    public var label: String
    public var value: String

    public init(name: String, label: String, value: String) {
        self.name = name
        self.label = label
        self.value = value
    }
}

/// A whole report, independent of its format: what it covers, when its data was last updated, and its sections.
public struct ReportDocument: Sendable, Hashable {
    /// The report's name in the URL (`calibration`).
    public var name: String
    public var title: String
    /// One or two sentences on what the report answers.
    public var summary: String
    public var filters: [ReportFilter]
    /// The period covered, both ends inclusive (UTC days).
    public var periodStart: Date
    public var periodEnd: Date
    /// The newest record the report read (nil when it read none): how current the figures are.
    public var dataAsOf: Date?
    public var generatedAt: Date
    public var sections: [ReportSection]

    public init(
        name: String, title: String, summary: String, filters: [ReportFilter], periodStart: Date, periodEnd: Date, dataAsOf: Date?,
        generatedAt: Date, sections: [ReportSection]
    ) {
        self.name = name
        self.title = title
        self.summary = summary
        self.filters = filters
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.dataAsOf = dataAsOf
        self.generatedAt = generatedAt
        self.sections = sections
    }

    /// The section whose table has this id.
    public func section(table id: String) -> ReportSection? {
        sections.first { $0.table.id == id }
    }
}
