extension RDFDataset {
    /// Parses N-Quads (RDF 1.1), unescaping `\u`/`\U` and string escapes; blank node labels are kept so the
    /// issued canonical identifiers can be reported against them.
    public init(nQuads: String) throws(LinkedDataError) {
        self.init()
        var parser = NQuadsParser(bytes: Array(nQuads.utf8))
        try parser.parse(into: &self)
    }
}

/// A line-by-line N-Quads reader.
private struct NQuadsParser {
    let bytes: [UInt8]
    var position = 0
    var line = 1
    var blankNodes: [String: RDFDataset.Term] = [:]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Reads statements until the end of the input.
    mutating func parse(into dataset: inout RDFDataset) throws(LinkedDataError) {
        while true {
            skipWhitespaceAndComments()
            guard position < bytes.count else { return }
            if bytes[position] == UInt8(ascii: "\n") || bytes[position] == UInt8(ascii: "\r") {
                newline()
                continue
            }
            let subject = try subjectOrGraph(&dataset)
            let predicate = try iriTerm(&dataset)
            let object = try objectTerm(&dataset)
            skipSpaces()
            var graph = RDFDataset.Term.absent
            if position < bytes.count, bytes[position] != UInt8(ascii: ".") {
                graph = try subjectOrGraph(&dataset)
                skipSpaces()
            }
            try expect(".")
            skipWhitespaceAndComments()
            if position < bytes.count, bytes[position] != UInt8(ascii: "\n"), bytes[position] != UInt8(ascii: "\r") {
                throw failure("unexpected text after the end of the statement")
            }
            dataset.add(subject, predicate, object, graph: graph)
        }
    }

    private mutating func newline() {
        if bytes[position] == UInt8(ascii: "\r"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\n") {
            position += 1
        }
        position += 1
        line += 1
    }

    private mutating func skipSpaces() {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") {
            position += 1
        }
    }

    private mutating func skipWhitespaceAndComments() {
        skipSpaces()
        if position < bytes.count, bytes[position] == UInt8(ascii: "#") {
            while position < bytes.count, bytes[position] != UInt8(ascii: "\n"), bytes[position] != UInt8(ascii: "\r") {
                position += 1
            }
        }
    }

    private func failure(_ detail: String) -> LinkedDataError {
        .invalidNQuads(line: line, detail: detail)
    }

    private mutating func expect(_ character: Unicode.Scalar) throws(LinkedDataError) {
        guard position < bytes.count, bytes[position] == UInt8(ascii: character) else {
            throw failure("expected \"\(character)\"")
        }
        position += 1
    }

    private mutating func subjectOrGraph(_ dataset: inout RDFDataset) throws(LinkedDataError) -> RDFDataset.Term {
        skipSpaces()
        guard position < bytes.count else { throw failure("unexpected end of input") }
        if bytes[position] == UInt8(ascii: "_") { return try blankNode(&dataset) }
        return try iriTerm(&dataset)
    }

    private mutating func objectTerm(_ dataset: inout RDFDataset) throws(LinkedDataError) -> RDFDataset.Term {
        skipSpaces()
        guard position < bytes.count else { throw failure("unexpected end of input") }
        switch bytes[position] {
        case UInt8(ascii: "_"): return try blankNode(&dataset)
        case UInt8(ascii: "\""): return try literal(&dataset)
        default: return try iriTerm(&dataset)
        }
    }

    private mutating func iriTerm(_ dataset: inout RDFDataset) throws(LinkedDataError) -> RDFDataset.Term {
        skipSpaces()
        return dataset.iri(try iri())
    }

    private mutating func iri() throws(LinkedDataError) -> String {
        try expect("<")
        var out: [UInt8] = []
        while position < bytes.count, bytes[position] != UInt8(ascii: ">") {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                try unescapeUCHAR(into: &out)
            } else if byte <= 0x20 || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") {
                throw failure("character not allowed in an IRI")
            } else {
                out.append(byte)
                position += 1
            }
        }
        try expect(">")
        return String(decoding: out, as: UTF8.self)
    }

    /// A blank node label; the same label is the same node throughout the document.
    private mutating func blankNode(_ dataset: inout RDFDataset) throws(LinkedDataError) -> RDFDataset.Term {
        try expect("_")
        try expect(":")
        let start = position
        while position < bytes.count, !Self.endsLabel(bytes[position]) {
            position += 1
        }
        // A label may not end with ".", which then terminates the statement.
        while position > start, bytes[position - 1] == UInt8(ascii: ".") {
            position -= 1
        }
        guard position > start else { throw failure("empty blank node label") }
        let label = String(decoding: bytes[start..<position], as: UTF8.self)
        if let existing = blankNodes[label] { return existing }
        let term = dataset.newBlankNode(label: label)
        blankNodes[label] = term
        return term
    }

    private static func endsLabel(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "#")
    }

    /// A quoted literal with its escapes undone, and its language tag or datatype.
    private mutating func literal(_ dataset: inout RDFDataset) throws(LinkedDataError) -> RDFDataset.Term {
        try expect("\"")
        var out: [UInt8] = []
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { throw failure("unterminated string") }
            if byte == UInt8(ascii: "\\") {
                guard position + 1 < bytes.count else { throw failure("unterminated escape") }
                let escaped: UInt8?
                switch bytes[position + 1] {
                case UInt8(ascii: "t"): escaped = 0x09
                case UInt8(ascii: "b"): escaped = 0x08
                case UInt8(ascii: "n"): escaped = 0x0A
                case UInt8(ascii: "r"): escaped = 0x0D
                case UInt8(ascii: "f"): escaped = 0x0C
                case UInt8(ascii: "\""): escaped = 0x22
                case UInt8(ascii: "'"): escaped = 0x27
                case UInt8(ascii: "\\"): escaped = 0x5C
                default: escaped = nil
                }
                if let escaped {
                    out.append(escaped)
                    position += 2
                } else {
                    try unescapeUCHAR(into: &out)
                }
            } else {
                out.append(byte)
                position += 1
            }
        }
        try expect("\"")
        let lexical = String(decoding: out, as: UTF8.self)
        if position < bytes.count, bytes[position] == UInt8(ascii: "@") {
            position += 1
            let start = position
            while position < bytes.count, bytes[position] == UInt8(ascii: "-") || Self.isAlphanumeric(bytes[position]) {
                position += 1
            }
            guard position > start else { throw failure("empty language tag") }
            let language = String(decoding: bytes[start..<position], as: UTF8.self)
            return dataset.literal(lexical, datatype: RDFVocabulary.langString, language: language)
        }
        if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "^"), bytes[position + 1] == UInt8(ascii: "^") {
            position += 2
            let datatype = try iri()
            return dataset.literal(lexical, datatype: datatype)
        }
        return dataset.literal(lexical, datatype: RDFVocabulary.xsdString)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Reads `\uXXXX` or `\UXXXXXXXX` at the current position and appends its UTF-8.
    private mutating func unescapeUCHAR(into out: inout [UInt8]) throws(LinkedDataError) {
        guard position + 1 < bytes.count else { throw failure("unterminated escape") }
        let width: Int
        switch bytes[position + 1] {
        case UInt8(ascii: "u"): width = 4
        case UInt8(ascii: "U"): width = 8
        default: throw failure("invalid escape sequence")
        }
        let start = position + 2
        guard start + width <= bytes.count,
            let value = UInt32(String(decoding: bytes[start..<start + width], as: UTF8.self), radix: 16),
            let scalar = Unicode.Scalar(value)
        else { throw failure("invalid \\u escape") }
        out.append(contentsOf: String(Character(scalar)).utf8)
        position = start + width
    }
}
