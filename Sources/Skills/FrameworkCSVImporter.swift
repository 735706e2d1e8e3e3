/// Reads a custom framework from CSV.
///
/// The header names the columns, in any order, case-insensitively; `code` and `label` are required:
///
/// | column | content |
/// |---|---|
/// | `code` | the item's code, unique in the file (`DS-101`) |
/// | `label` | the item's name |
/// | `alt_labels` | other names, separated by `\|` |
/// | `description` | free text |
/// | `broader_code` | the `code` of the parent item, empty for a top-level item |
/// | `maps_to` | ESCO URIs, O*NET-SOC codes, O*NET element ids or `tech:` ids of the same competency, separated by `\|` |
/// | `url` | the item's web page, matched against alignments' `targetUrl` |
///
/// Quoting follows RFC 4180. Every problem is reported with its line: unknown or repeated columns, missing values,
/// repeated codes, unknown or circular `broader_code`s, unrecognised `maps_to` entries.
public enum FrameworkCSVImporter {
    public static let columns = ["code", "label", "alt_labels", "description", "broader_code", "maps_to", "url"]

    public static func parse(_ bytes: [UInt8]) throws(FrameworkImportError) -> FrameworkImport {
        let records = try CSVReader.records(bytes)
        guard let header = records.first else { throw FrameworkImportError([.init(line: 1, message: "the file is empty")]) }
        let columnIndex = try index(header)
        var problems: [FrameworkImportError.Problem] = []
        var items: [FrameworkItem] = []
        var lineOfCode: [String: Int] = [:]
        var broader: [(child: String, parent: String, line: Int)] = []
        var mappings: [FrameworkMapping] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                problems.append(.init(line: record.line, message: "\(record.fields.count) fields, the header has \(header.fields.count)"))
                continue
            }
            func value(_ column: String) -> String? {
                guard let index = columnIndex[column] else { return nil }
                let text = record.fields[index].trimmingWhitespace()
                return text.isEmpty ? nil : text
            }
            guard let code = value("code") else {
                problems.append(.init(line: record.line, message: "code is empty"))
                continue
            }
            guard let label = value("label") else {
                problems.append(.init(line: record.line, message: "label of \(code) is empty"))
                continue
            }
            if let first = lineOfCode[code] {
                problems.append(.init(line: record.line, message: "code \(code) already used on line \(first)"))
                continue
            }
            lineOfCode[code] = record.line
            items.append(FrameworkItem(id: code, code: code, label: label, altLabels: list(value("alt_labels")), description: value("description"), url: value("url")))
            if let parent = value("broader_code") { broader.append((code, parent, record.line)) }
            for entry in list(value("maps_to")) {
                if let target = ConceptCode.references(in: entry).first(where: { $0.framework != nil }) {
                    mappings.append(FrameworkMapping(item: code, target: target, kind: .exactMatch))
                } else {
                    problems.append(.init(line: record.line, message: "maps_to entry \(entry) is not an ESCO URI, O*NET code or tech: id"))
                }
            }
        }
        for edge in broader where lineOfCode[edge.parent] == nil {
            problems.append(.init(line: edge.line, message: "broader_code \(edge.parent) is not the code of any item"))
        }
        let hierarchy = broader.filter { lineOfCode[$0.parent] != nil }.map { FrameworkEdge(child: $0.child, parent: $0.parent) }
        for code in HierarchyCheck.codesInCycles(hierarchy) {
            problems.append(.init(line: lineOfCode[code], message: "broader_code of \(code) leads back to \(code)"))
        }
        guard problems.isEmpty else {
            throw FrameworkImportError(Array(problems.sorted { ($0.line ?? 0) < ($1.line ?? 0) }.prefix(FrameworkImportError.reportLimit)))
        }
        return FrameworkImport(format: .csv, items: items, hierarchy: hierarchy, mappings: mappings)
    }

    private static func index(_ header: CSVReader.Record) throws(FrameworkImportError) -> [String: Int] {
        var index: [String: Int] = [:]
        var problems: [FrameworkImportError.Problem] = []
        for (position, name) in header.fields.enumerated() {
            let column = name.trimmingWhitespace().lowercased()
            if !columns.contains(column) {
                problems.append(.init(line: header.line, message: "unknown column \"\(name)\"; columns are \(columns.joined(separator: ", "))"))
            } else if index[column] != nil {
                problems.append(.init(line: header.line, message: "column \(column) appears twice"))
            } else {
                index[column] = position
            }
        }
        for required in ["code", "label"] where index[required] == nil {
            problems.append(.init(line: header.line, message: "the header has no \(required) column"))
        }
        guard problems.isEmpty else { throw FrameworkImportError(problems) }
        return index
    }

    private static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: "|").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
