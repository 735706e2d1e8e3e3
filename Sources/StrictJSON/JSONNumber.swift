/// A JSON number kept as its source text, so nothing is lost to binary floating point
/// until a caller asks for a `Double` or an integer.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number exactly as written in the document (always valid JSON number grammar).
    public let text: String

    /// Wraps text already known to match the JSON number grammar (the parser's output).
    init(validatedText: String) {
        self.text = validatedText
    }

    public init(_ value: Int) {
        self.text = String(value)
    }

    /// A finite double, written in Swift's shortest round-trip form; `nil` for NaN and infinities,
    /// which JSON cannot represent.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 1e15 {
            self.text = String(Int64(value))
        } else {
            self.text = "\(value)"
        }
    }

    /// The IEEE double nearest to the text, as JSON-LD and JCS define numbers.
    public var double: Double {
        Double(text) ?? .nan
    }

    /// True when the text has no fraction or exponent part.
    public var isIntegerLiteral: Bool {
        !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// The value as an `Int` when it is integral and fits, whatever its spelling (`4`, `4.0`, `4e0`).
    public var intValue: Int? {
        if isIntegerLiteral { return Int(text) }
        let d = double
        guard d.isFinite, d == d.rounded(), abs(d) < 9.0e15 else { return nil }
        return Int(d)
    }

    public var description: String { text }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.text == rhs.text || lhs.double == rhs.double
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(double)
    }
}
