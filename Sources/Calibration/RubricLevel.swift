/// One performance level of a rubric criterion (Open Badges `RubricCriterionLevel`).
public struct RubricLevel: Sendable, Hashable, Codable {
    /// Stable across versions: a revision that keeps a level keeps its id, so diffs can follow it.
    public let id: String
    /// The level's name, e.g. "Proficient".
    public let name: String
    /// What work at this level looks like.
    public let descriptor: String
    /// Points awarded at this level, when the rubric scores.
    public let points: Double?

    public init(id: String, name: String, descriptor: String, points: Double? = nil) {
        self.id = id
        self.name = name
        self.descriptor = descriptor
        self.points = points
    }
}
