/// The ratings of one calibration session, validated against its rubric version.
///
/// Validation is the domain half of the session rules: every rating names an artefact of the session, a criterion
/// of the rubric and a level of that criterion; issuer levels exist; a reviewer rates an artefact on a criterion at
/// most once and answers the hiring-bar question at most once per artefact (the store keeps the latest change).
/// Who may rate, and whether the session is open, is the service's to check.
public struct CalibrationSession: Sendable, Hashable {
    public let id: String
    public let rubric: RubricVersion
    public let artefacts: [CalibrationArtefact]
    public let ratings: [CriterionRating]
    public let verdicts: [HiringBarVerdict]

    public init(
        id: String,
        rubric: RubricVersion,
        artefacts: [CalibrationArtefact],
        ratings: [CriterionRating],
        verdicts: [HiringBarVerdict] = []
    ) throws(CalibrationError) {
        var artefactIDs = Set<String>()
        for artefact in artefacts {
            guard artefactIDs.insert(artefact.id).inserted else { throw .duplicateArtefact(artefact.id) }
            for (criterionID, levelID) in artefact.issuerLevels.sorted(by: { $0.key < $1.key }) {
                guard let criterion = rubric.criterion(criterionID) else { throw .unknownCriterion(criterionID) }
                guard criterion.position(ofLevel: levelID) != nil else { throw .unknownLevel(criterion: criterionID, level: levelID) }
            }
        }
        var rated = Set<[String]>()
        for rating in ratings {
            guard artefactIDs.contains(rating.artefactID) else { throw .unknownArtefact(rating.artefactID) }
            guard let criterion = rubric.criterion(rating.criterionID) else { throw .unknownCriterion(rating.criterionID) }
            guard criterion.position(ofLevel: rating.levelID) != nil else {
                throw .unknownLevel(criterion: rating.criterionID, level: rating.levelID)
            }
            guard rated.insert([rating.artefactID, rating.reviewerID, rating.criterionID]).inserted else {
                throw .duplicateRating(artefact: rating.artefactID, reviewer: rating.reviewerID, criterion: rating.criterionID)
            }
        }
        var answered = Set<[String]>()
        for verdict in verdicts {
            guard artefactIDs.contains(verdict.artefactID) else { throw .unknownArtefact(verdict.artefactID) }
            guard answered.insert([verdict.artefactID, verdict.reviewerID]).inserted else {
                throw .duplicateVerdict(artefact: verdict.artefactID, reviewer: verdict.reviewerID)
            }
        }
        self.id = id
        self.rubric = rubric
        self.artefacts = artefacts
        self.ratings = ratings
        self.verdicts = verdicts
    }
}
