import Testing

@testable import Calibration

@Suite struct RubricVersionTests {
    @Test func validatesStructure() throws {
        let level = { (id: String) in RubricLevel(id: id, name: id, descriptor: "") }
        #expect(throws: RubricError.noCriteria) { try RubricVersion(number: 1, criteria: []) }
        #expect(throws: RubricError.invalidVersionNumber(0)) { try RubricVersion(number: 0, criteria: []) }
        #expect(throws: RubricError.tooFewLevels(criterion: "a")) {
            try RubricVersion(number: 1, criteria: [RubricCriterion(id: "a", name: "A", levels: [level("x")])])
        }
        #expect(throws: RubricError.duplicateLevel(criterion: "a", level: "x")) {
            try RubricVersion(number: 1, criteria: [RubricCriterion(id: "a", name: "A", levels: [level("x"), level("x")])])
        }
        #expect(throws: RubricError.duplicateCriterion("a")) {
            try RubricVersion(
                number: 1,
                criteria: [
                    RubricCriterion(id: "a", name: "A", levels: [level("x"), level("y")]),
                    RubricCriterion(id: "a", name: "B", levels: [level("x"), level("y")]),
                ]
            )
        }
        #expect(throws: RubricError.emptyIdentifier) {
            try RubricVersion(number: 1, criteria: [RubricCriterion(id: "", name: "A", levels: [level("x"), level("y")])])
        }
    }

    @Test func revisionsAreNewNumberedVersions() throws {
        let first = try sampleRubric()
        let second = try first.revised(criteria: first.criteria.reversed(), answering: ["s1:clarify_descriptors:quality"], note: "Reordered")
        #expect(second.number == 2 && second.answeredProposalIDs == ["s1:clarify_descriptors:quality"] && second.note == "Reordered")
        #expect(first.number == 1 && first.criteria.first?.id == "quality")
        #expect(first.criterion("communication")?.position(ofLevel: "c2") == 2)
        #expect(first.criterion("missing") == nil)
    }
}

@Suite struct RubricDiffTests {
    @Test func identicalVersionsHaveNoChanges() throws {
        let rubric = try sampleRubric()
        let diff = RubricDiff(from: rubric, to: try rubric.revised(criteria: rubric.criteria, answering: [], note: nil))
        #expect(diff.isEmpty && diff.fromVersion == 1 && diff.toVersion == 2)
    }

    @Test func reportsEveryKindOfChangeInOrder() throws {
        let old = try sampleRubric()
        let quality = try #require(old.criterion("quality"))
        let revisedQuality = RubricCriterion(
            id: "quality",
            name: "Code quality and testing",
            description: quality.description,
            levels: [
                quality.levels[0],
                RubricLevel(id: "q2", name: "Proficient", descriptor: "Tested, readable, reviewed", points: 3),
                RubricLevel(id: "q1", name: "Emerging", descriptor: "Works, few tests", points: 2.5),
                RubricLevel(id: "q4", name: "Expert", descriptor: "Sets the standard", points: 5),
            ],
            skillAlignmentIDs: ["esco:software-testing", "esco:code-review"]
        )
        let design = RubricCriterion(
            id: "design",
            name: "Design",
            levels: [RubricLevel(id: "d0", name: "Ad hoc", descriptor: ""), RubricLevel(id: "d1", name: "Deliberate", descriptor: "")]
        )
        let new = try old.revised(criteria: [design, revisedQuality], answering: [], note: nil)
        let diff = RubricDiff(from: old, to: new)
        #expect(
            diff.changes.map(\.kind) == [
                .criterionAdded,
                .criterionRenamed, .skillAlignmentsChanged, .levelsReordered, .levelDescriptorChanged,
                .levelRenamed, .levelPointsChanged, .levelAdded, .levelRemoved,
                .criterionRemoved,
            ]
        )
        #expect(diff.changes[0].criterionID == "design" && diff.changes[0].after == "Design")
        #expect(diff.changes[1].before == "Code quality" && diff.changes[1].after == "Code quality and testing")
        #expect(diff.changes[2].afterOrder == ["esco:software-testing", "esco:code-review"])
        #expect(diff.changes[3].beforeOrder == ["q0", "q1", "q2"] && diff.changes[3].afterOrder == ["q0", "q2", "q1"])
        #expect(diff.changes[4].levelID == "q2" && diff.changes[4].after == "Tested, readable, reviewed")
        #expect(diff.changes[5].before == "Developing" && diff.changes[5].after == "Emerging")
        #expect(diff.changes[6].before == "2.0" && diff.changes[6].after == "2.5")
        #expect(diff.changes[7].levelID == "q4" && diff.changes[8].levelID == "q3")
        #expect(diff.changes[9].criterionID == "communication" && diff.changes[9].before == "Communication")
    }

    @Test func criteriaReorderingIsOneChange() throws {
        let old = try sampleRubric()
        let diff = RubricDiff(from: old, to: try old.revised(criteria: old.criteria.reversed(), answering: [], note: nil))
        #expect(
            diff.changes == [
                RubricChange(kind: .criteriaReordered, beforeOrder: ["quality", "communication"], afterOrder: ["communication", "quality"])
            ]
        )
    }
}

