import StrictJSON

/// Reads typed fields out of credential JSON the way a tolerant reader should: it accepts the common deviations
/// (single values for lists, numbers for text, language-tagged values) with a warning, and records a problem only when
/// a value cannot mean what the field needs.
struct FieldReader {
    let log: FindingLog
    /// OB 2.0 has no `type` on nested objects and uses bare image URLs, so those are not deviations there.
    let version: OpenBadgesVersion

    // MARK: Text

    /// A text field; `nil` when absent or blank. A value that cannot be read as text is a problem when `essential`,
    /// otherwise a warning (a language map for a description should not cost the earner their badge).
    func text(_ parent: Node, _ key: String, essential: Bool = false) -> String? {
        guard let node = parent[key] else { return nil }
        return text(of: node, essential: essential)
    }

    /// The text of a value, accepting numbers, `{"@value": …}` and one-element lists with a warning.
    func text(of node: Node, essential: Bool = false) -> String? {
        switch node.value {
        case .string(let s):
            return s.utf8.allSatisfy(ASCIIWhitespace.contains) ? nil : s
        case .number(let n):
            log.warn(.numberForText, "expected text, found the number \(n.text); read as text", at: node.pointer)
            return n.text
        case .object(let o):
            if let value = o["@value"]?.stringValue {
                log.warn(.languageValue, "a JSON-LD value object; its @value is used", at: node.pointer)
                return value
            }
        case .array(let a):
            // A list of strings, or of JSON-LD value objects in several languages: the first is used.
            if let first = a.first.flatMap({ $0.stringValue ?? $0["@value"]?.stringValue }) {
                log.warn(.listForSingleValue, "expected one text value, found a list of \(a.count); the first is used", at: node.pointer)
                return first
            }
        case .bool, .null:
            break
        }
        report(essential, .wrongKind, "expected text, found \(node.value.kindName)", at: node.pointer)
        return nil
    }

    /// A text field the credential cannot do without; its absence is a problem naming `what`.
    func requiredText(_ parent: Node, _ key: String, what: String) -> String? {
        guard parent[key] != nil else {
            log.problem(.missingField, "\(what) is missing", at: parent.pointer / key)
            return nil
        }
        guard let value = text(parent, key, essential: true) else {
            if case .string = parent[key]?.value { log.problem(.missingField, "\(what) is empty", at: parent.pointer / key) }
            return nil
        }
        return value
    }

    /// A text field the specification requires but a reader can do without: warns when absent.
    func expectedText(_ parent: Node, _ key: String, what: String) -> String? {
        if let value = text(parent, key) { return value }
        if parent[key] == nil { log.warn(.missingRecommendedField, "\(what) is missing", at: parent.pointer / key) }
        return nil
    }

    /// An identifier that must be a URI (`scheme:…`): credential, issuer, achievement ids. Problems when missing or not a URI.
    func requiredIdentifier(_ parent: Node, _ key: String, what: String) -> String? {
        guard let value = requiredText(parent, key, what: what) else { return nil }
        guard Self.looksLikeURI(value) else {
            log.problem(.invalidIdentifier, "\(what) must be a URI (scheme:…), found \"\(value.prefix(80))\"", at: parent.pointer / key)
            return nil
        }
        return value
    }

    /// An identifier the specification wants as a URI but that still identifies the thing when it is not one
    /// (real issuers publish bare UUIDs): a problem only when missing, a warning when not a URI.
    func requiredKey(_ parent: Node, _ key: String, what: String) -> String? {
        guard let value = requiredText(parent, key, what: what) else { return nil }
        warnUnlessURI(value, what: what, at: parent.pointer / key)
        return value
    }

    func warnUnlessURI(_ value: String, what: String, at pointer: JSONPointer) {
        if !Self.looksLikeURI(value) {
            log.warn(.identifierNotURI, "\(what) should be a URI (scheme:…), found \"\(value.prefix(80))\"; kept as given", at: pointer)
        }
    }

