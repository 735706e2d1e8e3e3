/// Splits folded text into word tokens, keeping the punctuation that carries meaning in technology names.
///
/// Rules (see `SkillTextTests` for each):
/// - letters and digits form words; any other byte separates them;
/// - `+` and `#` right after a word become letters: `c++` → `cplusplus`, `a+` → `aplus`, `c#` → `csharp`,
///   because pg_trgm and `to_tsvector` would drop them and make C, C++ and C# one word;
/// - `.net` at a word boundary becomes its own token `dotnet` (`ASP.NET` → `asp dotnet`, like `Visual Basic .NET`);
///   any other `.` inside a word joins it (`node.js` → `nodejs`), except between digits (`2.0` stays);
/// - an apostrophe or `&` inside a word joins it (`driver's` → `drivers`, `R&D` → `rd`);
/// - a hyphen joins after a single character or a common prefix (`e-mail` → `email`, `co-operate` → `cooperate`),
///   and separates otherwise (`front-end` → `front end`).
///
/// Tokens made with `.`, `&`, `+` or `#` are marked symbolic: they are names (nodejs, rd, cplusplus), so spelling
/// and stemming leave them alone.
enum Tokenizer {
    struct Token {
        var bytes: [UInt8]
        var isSymbolic: Bool
        /// Where the last word joined by a hyphen starts (`e-catalogue` → 1), so spelling sees `catalogue`.
        var lastPartStart = 0
    }

    static func tokens(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var current: [UInt8] = []
        var symbolic = false
        var lastPartStart = 0
        var index = 0
        func flush() {
            if !current.isEmpty {
                tokens.append(Token(bytes: current, isSymbolic: symbolic, lastPartStart: lastPartStart))
                current.removeAll(keepingCapacity: true)
            }
            symbolic = false
            lastPartStart = 0
        }
        func isWord(at position: Int) -> Bool {
            position < bytes.count && isWordByte(bytes[position])
        }
        while index < bytes.count {
            let byte = bytes[index]
            if isWordByte(byte) {
                current.append(byte)
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "."):
                if startsDotNet(bytes, at: index) {
                    flush()
                    tokens.append(Token(bytes: Array("dotnet".utf8), isSymbolic: true))
                    index += 4
                    continue
                }
                if !current.isEmpty && isWord(at: index + 1) {
                    if isDigit(current[current.count - 1]) && isDigit(bytes[index + 1]) { current.append(byte) }
                    symbolic = true
                } else {
                    flush()
                }
            case UInt8(ascii: "+"):
                var end = index
                while end < bytes.count && bytes[end] == UInt8(ascii: "+") { end += 1 }
                if !current.isEmpty && !isWord(at: end) {
                    for _ in index..<end { current.append(contentsOf: "plus".utf8) }
                    symbolic = true
                    index = end
                    continue
                }
                flush()
            case UInt8(ascii: "#"):
                if !current.isEmpty && !isWord(at: index + 1) {
                    current.append(contentsOf: "sharp".utf8)
                    symbolic = true
                } else {
                    flush()
                }
            case UInt8(ascii: "'"):
                if current.isEmpty || !isWord(at: index + 1) { flush() }
            case UInt8(ascii: "&"):
                if current.isEmpty || !isWord(at: index + 1) { flush() } else { symbolic = true }
            case UInt8(ascii: "-"):
                if current.isEmpty || !isWord(at: index + 1) || !(current.count == 1 || joiningPrefixes.contains(current)) {
                    flush()
                } else {
                    lastPartStart = current.count
                }
            default:
                flush()
            }
            index += 1
        }
        flush()
        return tokens
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Whether `.net` starts at `index` and ends a word (followed by a non-word byte or the end of the text).
    private static func startsDotNet(_ bytes: [UInt8], at index: Int) -> Bool {
        guard index + 3 < bytes.count,
            bytes[index + 1] == UInt8(ascii: "n"), bytes[index + 2] == UInt8(ascii: "e"), bytes[index + 3] == UInt8(ascii: "t")
        else { return false }
        return index + 4 == bytes.count || !isWordByte(bytes[index + 4])
    }

    /// Prefixes written with or without a hyphen ("co-operate", "cooperate"); joining makes both one token.
    private static let joiningPrefixes: Set<[UInt8]> = Set(
        ["co", "re", "pre", "non", "multi", "sub", "inter", "anti", "semi", "post", "micro", "mid", "bi", "tri"].map { Array($0.utf8) }
    )
}
