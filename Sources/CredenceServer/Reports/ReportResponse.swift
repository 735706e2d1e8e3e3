import Foundation
import HTTPTypes
import Hummingbird
import Reporting

/// A report in the requested format: JSON, one table as CSV, or the page.
struct ReportResponse: ResponseGenerator {
    let report: ReportDocument
    let request: ReportRequest
    let page: ReportPage

    /// Figures about an organisation's learners: never cached by shared caches, never indexed.
    private static let privateHeaders: HTTPFields = [.cacheControl: "private, no-store", HTTPField.Name("X-Robots-Tag")!: "noindex, nofollow"]

    /// Styles are inline and charts inline SVG: nothing else may load.
    private static let pageSecurity =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = Self.privateHeaders
        let body: String
        switch self.request.format {
        case .json:
            return try JSONResponse(headers: headers, ReportJSON.json(report)).response(from: request, context: context)
        case .csv:
            let tables = report.sections.map(\.table.id)
            let id = self.request.table ?? tables.first ?? ""
            guard let section = report.section(table: id) else {
                throw Problem.invalidParameter("table", "must be one of this report's tables: \(tables.joined(separator: ", "))")
            }
            headers[.contentType] = "text/csv; charset=utf-8; header=present"
            headers[.contentDisposition] = "attachment; filename=\"credence-\(report.name)-\(id).csv\""
            body = section.table.csv()
        case .html:
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.contentSecurityPolicy] = Self.pageSecurity
            body = page.render(report, query: self.request)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
