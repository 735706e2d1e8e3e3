/// Bounds on what the parser accepts, so one request cannot exhaust memory or the stack.
public struct JSONLimits: Sendable, Hashable {
    public var maxDepth: Int
    public var maxStringBytes: Int
    public var maxArrayCount: Int
    public var maxObjectMembers: Int

    public init(maxDepth: Int = 64, maxStringBytes: Int = 1 << 20, maxArrayCount: Int = 10_000, maxObjectMembers: Int = 1_000) {
        self.maxDepth = maxDepth
        self.maxStringBytes = maxStringBytes
        self.maxArrayCount = maxArrayCount
        self.maxObjectMembers = maxObjectMembers
    }

    /// Generous limits for trusted input (pinned contexts, conformance suites).
    public static let trusted = JSONLimits(maxDepth: 512, maxStringBytes: .max, maxArrayCount: .max, maxObjectMembers: .max)
}

/// Why a document is not acceptable JSON, and where.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case empty
        case invalidUTF8
        case unexpectedCharacter(String)
        case unexpectedEnd
        case invalidNumber
        case invalidEscape
        case unpairedSurrogate
        case controlCharacterInString
        case duplicateKey(String)
        case tooDeep(max: Int)
        case stringTooLong(max: Int)
        case arrayTooLong(max: Int)
        case tooManyMembers(max: Int)
        case trailingContent
    }

    public let reason: Reason
    /// Byte offset in the input.
    public let offset: Int
    /// The member or element being read when the error happened.
    public let pointer: JSONPointer

    public var message: String {
        switch reason {
        case .empty: return "the document is empty"
        case .invalidUTF8: return "the document is not valid UTF-8"
        case .unexpectedCharacter(let c): return "unexpected character \(c)"
        case .unexpectedEnd: return "the document ends in the middle of a value"
        case .invalidNumber: return "malformed number"
        case .invalidEscape: return "invalid escape sequence in a string"
        case .unpairedSurrogate: return "a \\u escape encodes half of a surrogate pair"
        case .controlCharacterInString: return "unescaped control character in a string"
        case .duplicateKey(let k): return "duplicate member \"\(k)\""
        case .tooDeep(let max): return "nesting deeper than \(max) levels"
        case .stringTooLong(let max): return "a string longer than \(max) bytes"
        case .arrayTooLong(let max): return "an array with more than \(max) elements"
        case .tooManyMembers(let max): return "an object with more than \(max) members"
        case .trailingContent: return "content after the end of the JSON value"
        }
    }

    public var description: String {
        "\(message) at byte \(offset) (\(pointer.description.isEmpty ? "document root" : pointer.description))"
    }
}

/// A strict RFC 8259 parser: rejects invalid UTF-8, lone surrogates, duplicate keys and anything past the limits,
/// and reports each error with the JSON pointer of the value being read.
public enum JSONParser {
    public static func parse(_ bytes: some Sequence<UInt8>, limits: JSONLimits = JSONLimits()) throws(JSONParseError) -> JSONValue {
        let array = Array(bytes)
        do {
            return try array.withUnsafeBufferPointer { buffer in
                var reader = Reader(buffer: buffer, limits: limits)
                return try reader.parseDocument()
            }
        } catch let e as JSONParseError {
            throw e
        } catch {
            throw JSONParseError(reason: .unexpectedEnd, offset: 0, pointer: .root)
        }
    }

    public static func parse(_ text: String, limits: JSONLimits = JSONLimits()) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8), limits: limits)
    }
}

private struct Reader {
    let buffer: UnsafeBufferPointer<UInt8>
    let limits: JSONLimits
    var position = 0
    var path: [String] = []

    init(buffer: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.buffer = buffer
        self.limits = limits
    }

