import Foundation

/// One CSV field: text, which is guarded against formula injection, or a number, which is written as is.
public enum CSVField: Sendable, Hashable {
    /// Free text (names, labels, comments).
    case text(String)
    /// An integer count.
    case integer(Int)
    /// A decimal with a fixed number of places.
    case decimal(Double, places: Int)
    /// An empty field (missing or suppressed value).
    case empty
}

/// Writes CSV as RFC 4180 describes it, for spreadsheets.
///
/// - Records end with CRLF, the header row included.
/// - A field is quoted when it contains a comma, a double quote, CR or LF, or starts or ends with a space; quotes
///   inside are doubled.
/// - **Formula-injection guard** (OWASP "CSV Injection"): a text field starting with `=`, `+`, `-`, `@`, tab or CR
///   gets a leading `'`, so a spreadsheet shows it as text instead of evaluating it. Numbers are written as
///   `.integer`/`.decimal` and never prefixed, so "-0.25" stays a number; text that merely looks numeric but starts
///   with `-` or `+` is prefixed, which is the price of the guard.
public enum CSVWriter {
    /// The whole document: a header row, then one record per row.
    public static func document(header: [String], rows: [[CSVField]]) -> String {
        var output = record(header.map(CSVField.text))
        for row in rows { output += record(row) }
        return output
    }

    /// One record, CRLF-terminated.
    public static func record(_ fields: [CSVField]) -> String {
        fields.map(encode).joined(separator: ",") + "\r\n"
    }

    private static func encode(_ field: CSVField) -> String {
        switch field {
        case .empty: return ""
        case .integer(let value): return String(value)
        case .decimal(let value, let places): return value.isFinite ? NumberText.decimal(value, places: places) : ""
        case .text(let text): return quoted(guarded(text))
        }
    }

    private static func guarded(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    private static func quoted(_ text: String) -> String {
        let needsQuotes =
            text.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