    /// RFC 3986 scheme check: a letter, then letters, digits, `+`, `-`, `.`, then `:` and something after it.
    static func looksLikeURI(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, colon + 1 < bytes.count else { return false }
        for (i, byte) in bytes[..<colon].enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."): if i == 0 { return false }
            default: return false
            }
        }
        return true
    }

    // MARK: Lists

    /// The elements of a list field. A single value is read as a one-element list; OB 3.0's schemas want arrays, so
    /// there it is a deviation (with `listExpected`), while OB 2.0's JSON-LD allows either.
    func list(_ parent: Node, _ key: String, listExpected: Bool = true) -> [Node] {
        guard let node = parent[key] else { return [] }
        if case .array(let elements) = node.value {
            return elements.enumerated().compactMap { i, v in v.isNull ? nil : Node(v, at: node.pointer / i) }
        }
        if listExpected && version == .v3 {
            log.warn(.singleValueForList, "expected a list, found a single value; read as a list of one", at: node.pointer)
        }
        return [node]
    }

    /// A list of text values; elements that are not text are skipped with a warning.
    func texts(_ parent: Node, _ key: String, listExpected: Bool = true) -> [String] {
        list(parent, key, listExpected: listExpected).compactMap { element in
            switch element.value {
            case .string(let s): return s
            case .number(let n): return n.text
            default:
                log.warn(.ignoredValue, "expected text, found \(element.value.kindName); skipped", at: element.pointer)
                return nil
            }
        }
    }

    // MARK: Types

    /// The `type` values of an object; `nil` when it has none. `listExpected` is false for the OB 3.0 classes whose
    /// schema types `type` as one IRI (Image, IdentityObject, IdentifierEntry), where a single value is no deviation.
    func types(of node: Node, listExpected: Bool = true) -> [String]? {
        guard node.has("type") else { return nil }
        return texts(node, "type", listExpected: listExpected)
    }

    /// Checks that an object's `type` includes one of `expected`. A wrong type is a problem; a missing one in OB 3.0 a
    /// warning (OB 2.0 leaves nested objects untyped).
    @discardableResult
    func checkType(_ node: Node, expected: [String], what: String, listExpected: Bool = true) -> [String] {
        guard let types = types(of: node, listExpected: listExpected) else {
            if version == .v3 { log.warn(.missingType, "\(what) has no type (expected \(expected[0]))", at: node.pointer / "type") }
            return []
        }
        if !types.contains(where: expected.contains) {
            let found = types.isEmpty ? "none" : types.joined(separator: ", ")
            log.problem(.invalidType, "\(what) must have type \(expected.joined(separator: " or ")); found \(found)", at: node.pointer / "type")
        }
        return types
    }

    // MARK: Numbers and flags

    /// A number, or text that reads as one (with a warning).
    func number(_ parent: Node, _ key: String) -> Double? {
        guard let node = parent[key] else { return nil }
        switch node.value {
        case .number(let n): return n.double.isFinite ? n.double : nil
        case .string(let s):
            if let value = Double(s.trimmingASCIIWhitespace()), value.isFinite {
                log.warn(.numberForText, "expected a number, found text; read as a number", at: node.pointer)
                return value
            }
        default: break
        }
        log.warn(.ignoredValue, "expected a number, found \(node.value.kindName); ignored", at: node.pointer)
        return nil
    }

    /// A boolean, or the text `"true"`/`"false"` (with a warning).
    func bool(_ parent: Node, _ key: String) -> Bool? {
        guard let node = parent[key] else { return nil }
        switch node.value {
        case .bool(let b): return b
        case .string(let s) where s.lowercased() == "true" || s.lowercased() == "false":
            log.warn(.numberForText, "expected a boolean, found the text \"\(s)\"", at: node.pointer)
            return s.lowercased() == "true"
        default:
            log.warn(.ignoredValue, "expected a boolean, found \(node.value.kindName); ignored", at: node.pointer)
            return nil
        }
    }

    // MARK: Objects

    /// An object field; a value of another kind is a problem (or with `optional`, a warning and `nil`).
    func object(_ parent: Node, _ key: String, what: String, optional: Bool = false) -> Node? {
        guard let node = parent[key] else { return nil }
        guard node.object != nil else {
            if optional {
                log.warn(.ignoredValue, "\(what) should be an object, found \(node.value.kindName); ignored", at: node.pointer)
            } else {
                log.problem(.wrongKind, "\(what) must be an object, found \(node.value.kindName)", at: node.pointer)
            }
            return nil
        }
        return node
    }

    /// An image: an `Image` object, or (a deviation in OB 3.0) a bare URL or data URI.
    func image(_ parent: Node, _ key: String) -> ImageReference? {
        guard let node = parent[key] else { return nil }
        switch node.value {
        case .string(let url):
            if version == .v3 { log.warn(.imageByReference, "image is a bare URI; OB 3.0 expects an Image object", at: node.pointer) }
            return ImageReference(id: url)
        case .object:
            checkType(node, expected: ["Image", "schema:ImageObject"], what: "image", listExpected: false)
            guard let id = text(node, "id") else {
                log.warn(.missingRecommendedField, "image has no id; ignored", at: node.pointer / "id")
                return nil
            }
            return ImageReference(id: id, caption: text(node, "caption"))
        default:
            log.warn(.ignoredValue, "image should be an object or URI, found \(node.value.kindName); ignored", at: node.pointer)
            return nil
        }
    }

    /// Alternative identifiers (`otherIdentifier`): `IdentifierEntry` objects.
    func identifierEntries(_ parent: Node, _ key: String) -> [IdentifierEntry] {
        list(parent, key).compactMap { entry in
            guard entry.object != nil else {
                log.warn(.ignoredValue, "expected an IdentifierEntry object; skipped", at: entry.pointer)
                return nil
            }
            checkType(entry, expected: ["IdentifierEntry"], what: "identifier entry", listExpected: false)
            guard let identifier = expectedText(entry, "identifier", what: "identifier entry's identifier") else { return nil }
            return IdentifierEntry(identifier: identifier, identifierType: text(entry, "identifierType"))
        }
    }

    /// A problem when the value is essential, a warning when it only adds detail.
    func report(_ essential: Bool, _ code: ProblemCode, _ message: String, at pointer: JSONPointer) {
        if essential {
            log.problem(code, message, at: pointer)
        } else {
            log.warn(.ignoredValue, message + "; ignored", at: pointer)
        }
    }
}
