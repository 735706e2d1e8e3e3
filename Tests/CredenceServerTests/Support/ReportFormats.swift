import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Skills
import StrictJSON

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reading reports back the way their consumers do: CSV as a spreadsheet parses it, HTML as an XML parser does.
enum ReportFormats {
    /// RFC 4180 records (quoted fields, doubled quotes, CRLF), read by the Skills library's reader (the one framework
    /// imports use), which shares no code with the reports' CSV writer.
    static func csvRecords(_ text: String) -> [[String]] {
        ((try? CSVReader.records(Array(text.utf8))) ?? []).map(\.fields)
    }

    /// CSV as dictionaries keyed by the header row; nil when a record's length differs from the header's.
    static func csvRows(_ text: String) -> [[String: String]]? {
        let records = csvRecords(text)
        guard let header = records.first else { return nil }
        var rows: [[String: String]] = []
        for record in records.dropFirst() {
            guard record.count == header.count else { return nil }
            rows.append(Dictionary(uniqueKeysWithValues: zip(header, record)))
        }
        return rows
    }

    /// Whether the page parses as XML (the report pages are polyglot XHTML), and the text of its elements by name.
    static func parsePage(_ html: String) -> PageOutline {
        PageOutline(html)
    }
}

/// An XML parse of a page: well-formedness, and the elements seen.
final class PageOutline: NSObject, XMLParserDelegate {
    private(set) var isWellFormed = false
    private(set) var elementCounts: [String: Int] = [:]
    private(set) var text = ""

    init(_ html: String) {
        super.init()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = self
        isWellFormed = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:])
    {
        elementCounts[name, default: 0] += 1
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }
}

/// A report fetched over HTTP in each format.
struct ReportClient {
    let client: any TestClientProtocol

    func get(_ name: String, _ token: String, _ query: String = "") async throws -> TestResponse {
        try await client.execute(uri: "/v1/reports/\(name)" + (query.isEmpty ? "" : "?\(query)"), method: .get, headers: .bearer(token))
    }

    /// The JSON report; fails the test unless 200.
    func json(_ name: String, _ token: String, _ query: String = "") async throws -> JSONValue {
        let response = try await get(name, token, query)
        guard response.status == .ok else { throw ReportFailure(status: response.status, body: response.text) }
        return try response.json
    }

    /// The rows of one table of the JSON report.
    func rows(_ report: JSONValue, table: String) -> [JSONValue] {
        (report["sections"]?.arrayValue ?? []).first { $0["table"]?.stringValue == table }?["rows"]?.arrayValue ?? []
    }
}

struct ReportFailure: Error, CustomStringConvertible {
    let status: HTTPResponse.Status
    let body: String
    var description: String { "\(status.code): \(body)" }
}
