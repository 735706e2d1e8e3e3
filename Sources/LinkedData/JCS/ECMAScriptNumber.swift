/// Formats a double exactly as ECMAScript's `Number.prototype.toString` does (ECMA-262 §6.1.6.1.20), which
/// RFC 8785 prescribes for JSON numbers. The shortest round-trip digits come from Swift's own `description`
/// (the same shortest-and-closest choice ECMAScript makes); only the layout differs and is redone here.
enum ECMAScriptNumber {
    /// `nil` for NaN and the infinities, which JSON cannot carry.
    static func format(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == 0 { return "0" }
        let (digits, n) = shortestDigits(abs(value))
        let k = digits.count
        var out = value < 0 ? "-" : ""
        if k <= n && n <= 21 {
            out += digits + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            out += digits.prefix(n) + "." + digits.dropFirst(n)
        } else if -6 < n && n <= 0 {
            out += "0." + String(repeating: "0", count: -n) + digits
        } else {
            let exponent = n - 1
            let sign = exponent < 0 ? "-" : "+"
            let mantissa = k == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst()
            out += mantissa + "e" + sign + String(abs(exponent))
        }
        return out
    }

    /// The decimal digits `s` (no leading or trailing zeros) and exponent `n` with value = 0.s × 10^n.
    static func shortestDigits(_ positive: Double) -> (digits: String, n: Int) {
        let text = positive.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = ""
        var integerLength = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." {
                seenPoint = true
            } else {
                digits.append(character)
                if !seenPoint { integerLength += 1 }
            }
        }
        var n = integerLength + exponent
        while digits.first == "0" {
            digits.removeFirst()
            n -= 1
        }
        while digits.last == "0" {
            digits.removeLast()
        }
        return (digits, n)
    }
}
