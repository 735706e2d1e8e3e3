/// The structural differences between two rubric versions, matched by criterion and level ids.
///
/// Order: a reordering of criteria first; then, for each criterion in the newer version's order, its own changes
/// (added; or renamed, description, alignments, level reordering, then per level in the newer order: added,
/// renamed, descriptor, points; then removed levels in the older order); then removed criteria in the older order.
public struct RubricDiff: Sendable, Hashable, Codable {
    /// The older version's number.
    public let fromVersion: Int
    /// The newer version's number.
    public let toVersion: Int
    /// What changed, in the order above.
    public let changes: [RubricChange]

    /// The diff from `old` to `new`.
    public init(from old: RubricVersion, to new: RubricVersion) {
        fromVersion = old.number
        toVersion = new.number
        var changes: [RubricChange] = []
        let oldIDs = old.criteria.map(\.id)
        let newIDs = new.criteria.map(\.id)
        if let reordering = Self.reordering(oldIDs, newIDs) {
            changes.append(RubricChange(kind: .criteriaReordered, beforeOrder: reordering.before, afterOrder: reordering.after))
        }
        for criterion in new.criteria {
            guard let previous = old.criterion(criterion.id) else {
                changes.append(RubricChange(kind: .criterionAdded, criterionID: criterion.id, after: criterion.name))
                continue
            }
            changes += Self.changes(from: previous, to: criterion)
        }
        for criterion in old.criteria where new.criterion(criterion.id) == nil {
            changes.append(RubricChange(kind: .criterionRemoved, criterionID: criterion.id, before: criterion.name))
        }
        self.changes = changes
    }

    /// Whether the versions are structurally identical.
    public var isEmpty: Bool { changes.isEmpty }

    private static func changes(from old: RubricCriterion, to new: RubricCriterion) -> [RubricChange] {
        let id = new.id
        var changes: [RubricChange] = []
        if old.name != new.name {
            changes.append(RubricChange(kind: .criterionRenamed, criterionID: id, before: old.name, after: new.name))
        }
        if old.description != new.description {
            changes.append(RubricChange(kind: .criterionDescriptionChanged, criterionID: id, before: old.description, after: new.description))
        }
        if old.skillAlignmentIDs != new.skillAlignmentIDs {
            changes.append(
                RubricChange(kind: .skillAlignmentsChanged, criterionID: id, beforeOrder: old.skillAlignmentIDs, afterOrder: new.skillAlignmentIDs)
            )
        }
        if let reordering = reordering(old.levels.map(\.id), new.levels.map(\.id)) {
            changes.append(RubricChange(kind: .levelsReordered, criterionID: id, beforeOrder: reordering.before, afterOrder: reordering.after))
        }
        for level in new.levels {
            guard let previous = old.levels.first(where: { $0.id == level.id }) else {
                changes.append(RubricChange(kind: .levelAdded, criterionID: id, levelID: level.id, after: level.name))
                continue
            }
            if previous.name != level.name {
                changes.append(RubricChange(kind: .levelRenamed, criterionID: id, levelID: level.id, before: previous.name, after: level.name))
            }
            if previous.descriptor != level.descriptor {
                changes.append(
                    RubricChange(
                        kind: .levelDescriptorChanged,
                        criterionID: id,
                        levelID: level.id,
                        before: previous.descriptor,
                        after: level.descriptor
                    )
                )
            }
            if previous.points != level.points {
                changes.append(
                    RubricChange(
                        kind: .levelPointsChanged,
                        criterionID: id,
                        levelID: level.id,
                        before: previous.points.map { "\($0)" },
                        after: level.points.map { "\($0)" }
                    )
                )
            }
        }
        for level in old.levels where !new.levels.contains(where: { $0.id == level.id }) {
            changes.append(RubricChange(kind: .levelRemoved, criterionID: id, levelID: level.id, before: level.name))
        }
        return changes
    }

    /// The relative order of the ids both lists keep, when it differs.
    private static func reordering(_ old: [String], _ new: [String]) -> (before: [String], after: [String])? {
        let kept = Set(old).intersection(new)
        let before = old.filter(kept.contains)
        let after = new.filter(kept.contains)
        return before == after ? nil : (before, after)
    }
}
