/// An RFC 4180 reader: comma-separated fields, `"`-quoted fields that may hold commas, quotes (`""`) and line
/// breaks, records ending in CRLF or LF, an optional UTF-8 byte-order mark.
public struct CSVReader {
    /// One record and the line it starts on.
    public struct Record: Sendable {
        public let line: Int
        public let fields: [String]
    }

    /// All records, or the first syntax error with its line.
    public static func records(_ bytes: [UInt8]) throws(FrameworkImportError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var atFieldStart = true
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            atFieldStart = true
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields.removeAll(keepingCapacity: true)
        }
        func fail(_ message: String, at line: Int) -> FrameworkImportError {
            FrameworkImportError([.init(line: line, message: message)])
        }
        while index < bytes.count {
            let byte = bytes[index]
            if atFieldStart && byte == quote {
                let quotedLine = line
                index += 1
                while true {
                    guard index < bytes.count else { throw fail("a quoted field is not closed", at: quotedLine) }
                    let inner = bytes[index]
                    if inner == quote {
                        if index + 1 < bytes.count && bytes[index + 1] == quote {
                            field.append(quote)
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    if inner == newline { line += 1 }
                    field.append(inner)
                    index += 1
                }
                atFieldStart = false
                if index < bytes.count, ![comma, newline, carriageReturn].contains(bytes[index]) {
                    throw fail("text after the closing quote of a field; double a quote inside a quoted field", at: line)
                }
                continue
            }
            switch byte {
            case comma:
                endField()
            case carriageReturn where index + 1 < bytes.count && bytes[index + 1] == newline:
                break
            case newline:
                endRecord()
                line += 1
                recordLine = line
            case quote:
                throw fail("a quote inside an unquoted field; quote the whole field and double the quote", at: line)
            default:
                field.append(byte)
                atFieldStart = false
            }
            index += 1
        }
        if !fields.isEmpty || !field.isEmpty || !atFieldStart { endRecord() }
        return records
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
}