    func fail(_ reason: JSONParseError.Reason, at offset: Int? = nil) -> JSONParseError {
        JSONParseError(reason: reason, offset: offset ?? position, pointer: JSONPointer(tokens: path))
    }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        // A UTF-8 byte order mark is tolerated, as RFC 8259 §8.1 allows parsers to.
        if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        skipWhitespace()
        guard position < buffer.count else { throw fail(.empty) }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard position == buffer.count else { throw fail(.trailingContent) }
        return value
    }

    mutating func skipWhitespace() {
        while position < buffer.count {
            switch buffer[position] {
            case 0x20, 0x0A, 0x0D, 0x09: position += 1
            default: return
            }
        }
    }

    func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
        guard position < buffer.count else { throw fail(.unexpectedEnd) }
        switch buffer[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fail(.unexpectedCharacter(describe(buffer[position])))
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let start = position
        let count = literal.utf8CodeUnitCount
        guard position + count <= buffer.count else { throw fail(.unexpectedEnd) }
        let base = literal.utf8Start
        for i in 0..<count where buffer[position + i] != base[i] {
            throw fail(.unexpectedCharacter(describe(buffer[position + i])), at: start + i)
        }
        position += count
    }

    mutating func parseObject(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= limits.maxDepth else { throw fail(.tooDeep(max: limits.maxDepth)) }
        position += 1
        var members: [(String, JSONValue)] = []
        var seen = Set<String>()
        skipWhitespace()
        if position < buffer.count, buffer[position] == UInt8(ascii: "}") {
            position += 1
            return .object(JSONObject())
        }
        while true {
            skipWhitespace()
            guard position < buffer.count else { throw fail(.unexpectedEnd) }
            guard buffer[position] == UInt8(ascii: "\"") else { throw fail(.unexpectedCharacter(describe(buffer[position]))) }
            let keyStart = position
            let key = try parseString()
            path.append(key)
            guard seen.insert(key).inserted else { throw fail(.duplicateKey(key), at: keyStart) }
            guard members.count < limits.maxObjectMembers else { throw fail(.tooManyMembers(max: limits.maxObjectMembers)) }
            skipWhitespace()
            guard position < buffer.count else { throw fail(.unexpectedEnd) }
            guard buffer[position] == UInt8(ascii: ":") else { throw fail(.unexpectedCharacter(describe(buffer[position]))) }
            position += 1
            skipWhitespace()
            let value = try parseValue(depth: depth)
            path.removeLast()
            members.append((key, value))
            skipWhitespace()
            guard position < buffer.count else { throw fail(.unexpectedEnd) }
            switch buffer[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                return .object(JSONObject(members))
            default: throw fail(.unexpectedCharacter(describe(buffer[position])))
            }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= limits.maxDepth else { throw fail(.tooDeep(max: limits.maxDepth)) }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < buffer.count, buffer[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            guard elements.count < limits.maxArrayCount else { throw fail(.arrayTooLong(max: limits.maxArrayCount)) }
            path.append(String(elements.count))
            skipWhitespace()
            let value = try parseValue(depth: depth)
            path.removeLast()
            elements.append(value)
            skipWhitespace()
            guard position < buffer.count else { throw fail(.unexpectedEnd) }
            switch buffer[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                return .array(elements)
            default: throw fail(.unexpectedCharacter(describe(buffer[position])))
            }
        }
    }

    mutating func parseNumber() throws(JSONParseError) -> JSONNumber {
        let start = position
        if buffer[position] == UInt8(ascii: "-") { position += 1 }
        guard position < buffer.count else { throw fail(.invalidNumber, at: start) }
        if buffer[position] == UInt8(ascii: "0") {
            position += 1
        } else if isDigit(buffer[position]) {
            while position < buffer.count, isDigit(buffer[position]) { position += 1 }
        } else {
            throw fail(.invalidNumber, at: start)
        }
        if position < buffer.count, buffer[position] == UInt8(ascii: ".") {
            position += 1
            guard position < buffer.count, isDigit(buffer[position]) else { throw fail(.invalidNumber, at: start) }
            while position < buffer.count, isDigit(buffer[position]) { position += 1 }
        }
        if position < buffer.count, buffer[position] == UInt8(ascii: "e") || buffer[position] == UInt8(ascii: "E") {
            position += 1
            if position < buffer.count, buffer[position] == UInt8(ascii: "+") || buffer[position] == UInt8(ascii: "-") { position += 1 }
            guard position < buffer.count, isDigit(buffer[position]) else { throw fail(.invalidNumber, at: start) }
            while position < buffer.count, isDigit(buffer[position]) { position += 1 }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
        return JSONNumber(validatedText: text)
    }

    func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    mutating func parseString() throws(JSONParseError) -> String {
        let quote = position
        position += 1
        let start = position
        // Fast path: no escapes; validate UTF-8 once on the slice.
        while position < buffer.count {
            let b = buffer[position]
            if b == UInt8(ascii: "\"") {
                guard position - start <= limits.maxStringBytes else { throw fail(.stringTooLong(max: limits.maxStringBytes), at: quote) }
                let slice = UnsafeBufferPointer(rebasing: buffer[start..<position])
                guard let s = String(validating: slice, as: UTF8.self) else { throw fail(.invalidUTF8, at: start) }
                position += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw fail(.controlCharacterInString) }
            position += 1
        }
        guard position < buffer.count else { throw fail(.unexpectedEnd) }
        var bytes = Array(UnsafeBufferPointer(rebasing: buffer[start..<position]))
        while position < buffer.count {
            let b = buffer[position]
            switch b {
            case UInt8(ascii: "\""):
                guard bytes.count <= limits.maxStringBytes else { throw fail(.stringTooLong(max: limits.maxStringBytes), at: quote) }
                guard let s = String(validating: bytes, as: UTF8.self) else { throw fail(.invalidUTF8, at: start) }
                position += 1
                return s
            case UInt8(ascii: "\\"):
                position += 1
                guard position < buffer.count else { throw fail(.unexpectedEnd) }
                let e = buffer[position]
                position += 1
                switch e {
                case UInt8(ascii: "\""): bytes.append(0x22)
                case UInt8(ascii: "\\"): bytes.append(0x5C)
                case UInt8(ascii: "/"): bytes.append(0x2F)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape()
                    bytes.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw fail(.invalidEscape, at: position - 2)
                }
            default:
                if b < 0x20 { throw fail(.controlCharacterInString) }
                bytes.append(b)
                position += 1
            }
            if bytes.count > limits.maxStringBytes { throw fail(.stringTooLong(max: limits.maxStringBytes), at: quote) }
        }
        throw fail(.unexpectedEnd)
    }

    mutating func readHex4() throws(JSONParseError) -> UInt32 {
        guard position + 4 <= buffer.count else { throw fail(.unexpectedEnd) }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = buffer[position]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw fail(.invalidEscape)
            }
            v = v << 4 | d
            position += 1
        }
        return v
    }

    mutating func parseUnicodeEscape() throws(JSONParseError) -> Unicode.Scalar {
        let first = try readHex4()
        if (0xDC00...0xDFFF).contains(first) { throw fail(.unpairedSurrogate) }
        if (0xD800...0xDBFF).contains(first) {
            guard position + 6 <= buffer.count, buffer[position] == UInt8(ascii: "\\"), buffer[position + 1] == UInt8(ascii: "u")
            else { throw fail(.unpairedSurrogate) }
            position += 2
            let second = try readHex4()
            guard (0xDC00...0xDFFF).contains(second) else { throw fail(.unpairedSurrogate) }
            let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            guard let scalar = Unicode.Scalar(value) else { throw fail(.unpairedSurrogate) }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else { throw fail(.invalidEscape) }
        return scalar
    }
}
