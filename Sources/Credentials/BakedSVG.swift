import StrictJSON

/// Finds the credential baked into an SVG: the `credential` element in the OB 3.0 namespace
/// (`https://purl.imsglobal.org/ob/v3p0`) or the `assertion` element in OB 2.0's (`http://openbadges.org`), with the
/// credential in its `verify` attribute (a JWS or URL) or as its text (JSON, usually in CDATA).
///
/// This is a scanner for that one element, not an XML parser: it skips comments, processing instructions, CDATA and
/// the DOCTYPE (without expanding any entity it declares), and tracks namespace prefixes in document order.
struct BakedSVG {
    static let namespaces: Set<String> = ["https://purl.imsglobal.org/ob/v3p0", "http://openbadges.org", "https://openbadges.org"]
    static let elementNames: Set<String> = ["credential", "assertion"]

    private let bytes: [UInt8]
    private let log: FindingLog
    private var position = 0
    private var prefixes: [String: String] = [:]

    private init(bytes: [UInt8], log: FindingLog) {
        self.bytes = bytes
        self.log = log
    }

    /// The baked credential text: the `verify` attribute or the element content; exactly one element must hold it.
    static func credentialText(in svg: [UInt8], limits: ParseLimits, log: FindingLog) throws(CredentialRejection) -> [UInt8] {
        var scanner = BakedSVG(bytes: svg, log: log)
        let found = try scanner.scan()
        guard let text = found.first else {
            throw CredentialRejection(.noBakedCredential, "the SVG has no openbadges:credential (or openbadges:assertion) element")
        }
        guard found.count == 1 else {
            throw CredentialRejection(.multipleBakedCredentials, "the SVG holds \(found.count) credential elements; a baked badge holds exactly one")
        }
        guard text.count <= limits.maxDocumentBytes else {
            throw CredentialRejection(.documentTooLarge, "the baked credential is larger than \(limits.maxDocumentBytes) bytes")
        }
        return text
    }

    /// Every credential text in the document, in order.
    private mutating func scan() throws(CredentialRejection) -> [[UInt8]] {
        var found: [[UInt8]] = []
        while let open = bytes[position...].firstIndex(of: UInt8(ascii: "<")) {
            position = open
            if try skipMarkup() { continue }
            let tag = try startTag()
            for (name, value) in tag.attributes where name.hasPrefix("xmlns:") {
                prefixes[String(name.dropFirst("xmlns:".count))] = value
            }
            guard isCredentialElement(tag) else { continue }
            if let verify = tag.attributes.first(where: { $0.name == "verify" })?.value {
                found.append(Array(verify.utf8))
                if !tag.selfClosing { _ = try content(closing: tag.name) }
            } else if tag.selfClosing {
                throw CredentialRejection(.malformedSVG, "the \(tag.name) element is empty and has no verify attribute")
            } else {
                found.append(try content(closing: tag.name))
            }
        }
        return found
    }

    /// Skips a comment, CDATA section, processing instruction, declaration or end tag at `position`; false for a start tag.
    private mutating func skipMarkup() throws(CredentialRejection) -> Bool {
        if starts(with: "<!--") {
            position = try index(after: "-->", what: "comment")
        } else if starts(with: "<![CDATA[") {
            position = try index(after: "]]>", what: "CDATA section")
        } else if starts(with: "<?") {
            position = try index(after: "?>", what: "processing instruction")
        } else if starts(with: "<!") {
            try skipDeclaration()
        } else if starts(with: "</") {
            position = try index(after: ">", what: "end tag")
        } else {
            return false
        }
        return true
    }

    /// `<!DOCTYPE … [internal subset] >`: brackets and quotes may hide `>`.
    private mutating func skipDeclaration() throws(CredentialRejection) {
        var depth = 0
        var quote: UInt8?
        position += 2
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if let q = quote {
                if byte == q { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "[") {
                depth += 1
            } else if byte == UInt8(ascii: "]") {
                depth -= 1
            } else if byte == UInt8(ascii: ">") && depth <= 0 {
                return
            }
        }
        throw CredentialRejection(.malformedSVG, "an unterminated <! declaration")
    }

    private struct StartTag {
        var name: String
        var attributes: [(name: String, value: String)]
        var selfClosing: Bool
    }

