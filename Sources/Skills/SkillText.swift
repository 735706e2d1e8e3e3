/// The one normalisation for skill labels and queries, so that what a recruiter types and what a taxonomy
/// publishes meet on the same key.
///
/// Steps, in order: Unicode NFKD with combining marks removed and case folded (`TextFolding`); tokens split on
/// punctuation, keeping `C++`, `C#`, `.NET` apart (`Tokenizer`); British → American spelling (`AmericanSpelling`);
/// stop words dropped; a light Porter stem (`LightStemmer`). Deterministic and locale-independent.
public enum SkillText {
    /// Normalises a label or a query.
    ///
    /// "Data Visualisation" and "data visualization" give the key `data visualization`; "Managing projects" gives
    /// `manag project`; "C++" gives `cplusplus`. When every token is a stop word they are kept, so "IT" or "The Who"
    /// still have a key.
    public static func normalize(_ text: String) -> NormalizedText {
        NormalizedText(tokens: normalizedTokens(Tokenizer.tokens(TextFolding.fold(text))).map { String(decoding: $0, as: UTF8.self) })
    }

    /// The key prefix for autocomplete on each keystroke: the complete words normalised as `normalize` does, and the
    /// word still being typed cut back to a prefix that every stored stem of its possible completions starts with.
    ///
    /// "data visualis" → `data visual` (matches `data visualization`), "programmi" → `program`, "colou" → `col`
    /// (matches `color`). A partial word that may still become a stop word ("programming i") adds nothing. Use with
    /// `normalized LIKE prefix || '%'`; an input ending in a space or punctuation has no partial word.
    public static func autocompletePrefix(_ text: String) -> String {
        let folded = TextFolding.fold(text)
        var tokens = Tokenizer.tokens(folded)
        guard let lastByte = folded.last, Tokenizer.isWordByte(lastByte) || lastByte == UInt8(ascii: "+") || lastByte == UInt8(ascii: "#"),
            let partial = tokens.popLast()
        else {
            return normalize(text).key
        }
        var parts = normalizedTokens(tokens, keepingStopWordsIfAllAre: false)
        if !StopWords.mayBecomeStopWord(partial.bytes) {
            parts.append(isWord(partial) ? PartialWord.stemSafePrefix(partial.bytes) : partial.bytes)
        }
        return parts.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
    }

    static func normalizedTokens(_ raw: [Tokenizer.Token], keepingStopWordsIfAllAre keepAll: Bool = true) -> [[UInt8]] {
        let spelled = raw.map { token in
            guard isWord(token) else { return token }
            let prefix = token.bytes[..<token.lastPartStart]
            return Tokenizer.Token(bytes: prefix + AmericanSpelling.convert(Array(token.bytes[token.lastPartStart...])), isSymbolic: false)
        }
        var kept = spelled.filter { !StopWords.contains($0.bytes) }
        if kept.isEmpty && keepAll { kept = spelled }
        return kept.map { isWord($0) ? LightStemmer.stem($0.bytes) : $0.bytes }
    }

    /// A plain word, which spelling and stemming apply to: ASCII letters only and not a symbolic name.
    static func isWord(_ token: Tokenizer.Token) -> Bool {
        !token.isSymbolic && isASCIILetters(token.bytes)
    }

    static func isASCIILetters(_ word: [UInt8]) -> Bool {
        word.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }
    }
}
