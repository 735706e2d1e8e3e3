import Calibration
import Foundation
import Reporting
import StrictJSON

/// The calibration figures as the API shows them: full precision, nulls left out, every figure named.
enum CalibrationReportView {
    /// A session's statistics: overall and per criterion (with level names for the hiring-bar rows).
    static func figures(_ statistics: SessionStatistics, rubric: RubricVersion) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "artefacts": .number(statistics.artefacts),
                "reviewers": .number(statistics.reviewers),
                "ratings": .number(statistics.ratings),
                "agreement": alpha(statistics.overallAgreement, bootstrap: statistics.overallAgreementBootstrap),
                "drift": drift(statistics.overallDrift),
                "hiringBar": hiringBar(statistics.hiringBar),
                "criteria": .array(
                    statistics.criteria.map { figures in
                        let criterion = rubric.criterion(figures.criterionID)
                        return .object(
                            JSONObject(compacting: [
                                "criterionId": .string(figures.criterionID),
                                "name": .text(criterion?.name),
                                "ratedArtefacts": .number(figures.ratedArtefacts),
                                "ratings": .number(figures.ratings),
                                "agreement": alpha(figures.agreement, bootstrap: figures.agreementBootstrap),
                                "issuerKappa": kappa(figures.issuerKappa),
                                "drift": drift(figures.drift),
                                "hiringBarByIssuerLevel": .array(
                                    figures.hiringBar.map { level in
                                        var row = hiringBar(level.bar).objectValue ?? JSONObject()
                                        row["levelId"] = .string(level.levelID)
                                        row["levelName"] = .text(criterion?.levels[safe: level.position]?.name)
                                        row["position"] = .number(JSONNumber(level.position))
                                        return .object(row)
                                    }
                                ),
                            ])
                        )
                    }
                ),
            ])
        )
    }

    /// Krippendorff's alpha with its bootstrap interval.
    static func alpha(_ alpha: KrippendorffAlpha, bootstrap: AlphaBootstrap?, interval: ConfidenceInterval? = nil) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "alpha": .number(alpha.alpha),
                "undefinedReason": .text(alpha.undefinedReason?.rawValue),
                "level": .string(alpha.level.rawValue),
                "pairableValues": .number(alpha.pairableValues),
                "pairableUnits": .number(alpha.pairableUnits),
                "observedDisagreement": .number(alpha.observedDisagreement),
                "expectedDisagreement": .number(alpha.expectedDisagreement),
                "interval": (bootstrap?.interval ?? interval).map(self.interval),
                "bootstrap": bootstrap.map {
                    [
                        "definedReplicates": .number(JSONNumber($0.replicates.count)),
                        "undefinedReplicates": .number(JSONNumber($0.undefinedReplicates)),
                    ]
                },
            ])
        )
    }

    static func kappa(_ kappa: CohenKappa) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "kappa": .number(kappa.kappa),
                "weighting": "quadratic",
                "pairs": .number(kappa.count),
                "observedAgreement": .number(kappa.observedAgreement),
                "expectedAgreement": .number(kappa.expectedAgreement),
                "standardError": .number(kappa.standardError),
                "interval": kappa.interval.map(interval),
                "z": .number(kappa.z),
                "pValue": .number(kappa.pValue),
            ])
        )
    }

    static func drift(_ drift: Drift) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "direction": .string(drift.direction.rawValue),
                "meanDifference": .number(drift.meanDifference),
                "artefacts": .number(drift.artefacts),
                "higher": .number(drift.higher),
                "lower": .number(drift.lower),
                "ties": .number(drift.ties),
                "signTestPValue": .number(drift.signTestPValue),
            ])
        )
    }

    static func hiringBar(_ bar: HiringBarRate) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "rate": .number(bar.rate),
                "meetingBar": .number(bar.meetingBar),
                "decidedArtefacts": .number(bar.decidedArtefacts),
                "splitArtefacts": .number(bar.splitArtefacts),
                "interval": bar.interval.map(interval),
            ])
        )
    }

    static func interval(_ interval: ConfidenceInterval) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "lower": .number(interval.lower), "upper": .number(interval.upper), "confidence": .number(interval.confidence),
            ])
        )
    }

    /// A proposal with its evidence, artefacts cited by the labels reviewers saw.
    static func proposal(_ proposal: RevisionProposal, labels: [String: String]) -> JSONValue {
        let evidence = proposal.evidence
        return .object(
            JSONObject(compacting: [
                "id": .string(proposal.id),
                "kind": .string(proposal.kind.rawValue),
                "criterionId": .string(proposal.criterionID),
                "levelIds": .array(proposal.levelIDs.map(JSONValue.string)),
                "direction": .text(proposal.direction?.rawValue),
                "rationale": .string(proposal.rationale),
                "figures": .object(JSONObject(proposal.figures.compactMap { figure in JSONNumber(figure.value).map { (figure.name, .number($0)) } })),
                "evidence": [
                    "artefacts": .array(
                        evidence.artefactIDs.map { .object(JSONObject(compacting: ["id": .string($0), "label": .text(labels[$0])])) }
                    ),
                    "ratingIds": .array(evidence.ratingIDs.map(JSONValue.string)),
                    "verdictIds": .array(evidence.verdictIDs.map(JSONValue.string)),
                    "comments": .array(
                        evidence.comments.map { comment in
                            .object(
                                JSONObject(compacting: [
                                    "sourceId": .string(comment.sourceID), "artefactId": .string(comment.artefactID),
                                    "artefactLabel": .text(labels[comment.artefactID]), "reviewerId": .string(comment.reviewerID),
                                    "text": .string(comment.text),
                                ])
                            )
                        }
                    ),
                ],
            ])
        )
    }

    /// An achievement's pooled calibration and the ranking multiplier it gives.
    static func summary(_ summary: CalibrationSummary, multiplier: Double) -> JSONValue {
        .object(
            JSONObject(compacting: [
                "sessions": .number(summary.sessions),
                "artefacts": .number(summary.artefacts),
                "ratings": .number(summary.ratings),
                "reviewers": .number(summary.reviewers),
                "agreement": alpha(summary.agreement, bootstrap: nil, interval: summary.agreementInterval),
                "drift": drift(summary.drift),
                "hiringBar": hiringBar(summary.hiringBar),
                "rankingMultiplier": .number(multiplier),
            ])
        )
    }

    /// How the figures are computed, stated in every report.
    static let method: JSONValue = [
        "agreement": .string(
            "Krippendorff's alpha for ordinal data (levels by position, lowest 0) across reviewers; per criterion the units are "
                + "artefacts, overall artefact × criterion; interval: percentile bootstrap over units, 1000 replicates, seed 1, 95%."
        ),
        "issuerKappa": .string(
            "Quadratic-weighted Cohen's kappa between the issuer's level and the reviewers' median level (the lower middle rating for "
                + "an even count), over artefacts with both; Wald interval from the Fleiss–Cohen–Everitt standard error."
        ),
        "drift": .string(
            "Reviewers' median minus the issuer's level, in levels, per artefact; direction only when an exact two-sided sign test "
                + "(ties dropped) gives p < 0.05. Overall: one mean difference per artefact."
        ),
        "hiringBar": .string(
            "An artefact meets the bar when most of its reviewers said so; evenly split artefacts are counted apart and left out of "
                + "the rate; Wilson 95% interval. Per criterion, rates by the issuer's level on that criterion."
        ),
        "proposals": .string(
            "Calibration library RevisionRules with default thresholds: clarify descriptors below alpha 0.667 (20+ pairable ratings); "
                + "recalibrate on significant drift of half a level or more; merge adjacent levels that do not separate hiring "
                + "outcomes; split a level whose ratings spread 1.5 levels or more."
        ),
    ]
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? {
        indices.contains(index) ? self[index] : nil
    }
}