@Suite struct CalibrationSessionTests {
    @Test func rejectsRatingsThatDoNotFitTheRubric() throws {
        let rubric = try sampleRubric()
        let artefact = CalibrationArtefact(id: "a1", issuerLevels: ["quality": "q1"])
        let rating = { (artefact: String, criterion: String, level: String, reviewer: String) in
            CriterionRating(
                id: "\(artefact)/\(reviewer)/\(criterion)/\(level)",
                artefactID: artefact,
                reviewerID: reviewer,
                criterionID: criterion,
                levelID: level
            )
        }
        #expect(throws: CalibrationError.unknownArtefact("a9")) {
            try CalibrationSession(id: "s", rubric: rubric, artefacts: [artefact], ratings: [rating("a9", "quality", "q1", "r")])
        }
        #expect(throws: CalibrationError.unknownCriterion("style")) {
            try CalibrationSession(id: "s", rubric: rubric, artefacts: [artefact], ratings: [rating("a1", "style", "q1", "r")])
        }
        #expect(throws: CalibrationError.unknownLevel(criterion: "quality", level: "c1")) {
            try CalibrationSession(id: "s", rubric: rubric, artefacts: [artefact], ratings: [rating("a1", "quality", "c1", "r")])
        }
        #expect(throws: CalibrationError.duplicateRating(artefact: "a1", reviewer: "r", criterion: "quality")) {
            try CalibrationSession(
                id: "s",
                rubric: rubric,
                artefacts: [artefact],
                ratings: [rating("a1", "quality", "q1", "r"), rating("a1", "quality", "q2", "r")]
            )
        }
        #expect(throws: CalibrationError.unknownLevel(criterion: "quality", level: "zz")) {
            try CalibrationSession(id: "s", rubric: rubric, artefacts: [CalibrationArtefact(id: "a1", issuerLevels: ["quality": "zz"])], ratings: [])
        }
        #expect(throws: CalibrationError.duplicateArtefact("a1")) {
            try CalibrationSession(id: "s", rubric: rubric, artefacts: [artefact, artefact], ratings: [])
        }
        let verdict = HiringBarVerdict(id: "v", artefactID: "a1", reviewerID: "r", meetsBar: true)
        #expect(throws: CalibrationError.duplicateVerdict(artefact: "a1", reviewer: "r")) {
            try CalibrationSession(id: "s", rubric: rubric, artefacts: [artefact], ratings: [], verdicts: [verdict, verdict])
        }
        #expect(throws: CalibrationError.unknownArtefact("a2")) {
            try CalibrationSession(
                id: "s",
                rubric: rubric,
                artefacts: [artefact],
                ratings: [],
                verdicts: [HiringBarVerdict(id: "v", artefactID: "a2", reviewerID: "r", meetsBar: true)]
            )
        }
    }
}
