/// Work that supports the award: OB 3.0 `Evidence` on the credential, OB 2.0 `evidence` on the assertion.
public struct Evidence: Sendable, Hashable {
    /// URL of the evidence (or a data URI).
    public var url: String?
    public var name: String?
    /// Markdown.
    public var narrative: String?
    public var description: String?
    public var genre: String?
    public var audience: String?

    public init(
        url: String? = nil,
        name: String? = nil,
        narrative: String? = nil,
        description: String? = nil,
        genre: String? = nil,
        audience: String? = nil
    ) {
        self.url = url
        self.name = name
        self.narrative = narrative
        self.description = description
        self.genre = genre
        self.audience = audience
    }
}
