import Foundation
import Mustache
import Reporting

/// A report as a page for people, from `Resources/templates/report-page.mustache` in the verification page's style.
///
/// The page is polyglot XHTML (void elements self-closed) so it is well-formed XML as well as HTML, and charts are
/// inline SVG from the Reporting library, so it prints and archives as one file. Mustache escapes every value; only
/// the SVG, which the Reporting library escapes itself, is inserted raw.
struct ReportPage: Sendable {
    let library: MustacheLibrary

    init() throws {
        library = try .shipped(["report-page", "report-style", "verification-style"])
    }

    func render(_ report: ReportDocument, query: ReportRequest) -> String {
        library.render(Self.context(report, query: query), withTemplate: "report-page") ?? ""
    }

    static func context(_ report: ReportDocument, query: ReportRequest) -> [String: Any] {
        let sections: [[String: Any]] = report.sections.enumerated().map { index, section in
            let table = section.table
            let numeric = table.columns.indices.map { column in
                table.rows.contains { $0[column].isNumeric } && !table.rows.contains { !$0[column].isNumeric }
            }
            var context: [String: Any] = [
                "anchor": "section-\(index + 1)", "heading": section.heading, "method": section.method, "notes": section.notes,
                "table": table.id, "hasRows": !table.rows.isEmpty, "csvLink": csvLink(report.name, table: table.id, query: query),
                "columns": zip(table.columns, numeric).map { column, numeric in ["heading": column.heading, "cls": numeric ? "num" : "text"] },
                "rows": table.rows.map { row in
                    ["cells": zip(row, numeric).map { value, numeric in cell(value, numeric: numeric) }]
                },
            ]
            if let chart = section.chart, !table.rows.isEmpty { context["svg"] = chart.svg() }
            return context
        }
        return [
            "title": report.title, "summary": report.summary,
            "period": "\(PageDate.text(report.periodStart)) to \(PageDate.text(report.periodEnd)) (UTC, both days included)",
            "filters": report.filters.map { ["label": $0.label, "value": $0.value] },
            "dataAsOf": report.dataAsOf.map { PageDate.text($0) } ?? "no records in scope",
            "generatedAt": PageDate.text(report.generatedAt), "sections": sections,
        ]
    }

    static func cell(_ value: ReportValue, numeric: Bool) -> [String: Any] {
        let text = value.displayText
        // Long text (URIs, rationales) may break anywhere so wide tables fit the page; short tokens (dates, codes) never.
        let short = text.count <= 16 && !text.contains(" ")
        var cell: [String: Any] = ["text": text, "cls": numeric ? "num" : short ? "text nowrap" : "text"]
        if case .count(.suppressed(let reason)) = value {
            cell["cls"] = "num suppressed"
            cell["note"] =
                reason == .primary
                ? "fewer than the threshold of people" : "hidden so that a small cell cannot be worked out from the totals"
        }
        return cell
    }

    /// The same report's table as CSV, with the caller's filters (not the format).
    static func csvLink(_ name: String, table: String, query: ReportRequest) -> String {
        var items = [
            URLQueryItem(name: "format", value: "csv"), URLQueryItem(name: "table", value: table),
            URLQueryItem(name: "from", value: ReportRequest.dayText(query.from)), URLQueryItem(name: "to", value: ReportRequest.dayText(query.to)),
        ]
        if let issuer = query.issuer { items.append(URLQueryItem(name: "issuer", value: issuer.uuidString.lowercased())) }
        if let achievement = query.achievement { items.append(URLQueryItem(name: "achievement", value: achievement.uuidString.lowercased())) }
        if !query.pathway.isEmpty {
            items.append(URLQueryItem(name: "pathway", value: query.pathway.map { $0.uuidString.lowercased() }.joined(separator: ",")))
        }
        var components = URLComponents()
        components.path = "/v1/reports/\(name)"
        components.queryItems = items
        return components.string ?? components.path
    }
}
