import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG string with Foundation's XMLParser and records its elements, so tests can check well-formedness and
/// read what a browser would read.
final class SVGInspector: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text: String
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []
    private(set) var isWellFormed = false

    init(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        isWellFormed = parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:])
    {
        elements.append(Element(name: name, attributes: attributes, text: ""))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        // Text belongs to the innermost open element and, for <text> with <tspan>s, to the <text> as well.
        for index in open.suffix(2) { elements[index].text += string }
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// The text of every `<text>` element, tspans joined with spaces.
    var texts: [String] {
        all("text").map { element in element.text }
    }

    func number(_ element: Element, _ attribute: String) -> Double? {
        element.attributes[attribute].flatMap(Double.init)
    }
}
