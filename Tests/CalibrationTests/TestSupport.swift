import Foundation

@testable import Calibration

/// Whether `actual` prints as `expected` when rounded to `places` decimals, as a published table shows it.
func printsAs(_ actual: Double?, _ expected: String, places: Int) -> Bool {
    guard let actual else { return false }
    return String(format: "%.\(places)f", actual) == expected
}

func isClose(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-12) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance * max(1, abs(expected))
}

/// A four-level "Code quality" criterion and a three-level "Communication" criterion.
func sampleRubric() throws -> RubricVersion {
    try RubricVersion(
        number: 1,
        criteria: [
            RubricCriterion(
                id: "quality",
                name: "Code quality",
                description: "Readable, tested code",
                levels: [
                    RubricLevel(id: "q0", name: "Beginning", descriptor: "Works only on the happy path", points: 1),
                    RubricLevel(id: "q1", name: "Developing", descriptor: "Works, few tests", points: 2),
                    RubricLevel(id: "q2", name: "Proficient", descriptor: "Tested, readable", points: 3),
                    RubricLevel(id: "q3", name: "Exemplary", descriptor: "Tested, documented, idiomatic", points: 4),
                ],
                skillAlignmentIDs: ["esco:software-testing"]
            ),
            RubricCriterion(
                id: "communication",
                name: "Communication",
                levels: [
                    RubricLevel(id: "c0", name: "Unclear", descriptor: "Hard to follow"),
                    RubricLevel(id: "c1", name: "Clear", descriptor: "Easy to follow"),
                    RubricLevel(id: "c2", name: "Compelling", descriptor: "Persuasive and precise"),
                ]
            ),
        ]
    )
}

/// Builds a session from compact rows: per artefact, the issuer's level positions per criterion, each reviewer's
/// positions per criterion, and each reviewer's hiring-bar answer (nil: not answered).
struct SessionBuilder {
    let rubric: RubricVersion
    var artefacts: [CalibrationArtefact] = []
    var ratings: [CriterionRating] = []
    var verdicts: [HiringBarVerdict] = []

    init(rubric: RubricVersion) { self.rubric = rubric }

    /// `levels[criterion] = [reviewer positions]`, reviewers named r0, r1, …; `comments[reviewer] = text`.
    mutating func add(
        _ id: String,
        issuer: [String: Int],
        levels: [String: [Int?]],
        bar: [Bool?] = [],
        comments: [Int: String] = [:]
    ) {
        var issuerLevels: [String: String] = [:]
        for (criterionID, position) in issuer { issuerLevels[criterionID] = rubric.criterion(criterionID)?.levels[position].id }
        artefacts.append(CalibrationArtefact(id: id, issuerLevels: issuerLevels))
        for (criterionID, positions) in levels.sorted(by: { $0.key < $1.key }) {
            for (reviewer, position) in positions.enumerated() {
                guard let position, let level = rubric.criterion(criterionID)?.levels[position] else { continue }
                ratings.append(
                    CriterionRating(
                        id: "\(id)/r\(reviewer)/\(criterionID)",
                        artefactID: id,
                        reviewerID: "r\(reviewer)",
                        criterionID: criterionID,
                        levelID: level.id,
                        comment: comments[reviewer]
                    )
                )
            }
        }
        for (reviewer, answer) in bar.enumerated() {
            guard let answer else { continue }
            verdicts.append(HiringBarVerdict(id: "\(id)/r\(reviewer)/bar", artefactID: id, reviewerID: "r\(reviewer)", meetsBar: answer))
        }
    }

    func session(_ id: String = "s1") throws -> CalibrationSession {
        try CalibrationSession(id: id, rubric: rubric, artefacts: artefacts, ratings: ratings, verdicts: verdicts)
    }
}
