/// A reviewer's rating of one artefact on one criterion.
public struct CriterionRating: Sendable, Hashable, Codable {
    public let id: String
    public let artefactID: String
    public let reviewerID: String
    public let criterionID: String
    public let levelID: String
    public let comment: String?

    public init(id: String, artefactID: String, reviewerID: String, criterionID: String, levelID: String, comment: String? = nil) {
        self.id = id
        self.artefactID = artefactID
        self.reviewerID = reviewerID
        self.criterionID = criterionID
        self.levelID = levelID
        self.comment = comment
    }
}
