import Foundation

/// Canonical lexical forms of JSON numbers as JSON-LD's toRdf writes them (API §8.6, "Data Round Tripping").
enum XSDCanonicalForm {
    /// `xsd:integer`: decimal digits of the (integral) double, as JavaScript's `toFixed(0)` prints them.
    static func integer(_ value: Double) -> String {
        if abs(value) < 9.0e18 { return String(Int64(value)) }
        return String(format: "%.0f", value)
    }

    /// `xsd:double`: one digit, a point, up to 15 more digits without trailing zeros, `E`, the exponent — what
    /// `value.toExponential(15)` gives after the spec's regular expression (rounding ties away from zero).
    static func double(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-INF" : "INF") }
        if value == 0 { return "0.0E0" }
        let exact = String(format: "%.40e", abs(value))
        guard let e = exact.firstIndex(of: "e"), var exponent = Int(exact[exact.index(after: e)...]) else { return exact }
        var digits = exact[..<e].compactMap { $0.wholeNumberValue }
        let roundUp = digits[16] >= 5
        digits = Array(digits.prefix(16))
        if roundUp {
            var i = 15
            while i >= 0 {
                if digits[i] == 9 {
                    digits[i] = 0
                    i -= 1
                } else {
                    digits[i] += 1
                    break
                }
            }
            if i < 0 {
                digits.insert(1, at: 0)
                digits.removeLast()
                exponent += 1
            }
        }
        var fraction = digits.dropFirst()
        while fraction.count > 1, fraction.last == 0 { fraction = fraction.dropLast() }
        let mantissa = "\(digits[0])." + fraction.map(String.init).joined()
        return (value < 0 ? "-" : "") + mantissa + "E" + String(exponent)
    }
}
