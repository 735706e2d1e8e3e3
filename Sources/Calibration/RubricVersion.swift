/// An immutable version of an achievement's rubric, with the proposals it answers.
///
/// Versions are values: a revision is a new version (`revised(criteria:answering:note:)`), numbered one higher,
/// and the old one is never changed. The statistics read level order from `RubricCriterion.levels`.
public struct RubricVersion: Sendable, Hashable, Codable {
    /// 1 for the first version, then consecutive.
    public let number: Int
    /// The criteria, in presentation order.
    public let criteria: [RubricCriterion]
    /// Ids of the revision proposals this version answers (empty for a first version).
    public let answeredProposalIDs: [String]
    /// The curriculum team's note on the revision.
    public let note: String?

    /// A validated version: at least one criterion, each with at least two levels; ids non-empty and unique
    /// (criteria within the rubric, levels within their criterion).
    public init(number: Int, criteria: [RubricCriterion], answeredProposalIDs: [String] = [], note: String? = nil) throws(RubricError) {
        guard number >= 1 else { throw .invalidVersionNumber(number) }
        guard !criteria.isEmpty else { throw .noCriteria }
        var criterionIDs = Set<String>()
        for criterion in criteria {
            guard !criterion.id.isEmpty else { throw .emptyIdentifier }
            guard criterionIDs.insert(criterion.id).inserted else { throw .duplicateCriterion(criterion.id) }
            // One level cannot disagree with anything: agreement, drift and merge rules need at least two.
            guard criterion.levels.count >= 2 else { throw .tooFewLevels(criterion: criterion.id) }
            var levelIDs = Set<String>()
            for level in criterion.levels {
                guard !level.id.isEmpty else { throw .emptyIdentifier }
                guard levelIDs.insert(level.id).inserted else { throw .duplicateLevel(criterion: criterion.id, level: level.id) }
            }
        }
        self.number = number
        self.criteria = criteria
        self.answeredProposalIDs = answeredProposalIDs
        self.note = note
    }

    /// The next version, with new criteria, recording which proposals it answers.
    public func revised(criteria: [RubricCriterion], answering proposalIDs: [String], note: String?) throws(RubricError) -> RubricVersion {
        try RubricVersion(number: number + 1, criteria: criteria, answeredProposalIDs: proposalIDs, note: note)
    }

    /// The criterion with this id.
    public func criterion(_ id: String) -> RubricCriterion? {
        criteria.first { $0.id == id }
    }
}

/// Why a rubric version is invalid.
public enum RubricError: Error, Sendable, Hashable {
    case invalidVersionNumber(Int)
    case noCriteria
    case emptyIdentifier
    case duplicateCriterion(String)
    case tooFewLevels(criterion: String)
    case duplicateLevel(criterion: String, level: String)
}
