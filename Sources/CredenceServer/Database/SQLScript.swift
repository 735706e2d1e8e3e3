/// Splits a SQL file into single statements, because PostgresNIO sends each query through the extended
/// protocol, which takes one statement at a time (vapor/postgres-nio#499).
///
/// It understands what can hide a semicolon: quoted strings and identifiers, dollar-quoted bodies
/// (`$$ … $$`, `$fn$ … $fn$`), line comments and nested block comments.
enum SQLScript {
    static func statements(in sql: String) -> [String] {
        let chars = Array(sql.unicodeScalars)
        var statements: [String] = []
        var current = String.UnicodeScalarView()
        var i = 0

        func flush() {
            let text = String(current).trimmingWhitespace()
            if !text.isEmpty, !isOnlyComments(text) { statements.append(text) }
            current = String.UnicodeScalarView()
        }
        func copy(until end: Int) {
            current.append(contentsOf: chars[i..<min(end, chars.count)])
            i = min(end, chars.count)
        }

        while i < chars.count {
            let c = chars[i]
            let next: Unicode.Scalar? = i + 1 < chars.count ? chars[i + 1] : nil
            switch c {
            case "'", "\"":
                var j = i + 1
                while j < chars.count {
                    if chars[j] == c {
                        if j + 1 < chars.count, chars[j + 1] == c {
                            j += 2
                            continue
                        }
                        break
                    }
                    j += 1
                }
                copy(until: j + 1)
            case "-" where next == "-":
                var j = i
                while j < chars.count, chars[j] != "\n" { j += 1 }
                copy(until: j)
            case "/" where next == "*":
                var depth = 0
                var j = i
                while j < chars.count {
                    if chars[j] == "/", j + 1 < chars.count, chars[j + 1] == "*" {
                        depth += 1
                        j += 2
                    } else if chars[j] == "*", j + 1 < chars.count, chars[j + 1] == "/" {
                        depth -= 1
                        j += 2
                        if depth == 0 { break }
                    } else {
                        j += 1
                    }
                }
                copy(until: j)
            case "$":
                if let tagEnd = dollarTagEnd(chars, from: i) {
                    let tag = Array(chars[i...tagEnd])
                    var j = tagEnd + 1
                    while j < chars.count {
                        if chars[j] == "$", j + tag.count <= chars.count, Array(chars[j..<(j + tag.count)]) == tag {
                            j += tag.count
                            break
                        }
                        j += 1
                    }
                    copy(until: j)
                } else {
                    copy(until: i + 1)
                }
            case ";":
                i += 1
                flush()
            default:
                copy(until: i + 1)
            }
        }
        flush()
        return statements
    }

    /// The index of the closing `$` of a dollar-quote tag starting at `start`, if one starts there.
    private static func dollarTagEnd(_ chars: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start + 1
        while j < chars.count {
            let c = chars[j]
            if c == "$" { return j }
            let isTagChar = c == "_" || c.properties.isAlphabetic || (j > start + 1 && ("0"..."9").contains(c))
            if !isTagChar { return nil }
            j += 1
        }
        return nil
    }

    private static func isOnlyComments(_ text: String) -> Bool {
        text.split(separator: "\n").allSatisfy { $0.trimmingWhitespace().isEmpty || $0.trimmingWhitespace().hasPrefix("--") }
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }
}
