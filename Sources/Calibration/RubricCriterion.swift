/// One criterion of a rubric: what is assessed, its levels from lowest to highest, and the skills it evidences.
public struct RubricCriterion: Sendable, Hashable, Codable {
    /// Stable across versions, like `RubricLevel.id`.
    public let id: String
    /// The criterion's name, e.g. "Code quality".
    public let name: String
    /// What the criterion assesses.
    public let description: String
    /// Levels ordered from lowest to highest; statistics use the position as the ordinal value.
    public let levels: [RubricLevel]
    /// Identifiers of the skills (framework concepts) this criterion is aligned to.
    public let skillAlignmentIDs: [String]

    public init(id: String, name: String, description: String = "", levels: [RubricLevel], skillAlignmentIDs: [String] = []) {
        self.id = id
        self.name = name
        self.description = description
        self.levels = levels
        self.skillAlignmentIDs = skillAlignmentIDs
    }

    /// The ordinal position (0 = lowest) of the level with this id.
    public func position(ofLevel levelID: String) -> Int? {
        levels.firstIndex { $0.id == levelID }
    }
}
