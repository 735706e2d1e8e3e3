import Foundation
import Reporting
import StrictJSON

/// A report for machines: every table's rows as objects keyed by column name, at full precision.
///
/// A hidden count is `null`, and the row's `suppressed` member says which columns are hidden and why, so a client
/// can tell "hidden" from "not applicable" without parsing text.
enum ReportJSON {
    static func json(_ report: ReportDocument) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "report": .string(report.name),
                "title": .string(report.title),
                "summary": .string(report.summary),
                "filters": .array(report.filters.map { ["name": .string($0.name), "label": .string($0.label), "value": .string($0.value)] }),
                "period": ["from": .string(ReportRequest.dayText(report.periodStart)), "to": .string(ReportRequest.dayText(report.periodEnd))],
                "dataAsOf": report.dataAsOf.map { .string($0.rfc3339) } ?? .null,
                "generatedAt": .string(report.generatedAt.rfc3339),
                "sections": .array(report.sections.map(section)),
            ])
        )
    }

    static func section(_ section: ReportSection) -> JSONValue {
        let table = section.table
        return [
            "heading": .string(section.heading),
            "method": .string(section.method),
            "notes": .array(section.notes.map(JSONValue.string)),
            "table": .string(table.id),
            "columns": .array(table.columns.map { ["name": .string($0.name), "heading": .string($0.heading)] }),
            "rows": .array(table.rows.map { row(table.columns, $0) }),
        ]
    }

    static func row(_ columns: [ReportColumn], _ values: [ReportValue]) -> JSONValue {
        var object = JSONObject()
        var suppressed = JSONObject()
        for (column, value) in zip(columns, values) {
            object[column.name] = self.value(value)
            if case .count(.suppressed(let reason)) = value { suppressed[column.name] = .string(reason.rawValue) }
        }
        if !suppressed.isEmpty { object["suppressed"] = .object(suppressed) }
        return .object(object)
    }

    static func value(_ value: ReportValue) -> JSONValue {
        switch value {
        case .text(let text): return .string(text)
        case .integer(let number): return .number(JSONNumber(number))
        case .decimal(let number, _), .rate(let number, _): return .number(number) ?? .null
        case .count(.shown(let number)): return .number(JSONNumber(number))
        case .count(.suppressed), .missing: return .null
        }
    }
}
