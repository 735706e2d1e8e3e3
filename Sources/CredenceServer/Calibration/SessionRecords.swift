import Calibration
import Foundation
import StrictJSON

/// A calibration session's lifecycle: reviewers rate only while it is open.
enum SessionState: String, Sendable {
    case draft, open, closed
}

/// A stored calibration session, without its artefacts and ratings.
struct SessionRecord: Sendable {
    var id: UUID
    var organizationID: UUID
    var organizationName: String
    var achievementID: UUID
    var achievementName: String
    var achievementURI: String
    var rubricID: UUID
    var rubricVersionID: UUID
    var rubricVersionNumber: Int
    var title: String
    var state: SessionState
    var showIssuerLevel: Bool
    var hiringBarRole: String?
    var sample: SampleSettings
    var finalFigures: JSONValue?
    var createdAt: Date
    var openedAt: Date?
    var closedAt: Date?
}

/// How a session's sample was asked for and what was drawn.
struct SampleSettings: Sendable {
    var requested: Int
    var stratified: Bool
    var stratifyBy: String?
    var allocation: SampleDraw.Allocation
    var seed: Int64
    /// `[{"levelId", "available", "drawn"}]`, lowest level first.
    var strata: JSONValue
}

/// An invitation: one hiring manager's key, or every hiring-manager key of an organisation.
struct ReviewerInvitation: Sendable {
    var keyID: UUID?
    var organizationID: UUID
    var organizationName: String
}

/// An anonymised artefact: the evidence snapshot and the issuer's levels (criterion id → level id).
struct ArtefactRecord: Sendable {
    var id: UUID
    var position: Int
    var label: String
    var issuerLevels: [String: String]
    var evidence: JSONValue
    var redacted: Bool
}

/// A reviewer's current rating of an artefact on a criterion.
struct RatingRecord: Sendable {
    var id: UUID
    var artefactID: UUID
    var reviewerKeyID: UUID
    var reviewerOrganizationID: UUID
    var criterionID: String
    var levelID: String
    var comment: String?
    /// How many times the reviewer changed it.
    var changes: Int
    var updatedAt: Date
}

/// A reviewer's current "meets our hiring bar" answer for an artefact.
struct VerdictRecord: Sendable {
    var id: UUID
    var artefactID: UUID
    var reviewerKeyID: UUID
    var reviewerOrganizationID: UUID
    var meetsBar: Bool
    var role: String?
    var comment: String?
    var changes: Int
    var updatedAt: Date
}

/// Everything the statistics need about one session, loaded together.
struct SessionData: Sendable {
    var record: SessionRecord
    var rubric: StoredRubricVersion
    var artefacts: [ArtefactRecord]
    var ratings: [RatingRecord]
    var verdicts: [VerdictRecord]

    /// The session as the Calibration library sees it. Issuer levels the rubric version does not know (a credential
    /// assessed under another version) are left out rather than failing the session.
    func domain() throws -> CalibrationSession {
        let rubric = self.rubric.version
        let artefacts = artefacts.map { artefact in
            CalibrationArtefact(
                id: artefact.id.uuidString,
                issuerLevels: artefact.issuerLevels.filter { criterion, level in rubric.criterion(criterion)?.position(ofLevel: level) != nil }
            )
        }
        return try CalibrationSession(
            id: record.id.uuidString,
            rubric: rubric,
            artefacts: artefacts,
            ratings: ratings.map {
                CriterionRating(
                    id: $0.id.uuidString, artefactID: $0.artefactID.uuidString, reviewerID: $0.reviewerKeyID.uuidString,
                    criterionID: $0.criterionID, levelID: $0.levelID, comment: $0.comment
                )
            },
            verdicts: verdicts.map {
                HiringBarVerdict(
                    id: $0.id.uuidString, artefactID: $0.artefactID.uuidString, reviewerID: $0.reviewerKeyID.uuidString, meetsBar: $0.meetsBar,
                    comment: $0.comment
                )
            }
        )
    }

    /// Artefact id (as the library writes it) → label, for citing artefacts the way reviewers saw them.
    var labels: [String: String] {
        Dictionary(uniqueKeysWithValues: artefacts.map { ($0.id.uuidString, $0.label) })
    }
}
