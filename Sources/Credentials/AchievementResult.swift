/// A result the earner obtained (OB 3.0 `credentialSubject.result[]`), with its proficiency when it can be placed on a scale.
public struct AchievementResult: Sendable, Hashable {
    /// Id of the `ResultDescription` it reports, as written.
    public var resultDescriptionId: String?
    /// Id of the achieved `RubricCriterionLevel`, as written.
    public var achievedLevelId: String?
    public var value: String?
    /// `Completed`, `Enrolled`, `Failed`, `InProgress`, `OnHold`, `Provisional`, `Withdrew`, as received.
    public var status: String?
    public var alignments: [Alignment]
    public var proficiency: Proficiency?

    public init() {
        self.alignments = []
    }
}

/// Where a result sits on its scale, normalised to 0...1.
///
/// Rubric levels and allowed values are ordinal scales: a level's `ordinal` is its 1-based position among the levels of
/// the description that defines it (low to high), and `normalised = (ordinal - 1) / (levelCount - 1)`. A scale with a
/// single level has nothing below it, so achieving that level normalises to 1. Numeric values are placed in
/// `valueMin...valueMax` (`Percent` results without bounds use 0...100): `(value - min) / (max - min)`, and 1 when the
/// bounds are equal and the value reaches them; ordinal and count are then `nil`.
public struct Proficiency: Sendable, Hashable {
    /// What the position was read from.
    public enum Basis: String, Sendable, Hashable {
        case rubricLevel = "rubric_level"
        case allowedValue = "allowed_value"
        case valueRange = "value_range"
    }

    public var basis: Basis
    /// The description whose scale was used (for levels: the one that defines the level, which may differ from the
    /// result's `resultDescription`; a warning says so).
    public var resultDescriptionId: String
    public var levelId: String?
    /// The level's `name`, or the allowed value for `allowedValue`.
    public var levelName: String?
    /// The level's `level` label.
    public var levelLabel: String?
    public var points: String?
    public var ordinal: Int?
    public var levelCount: Int?
    public var normalised: Double
    /// Whether the result reaches the description's `requiredLevel` / `requiredValue`; `nil` when none is set or comparable.
    public var meetsRequirement: Bool?

    public init(basis: Basis, resultDescriptionId: String, normalised: Double) {
        self.basis = basis
        self.resultDescriptionId = resultDescriptionId
        self.normalised = normalised
    }
}
