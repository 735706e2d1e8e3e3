/// One structural change between rubric versions, flat so that it serialises to a plain JSON object.
public struct RubricChange: Sendable, Hashable, Codable {
    /// What kind of change.
    public enum Kind: String, Sendable, Hashable, Codable {
        case criteriaReordered = "criteria_reordered"
        case criterionAdded = "criterion_added"
        case criterionRemoved = "criterion_removed"
        case criterionRenamed = "criterion_renamed"
        case criterionDescriptionChanged = "criterion_description_changed"
        case skillAlignmentsChanged = "skill_alignments_changed"
        case levelsReordered = "levels_reordered"
        case levelAdded = "level_added"
        case levelRemoved = "level_removed"
        case levelRenamed = "level_renamed"
        case levelDescriptorChanged = "level_descriptor_changed"
        case levelPointsChanged = "level_points_changed"
    }

    public let kind: Kind
    /// The criterion concerned (nil for `criteriaReordered`).
    public let criterionID: String?
    /// The level concerned, for level changes.
    public let levelID: String?
    /// The older text (name, description, descriptor or points).
    public let before: String?
    /// The newer text.
    public let after: String?
    /// The older order of kept ids (reorderings) or the older alignment ids.
    public let beforeOrder: [String]?
    /// The newer order, or the newer alignment ids.
    public let afterOrder: [String]?

    public init(
        kind: Kind,
        criterionID: String? = nil,
        levelID: String? = nil,
        before: String? = nil,
        after: String? = nil,
        beforeOrder: [String]? = nil,
        afterOrder: [String]? = nil
    ) {
        self.kind = kind
        self.criterionID = criterionID
        self.levelID = levelID
        self.before = before
        self.after = after
        self.beforeOrder = beforeOrder
        self.afterOrder = afterOrder
    }
}