    /// Reads `<name attr="value" …>` or `…/>` at `position`, decoding entities in attribute values.
    private mutating func startTag() throws(CredentialRejection) -> StartTag {
        position += 1
        let name = self.name()
        guard !name.isEmpty else { throw CredentialRejection(.malformedSVG, "a '<' at byte \(position - 1) starts no element") }
        var attributes: [(name: String, value: String)] = []
        while true {
            skipSpace()
            guard position < bytes.count else { throw CredentialRejection(.malformedSVG, "the SVG ends inside the <\(name)> tag") }
            if bytes[position] == UInt8(ascii: ">") {
                position += 1
                return StartTag(name: name, attributes: attributes, selfClosing: false)
            }
            if starts(with: "/>") {
                position += 2
                return StartTag(name: name, attributes: attributes, selfClosing: true)
            }
            let attribute = self.name()
            skipSpace()
            guard !attribute.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "=") else {
                throw CredentialRejection(.malformedSVG, "a malformed attribute in the <\(name)> tag")
            }
            position += 1
            skipSpace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                throw CredentialRejection(.malformedSVG, "attribute \(attribute) of <\(name)> has no quoted value")
            }
            let quote = bytes[position]
            guard let end = bytes[(position + 1)...].firstIndex(of: quote) else {
                throw CredentialRejection(.malformedSVG, "attribute \(attribute) of <\(name)> is not terminated")
            }
            let value = try Self.decodeEntities(bytes[(position + 1)..<end])
            attributes.append((attribute, String(decoding: value, as: UTF8.self)))
            position = end + 1
        }
    }

    /// The element's text up to `</name>`: character data and CDATA, entities decoded, comments dropped.
    private mutating func content(closing name: String) throws(CredentialRejection) -> [UInt8] {
        var text: [UInt8] = []
        while position < bytes.count {
            guard let open = bytes[position...].firstIndex(of: UInt8(ascii: "<")) else { break }
            text += try Self.decodeEntities(bytes[position..<open])
            position = open
            if starts(with: "<![CDATA[") {
                let end = try index(after: "]]>", what: "CDATA section")
                text += bytes[(open + 9)..<(end - 3)]
                position = end
            } else if starts(with: "<!--") {
                position = try index(after: "-->", what: "comment")
            } else if starts(with: "</") {
                position += 2
                guard self.name() == name else { throw CredentialRejection(.malformedSVG, "<\(name)> is closed by another element's end tag") }
                position = try index(after: ">", what: "end tag")
                return text
            } else {
                throw CredentialRejection(.malformedSVG, "<\(name)> contains markup; it should hold only the credential text")
            }
        }
        throw CredentialRejection(.malformedSVG, "<\(name)> is never closed")
    }

    /// A `credential` or `assertion` element in an Open Badges namespace (an undeclared `openbadges:` prefix is tolerated).
    private func isCredentialElement(_ tag: StartTag) -> Bool {
        let parts = tag.name.split(separator: ":", maxSplits: 1).map(String.init)
        guard let local = parts.last, Self.elementNames.contains(local) else { return false }
        if parts.count == 1 {
            return tag.attributes.contains { $0.name == "xmlns" && Self.namespaces.contains($0.value) }
        }
        if let namespace = prefixes[parts[0]] ?? tag.attributes.first(where: { $0.name == "xmlns:" + parts[0] })?.value {
            return Self.namespaces.contains(namespace)
        }
        guard parts[0] == "openbadges" else { return false }
        log.warn(.undeclaredNamespace, "the openbadges: prefix is not declared; read as the Open Badges namespace", at: .root)
        return true
    }

    // MARK: Lexing

    private func starts(with literal: String) -> Bool {
        let utf8 = Array(literal.utf8)
        return position + utf8.count <= bytes.count && bytes[position..<(position + utf8.count)].elementsEqual(utf8)
    }

    /// The index just past the next `terminator`.
    private func index(after terminator: String, what: String) throws(CredentialRejection) -> Int {
        let utf8 = Array(terminator.utf8)
        var i = position
        while i + utf8.count <= bytes.count {
            if bytes[i] == utf8[0], bytes[i..<(i + utf8.count)].elementsEqual(utf8) { return i + utf8.count }
            i += 1
        }
        throw CredentialRejection(.malformedSVG, "an unterminated \(what)")
    }

    private mutating func name() -> String {
        let start = position
        while position < bytes.count {
            let b = bytes[position]
            let isNameByte =
                b >= 0x80 || b == UInt8(ascii: ":") || b == UInt8(ascii: "_") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
            guard isNameByte else { break }
            position += 1
        }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func skipSpace() {
        while position < bytes.count, ASCIIWhitespace.contains(bytes[position]) { position += 1 }
    }

    /// Replaces the five predefined entities and character references; any other entity is an error, since a DTD's
    /// entities are never expanded.
    static func decodeEntities(_ text: ArraySlice<UInt8>) throws(CredentialRejection) -> [UInt8] {
        guard text.contains(UInt8(ascii: "&")) else { return Array(text) }
        var out: [UInt8] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard text[i] == UInt8(ascii: "&") else {
                out.append(text[i])
                i += 1
                continue
            }
            guard let semicolon = text[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                throw CredentialRejection(.malformedSVG, "an unterminated entity reference")
            }
            let entity = String(decoding: text[(i + 1)..<semicolon], as: UTF8.self)
            switch entity {
            case "lt": out.append(UInt8(ascii: "<"))
            case "gt": out.append(UInt8(ascii: ">"))
            case "amp": out.append(UInt8(ascii: "&"))
            case "quot": out.append(UInt8(ascii: "\""))
            case "apos": out.append(UInt8(ascii: "'"))
            default:
                let hex = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                guard entity.hasPrefix("#"), let code = UInt32(entity.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10),
                    let scalar = Unicode.Scalar(code)
                else { throw CredentialRejection(.malformedSVG, "unknown entity &\(entity.prefix(10));") }
                out += Array(String(Character(scalar)).utf8)
            }
            i = semicolon + 1
        }
        return out
    }
}
