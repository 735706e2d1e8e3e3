/// A result the achievement can record, with its scale: OB 3.0 `ResultDescription`.
public struct ResultDescription: Sendable, Hashable {
    /// The id results refer to; a synthetic `#resultDescription/<n>` (1-based) when the issuer gave none.
    public var id: String
    public var name: String?
    /// `LetterGrade`, `RubricCriterionLevel`, `Percent`, `Status`, `ext:…`, as received.
    public var resultType: String?
    /// Allowed values, ordered from low to high.
    public var allowedValues: [String]
    public var requiredValue: String?
    /// Id of the rubric level needed to pass.
    public var requiredLevel: String?
    public var valueMin: String?
    public var valueMax: String?
    /// Rubric levels, ordered from low to high, with their 1-based ordinals.
    public var levels: [RubricLevel]
    public var alignments: [Alignment]

    public init(id: String) {
        self.id = id
        self.allowedValues = []
        self.levels = []
        self.alignments = []
    }
}

/// One level of a rubric criterion: OB 3.0 `RubricCriterionLevel`.
public struct RubricLevel: Sendable, Hashable {
    /// The id results refer to; a synthetic `<description id>#level/<n>` when the issuer gave none.
    public var id: String
    public var name: String?
    /// A label such as "Mastered".
    public var level: String?
    /// Points as written (the spec types them as text, e.g. "4").
    public var points: String?
    public var description: String?
    /// 1-based position among its description's levels, low to high.
    public var ordinal: Int
    public var alignments: [Alignment]

    public init(id: String, ordinal: Int) {
        self.id = id
        self.ordinal = ordinal
        self.alignments = []
    }

    /// `points` as a number, when it reads as one.
    public var pointsValue: Double? { points.flatMap { Double($0.trimmingASCIIWhitespace()) } }
}
