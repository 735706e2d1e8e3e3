/// A reviewer's "meets our hiring bar for <role>" answer for one artefact.
public struct HiringBarVerdict: Sendable, Hashable, Codable {
    public let id: String
    public let artefactID: String
    public let reviewerID: String
    public let meetsBar: Bool
    public let comment: String?

    public init(id: String, artefactID: String, reviewerID: String, meetsBar: Bool, comment: String? = nil) {
        self.id = id
        self.artefactID = artefactID
        self.reviewerID = reviewerID
        self.meetsBar = meetsBar
        self.comment = comment
    }
}
