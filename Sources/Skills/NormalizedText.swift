/// A label or query after `SkillText.normalize(_:)`: the form stored in `skill_labels.normalized` and compared
/// against queries.
public struct NormalizedText: Sendable, Hashable {
    /// Normalised tokens in their original order: folded, US-spelled, stemmed, stop words removed.
    public let tokens: [String]

    /// The tokens joined by single spaces. Equal keys mean "the same label" for exact matching; it is also the
    /// string indexed for trigram and full-text search, and every token is `[a-z0-9.]` or a run of non-Latin
    /// letters, so PostgreSQL's parsers split it exactly where this library did.
    public let key: String

    /// Whether nothing searchable is left (empty input, only punctuation).
    public var isEmpty: Bool { tokens.isEmpty }

    public init(tokens: [String]) {
        self.tokens = tokens
        self.key = tokens.joined(separator: " ")
    }
}
