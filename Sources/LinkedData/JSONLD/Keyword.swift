/// JSON-LD 1.1 keywords and the "form of a keyword" rule.
enum Keyword {
    static let all: Set<String> = [
        "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included", "@index", "@json",
        "@language", "@list", "@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse", "@set", "@type",
        "@value", "@version", "@vocab",
    ]

    static func isKeyword(_ value: String) -> Bool {
        value.utf8.first == UInt8(ascii: "@") && all.contains(value)
    }

    /// `"@" 1*ALPHA`: reserved for future keywords, so ignored rather than treated as a term.
    static func hasKeywordForm(_ value: String) -> Bool {
        let utf8 = value.utf8
        guard utf8.count > 1, utf8.first == UInt8(ascii: "@") else { return false }
        return utf8.dropFirst().allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
    }
}
