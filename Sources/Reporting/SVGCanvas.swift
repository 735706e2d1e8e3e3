/// Accumulates SVG elements with escaped text and fixed-precision coordinates, and wraps them in an accessible
/// `<svg>` element.
struct SVGCanvas {
    /// Shared presentation: dark ink on white, so charts print in black and white; no CSS or scripts.
    static let font = "font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\" font-size=\"13\""
    static let ink = "#1a1a1a"
    static let barFill = "#2f5d8a"
    static let gridStroke = "#c8c8c8"

    private var elements: [String] = []

    /// A text element; `lines` become `<tspan>`s 16 px apart, starting at `y`.
    mutating func text(_ lines: [String], x: Double, y: Double, anchor: String = "start", extra: String = "") {
        let attributes =
            "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" text-anchor=\"\(anchor)\" fill=\"\(Self.ink)\"\(extra.isEmpty ? "" : " " + extra)"
        if lines.count == 1 {
            elements.append("<text \(attributes)>\(HTMLEscaping.escape(lines[0]))</text>")
            return
        }
        let spans = lines.enumerated().map { index, line in
            "<tspan x=\"\(Self.number(x))\" dy=\"\(index == 0 ? "0" : "16")\">\(HTMLEscaping.escape(line))</tspan>"
        }
        elements.append("<text \(attributes)>\(spans.joined())</text>")
    }

    /// A rectangle.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, extra: String) {
        elements.append(
            "<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" \(extra)/>"
        )
    }

    /// A straight line.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, extra: String) {
        elements.append(
            "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\" \(extra)/>"
        )
    }

    /// The finished `<svg>`: `role="img"` labelled by its `<title>` and described by its `<desc>`.
    func document(width: Double, height: Double, title: String, description: String, idPrefix: String) -> String {
        let id = Self.safeID(idPrefix)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" "
            + "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\" \(Self.font)>"
            + "<title id=\"\(id)-title\">\(HTMLEscaping.escape(title))</title>"
            + "<desc id=\"\(id)-desc\">\(HTMLEscaping.escape(description))</desc>"
            + elements.joined()
            + "</svg>"
    }

    /// Coordinates with two decimals, so output is stable across platforms.
    static func number(_ value: Double) -> String {
        NumberText.decimal(value, places: 2)
    }

    /// An XML name built from `prefix`: letters, digits, `-` and `_` kept, anything else dropped; starts with a letter.
    static func safeID(_ prefix: String) -> String {
        let kept = prefix.unicodeScalars.filter { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }
        let name = String(String.UnicodeScalarView(kept))
        return name.first?.isLetter == true ? name : "chart-" + name
    }
}
