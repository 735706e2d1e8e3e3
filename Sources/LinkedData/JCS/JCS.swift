public import StrictJSON

/// The JSON Canonicalization Scheme (RFC 8785): members sorted by UTF-16 code units, numbers in ECMAScript
/// form, minimal string escapes, no whitespace. Used by the `-jcs-` cryptosuites and for `@json` literals.
public enum JCS {
    /// The canonical UTF-8 bytes of `value`.
    public static func canonicalize(_ value: JSONValue) throws(LinkedDataError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(512)
        var path: [String] = []
        try write(value, to: &out, path: &path)
        return out
    }

    /// The canonical text of `value`.
    public static func canonicalString(_ value: JSONValue) throws(LinkedDataError) -> String {
        String(decoding: try canonicalize(value), as: UTF8.self)
    }

    /// Writes `value` canonically; `path` tracks the JSON pointer for errors.
    private static func write(_ value: JSONValue, to out: inout [UInt8], path: inout [String]) throws(LinkedDataError) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .number(let number):
            guard let text = ECMAScriptNumber.format(number.double) else {
                throw .unrepresentableNumber(number.text, path: JSONPointer(tokens: path))
            }
            out.append(contentsOf: text.utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                path.append(String(index))
                try write(item, to: &out, path: &path)
                path.removeLast()
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object):
            out.append(UInt8(ascii: "{"))
            let members = object.entries.sorted { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONValue.writeString(member.key, to: &out)
                out.append(UInt8(ascii: ":"))
                path.append(member.key)
                try write(member.value, to: &out, path: &path)
                path.removeLast()
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}
