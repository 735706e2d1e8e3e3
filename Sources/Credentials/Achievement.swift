public import StrictJSON

/// What was earned: OB 3.0 `Achievement` or OB 2.0 `BadgeClass`.
public struct Achievement: Sendable, Hashable {
    public var id: String
    public var types: [String]
    public var name: String
    public var description: String?
    public var criteria: Criteria?
    /// OB 3.0 `achievementType`, kept as received even outside the enumeration (a warning says so).
    public var achievementType: String?
    public var version: String?
    /// OB 3.0 `tag`, OB 2.0 `tags`.
    public var tags: [String]
    public var humanCode: String?
    public var fieldOfStudy: String?
    public var specialization: String?
    /// Who defined the achievement, when not (only) the issuer.
    public var creator: Profile?
    /// Other versions or languages of the same achievement (OB 3.0 `related`, OB 2.0 `related`).
    public var related: [RelatedAchievement]
    public var image: ImageReference?
    /// BCP 47 language (OB 3.0 `inLanguage`, OB 2.0 `@language`).
    public var inLanguage: String?
    public var creditsAvailable: Double?
    public var otherIdentifiers: [IdentifierEntry]
    /// Alignments on the achievement itself; those on result descriptions and levels live there.
    public var alignments: [Alignment]
    /// Possible results, in document order.
    public var resultDescriptions: [ResultDescription]
    /// The achievement object as received.
    public var raw: JSONValue

    public init(id: String, name: String) {
        self.id = id
        self.types = []
        self.name = name
        self.tags = []
        self.related = []
        self.otherIdentifiers = []
        self.alignments = []
        self.resultDescriptions = []
        self.raw = .null
    }
}

/// How the achievement is earned: a page describing it, a narrative, or both.
public struct Criteria: Sendable, Hashable {
    public var id: String?
    /// Markdown.
    public var narrative: String?

    public init(id: String?, narrative: String?) {
        self.id = id
        self.narrative = narrative
    }
}

/// Another version or language of an achievement.
public struct RelatedAchievement: Sendable, Hashable {
    public var id: String
    public var inLanguage: String?
    public var version: String?

    public init(id: String, inLanguage: String? = nil, version: String? = nil) {
        self.id = id
        self.inLanguage = inLanguage
        self.version = version
    }
}
