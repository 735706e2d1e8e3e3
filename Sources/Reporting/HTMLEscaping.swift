/// Escaping text for HTML and XML (and so SVG) content and attribute values.
public enum HTMLEscaping {
    /// `text` with `& < > " '` replaced by character references, safe inside elements and quoted attributes.
    ///
    /// Characters XML 1.0 forbids even as references (C0 controls other than tab, line feed and carriage return,
    /// U+FFFE, U+FFFF) become U+FFFD, so a stray control byte in a user's label cannot make a page or chart
    /// ill-formed.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
