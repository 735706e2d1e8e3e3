/// One value of a report table, typed so that each output format can show it its own way.
public enum ReportValue: Sendable, Hashable {
    /// Free text (names, labels, dates as text).
    case text(String)
    /// A whole number that is not a count of people (searches, ratings, versions).
    case integer(Int)
    /// A decimal figure (an agreement coefficient, a mean difference).
    case decimal(Double, places: Int)
    /// A rate in 0…1; machines get the rate, people a percentage with `places` decimals.
    case rate(Double, places: Int)
    /// A count of people, which small-cell suppression may hide.
    case count(PublishedCount)
    /// No value (not applicable, or derived from a hidden count).
    case missing

    /// The value as a table cell in a page or a chart label.
    public var displayText: String {
        switch self {
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .decimal(let value, let places): return NumberText.decimal(value, places: places)
        case .rate(let value, let places): return NumberText.percent(value, places: places)
        case .count(.shown(let value)): return String(value)
        case .count(.suppressed): return ReportTable.suppressedText
        case .missing: return "–"
        }
    }

    /// Whether the value reads as a number (right-aligned in tables).
    public var isNumeric: Bool {
        switch self {
        case .text: return false
        case .integer, .decimal, .rate, .count, .missing: return true
        }
    }

    /// The value as a CSV field: rates as fractions (so a spreadsheet can compute with them), hidden counts as the
    /// word "suppressed", so an empty field always means "no value" and never "hidden".
    var csvField: CSVField {
        switch self {
        case .text(let text): return .text(text)
        case .integer(let value): return .integer(value)
        case .decimal(let value, let places): return .decimal(value, places: places)
        case .rate(let value, let places): return .decimal(value, places: places + 2)
        case .count(.shown(let value)): return .integer(value)
        case .count(.suppressed): return .text(ReportTable.suppressedText)
        case .missing: return .empty
        }
    }
}

/// A column of a report table: a stable machine name (CSV header, JSON member) and a heading for people.
public struct ReportColumn: Sendable, Hashable {
    public var name: String
    public var heading: String

    public init(_ name: String, _ heading: String) {
        self.name = name
        self.heading = heading
    }
}

/// A rectangular table of a report: the unit that CSV exports, JSON lists and pages show.
public struct ReportTable: Sendable, Hashable {
    /// How a hidden count reads in a page and a CSV field.
    public static let suppressedText = "suppressed"

    /// Unique within the report; names the table in `?table=` for CSV.
    public var id: String
    public var columns: [ReportColumn]
    /// Rows of values, each as long as `columns`.
    public var rows: [[ReportValue]]

    public init(id: String, columns: [ReportColumn], rows: [[ReportValue]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row of \(id) needs one value per column")
        self.id = id
        self.columns = columns
        self.rows = rows
    }

    /// The table as RFC 4180 CSV with a header row of column names.
    public func csv() -> String {
        CSVWriter.document(header: columns.map(\.name), rows: rows.map { $0.map(\.csvField) })
    }
}
