/// A proposed rubric revision, with the figures and the ratings, verdicts and comments behind it.
public struct RevisionProposal: Sendable, Hashable, Codable {
    /// What the proposal asks the curriculum team to do.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Reviewers disagree on the criterion: rewrite its level descriptors so they can be applied consistently.
        case clarifyDescriptors = "clarify_descriptors"
        /// Reviewers rate systematically above or below the issuer: recalibrate the issuer's levels or descriptors.
        case recalibrateLevels = "recalibrate_levels"
        /// Two adjacent levels do not separate hiring outcomes: consider merging them.
        case mergeLevels = "merge_levels"
        /// Work placed at one level varies widely in reviewers' eyes: consider splitting it.
        case splitLevel = "split_level"
    }

    /// Stable for the same session, criterion, kind and levels: "<session>:<kind>:<criterion>[:<level>+<level>]".
    public let id: String
    public let kind: Kind
    public let criterionID: String
    /// The levels concerned, lowest first (empty when the proposal is about the whole criterion).
    public let levelIDs: [String]
    /// For recalibration: which way reviewers lean.
    public let direction: Drift.Direction?
    /// One or two sentences for the curriculum team, with the figures.
    public let rationale: String
    /// The figures, by name, for machines.
    public let figures: [ProposalFigure]
    public let evidence: ProposalEvidence
}

/// A named figure behind a proposal, e.g. ("alpha", 0.41).
public struct ProposalFigure: Sendable, Hashable, Codable {
    public let name: String
    public let value: Double
}

/// The session records a proposal rests on.
public struct ProposalEvidence: Sendable, Hashable, Codable {
    /// Artefacts, most telling first.
    public let artefactIDs: [String]
    /// Ratings on the criterion for those artefacts.
    public let ratingIDs: [String]
    /// Hiring-bar verdicts, for proposals about hiring outcomes.
    public let verdictIDs: [String]
    /// Non-empty comments from those ratings and verdicts.
    public let comments: [CitedComment]
}

/// A reviewer's comment cited as evidence.
public struct CitedComment: Sendable, Hashable, Codable {
    /// The rating or verdict the comment belongs to.
    public let sourceID: String
    public let artefactID: String
    public let reviewerID: String
    public let text: String
}
