/// IRI checks and RFC 3986 §5.2 reference resolution as JSON-LD uses them (no normalization).
enum IRI {
    /// True when `value` starts with a scheme and `:` (an absolute IRI) and has no whitespace.
    static func isAbsolute(_ value: String) -> Bool {
        withUTF8(value) { bytes in
            guard let length = schemeLength(bytes) else { return false }
            return !bytes[length...].contains { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        }
    }

    /// The length of `scheme ":"` at the start of `value`, if there is one.
    static func schemeLength(_ value: String) -> Int? {
        withUTF8(value) { schemeLength($0) }
    }

    private static func schemeLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for (count, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: ":") { return count > 0 ? count + 1 : nil }
            let letter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            let other = (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            if count == 0 ? !letter : !(letter || other) { return nil }
        }
        return nil
    }

    /// Runs `body` over the string's UTF-8 without copying it (IRI checks run for every term emitted).
    private static func withUTF8<R>(_ value: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = value
        return copy.withUTF8(body)
    }

    static func isBlankNode(_ value: String) -> Bool {
        value.utf8.starts(with: [UInt8(ascii: "_"), UInt8(ascii: ":")])
    }

    /// Well-formed in the sense of JSON-LD toRdf: an absolute IRI with none of the characters IRIs cannot hold
    /// and at most one `#`.
    static func isWellFormed(_ value: String) -> Bool {
        withUTF8(value) { bytes in
            guard let length = schemeLength(bytes) else { return false }
            var seenHash = false
            for byte in bytes[length...] {
                switch byte {
                case UInt8(ascii: "#"):
                    if seenHash { return false }
                    seenHash = true
                case 0x00...0x20, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"),
                    UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "^"), UInt8(ascii: "`"), 0x7F:
                    return false
                default:
                    continue
                }
            }
            return true
        }
    }

    /// BCP 47 shape as JSON-LD processors check it: `[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*`.
    static func isWellFormedLanguage(_ value: String) -> Bool {
        let parts = value.utf8.split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            guard (1...8).contains(part.count) else { return false }
            for byte in part {
                let letter = (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                let digit = byte >= 0x30 && byte <= 0x39
                if !(letter || (digit && index > 0)) { return false }
            }
        }
        return true
    }

    /// Resolves `reference` against `base` (RFC 3986 §5.2.2, with §5.2.4 dot-segment removal).
    static func resolve(_ reference: String, against base: String) -> String {
        let r = Components(reference)
        if r.scheme != nil {
            return r.recomposed(path: removeDotSegments(r.path))
        }
        let b = Components(base)
        var t = Components()
        t.scheme = b.scheme
        if r.authority != nil {
            t.authority = r.authority
            t.path = removeDotSegments(r.path)
            t.query = r.query
        } else {
            t.authority = b.authority
            if r.path.isEmpty {
                t.path = b.path
                t.query = r.query ?? b.query
            } else {
                if r.path.hasPrefix("/") {
                    t.path = removeDotSegments(r.path)
                } else {
                    t.path = removeDotSegments(merge(base: b, path: r.path))
                }
                t.query = r.query
            }
        }
        t.fragment = r.fragment
        return t.recomposed(path: t.path)
    }

    private static func merge(base: Components, path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        guard let slash = base.path.lastIndex(of: "/") else { return path }
        return base.path[...slash] + path
    }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var input = Substring(path)
        var output: [Substring] = []
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                let start = input.startIndex
                let searchFrom = input.hasPrefix("/") ? input.index(after: start) : start
                let end = input[searchFrom...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[start..<end])
                input = input[end...]
            }
        }
        return output.joined()
    }

    /// The five parts of a URI reference (RFC 3986 Appendix B).
    struct Components {
        var scheme: Substring?
        var authority: Substring?
        var path: String = ""
        var query: Substring?
        var fragment: Substring?

        init() {}

        init(_ value: String) {
            var rest = Substring(value)
            if let length = IRI.schemeLength(value) {
                scheme = rest.prefix(length - 1)
                rest = rest.dropFirst(length)
            }
            if let hash = rest.firstIndex(of: "#") {
                fragment = rest[rest.index(after: hash)...]
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = rest[rest.index(after: question)...]
                rest = rest[..<question]
            }
            if rest.hasPrefix("//") {
                let afterSlashes = rest.dropFirst(2)
                let end = afterSlashes.firstIndex(of: "/") ?? afterSlashes.endIndex
                authority = afterSlashes[..<end]
                rest = afterSlashes[end...]
            }
            path = String(rest)
        }

        func recomposed(path: String) -> String {
            var out = ""
            if let scheme { out += scheme + ":" }
            if let authority { out += "//" + authority }
            out += path
            if let query { out += "?" + query }
            if let fragment { out += "#" + fragment }
            return out
        }
    }
}
