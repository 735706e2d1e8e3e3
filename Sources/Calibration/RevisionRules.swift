import Foundation
import Reporting

/// Turns a session's statistics into revision proposals (`ProposalThresholds` documents each rule).
///
/// Proposals come in rubric order of criteria, then clarify, recalibrate, merge, split, then by level position;
/// evidence lists are ordered as each rule says, ties by session order, so the same session always yields the same
/// proposals.
public enum RevisionRules {
    /// The proposals for a session and its statistics.
    public static func proposals(
        for session: CalibrationSession,
        statistics: SessionStatistics,
        thresholds: ProposalThresholds = ProposalThresholds()
    ) -> [RevisionProposal] {
        let outcomes = session.hiringBarOutcomes()
        var proposals: [RevisionProposal] = []
        for criterion in session.rubric.criteria {
            guard let figures = statistics.criterion(criterion.id) else { continue }
            let rule = CriterionRule(
                session: session,
                criterion: criterion,
                observations: session.observations(for: criterion),
                statistics: figures,
                outcomes: outcomes,
                thresholds: thresholds
            )
            proposals += [rule.clarify(), rule.recalibrate()].compactMap { $0 } + rule.merges() + rule.splits()
        }
        return proposals
    }
}

/// The four rules applied to one criterion.
private struct CriterionRule {
    let session: CalibrationSession
    let criterion: RubricCriterion
    let observations: [CriterionObservation]
    let statistics: CriterionStatistics
    let outcomes: [String: HiringBarOutcome]
    let thresholds: ProposalThresholds

    func clarify() -> RevisionProposal? {
        let agreement = statistics.agreement
        guard let alpha = agreement.alpha, alpha < thresholds.minimumAgreement,
            agreement.pairableValues >= thresholds.minimumPairableValues
        else { return nil }
        // Widest disagreement first, then session order.
        let disputed = observations.enumerated().filter { $0.element.spread >= 1 }
            .sorted { ($1.element.spread, $0.offset) < ($0.element.spread, $1.offset) }.map(\.element)
        var figures = [ProposalFigure(name: "alpha", value: alpha), ProposalFigure(name: "pairable_values", value: Double(agreement.pairableValues))]
        var intervalText = ""
        if let bootstrap = statistics.agreementBootstrap, let interval = bootstrap.interval {
            figures += [ProposalFigure(name: "alpha_lower", value: interval.lower), ProposalFigure(name: "alpha_upper", value: interval.upper)]
            if let below = bootstrap.probabilityBelow(thresholds.minimumAgreement) {
                figures.append(ProposalFigure(name: "probability_below_minimum", value: below))
            }
            let coverage = NumberText.decimal(interval.confidence * 100, places: 0)
            intervalText = " (\(coverage)% interval \(alphaText(interval.lower)) to \(alphaText(interval.upper)))"
        }
        let rationale =
            "Reviewers agreed poorly on “\(criterion.name)”: Krippendorff's α = \(alphaText(alpha))\(intervalText) "
            + "over \(agreement.pairableValues) ratings, below the \(alphaText(thresholds.minimumAgreement)) needed for even tentative "
            + "conclusions. Clarify the level descriptors; the \(disputed.count) artefacts reviewers disagreed on are cited, widest "
            + "disagreement first."
        return proposal(.clarifyDescriptors, levels: [], direction: nil, rationale: rationale, figures: figures, evidence: evidence(disputed))
    }

    func recalibrate() -> RevisionProposal? {
        let drift = statistics.drift
        guard let mean = drift.meanDifference, drift.signTestPValue < thresholds.driftSignificance, abs(mean) >= thresholds.minimumDrift
        else { return nil }
        let direction: Drift.Direction = mean > 0 ? .reviewersHigher : .reviewersLower
        // Largest difference first, then session order.
        let leaning = observations.enumerated().filter { ($0.element.difference ?? 0) * mean > 0 }
            .sorted { (abs($1.element.difference ?? 0), $0.offset) < (abs($0.element.difference ?? 0), $1.offset) }.map(\.element)
        let levels = criterion.levels.indices.filter { position in
            let differences = observations.filter { $0.issuerPosition == position }.compactMap(\.difference)
            guard !differences.isEmpty else { return false }
            let levelMean = differences.reduce(0, +) / Double(differences.count)
            return levelMean * mean > 0 && abs(levelMean) >= thresholds.minimumDrift
        }
        let names = levels.map { "“\(criterion.levels[$0].name)”" }.joined(separator: ", ")
        let rationale =
            "Reviewers rated “\(criterion.name)” \(mean > 0 ? "higher" : "lower") than the issuer on "
            + "\(mean > 0 ? drift.higher : drift.lower) of \(drift.higher + drift.lower) artefacts where they differed (mean "
            + "\(signed(mean)) levels, sign test \(NumberText.pStatement(drift.signTestPValue))). Recalibrate the issuer's "
            + (levels.isEmpty ? "levels or their descriptors." : "levels or descriptors, above all \(names).")
        let figures = [
            ProposalFigure(name: "mean_difference", value: mean), ProposalFigure(name: "sign_test_p", value: drift.signTestPValue),
            ProposalFigure(name: "higher", value: Double(drift.higher)), ProposalFigure(name: "lower", value: Double(drift.lower)),
            ProposalFigure(name: "ties", value: Double(drift.ties)),
        ]
        return proposal(
            .recalibrateLevels,
            levels: levels,
            direction: direction,
            rationale: rationale,
            figures: figures,
            evidence: evidence(leaning)
        )
    }

    func merges() -> [RevisionProposal] {
        statistics.hiringBar.indices.dropLast().compactMap { index in
            let low = statistics.hiringBar[index]
            let high = statistics.hiringBar[index + 1]
            guard let lowRate = low.bar.rate, let highRate = high.bar.rate,
                min(low.bar.decidedArtefacts, high.bar.decidedArtefacts) >= thresholds.minimumArtefactsPerLevel
            else { return nil }
            let fisher = FisherExactTest.twoSidedPValue(
                low.bar.meetingBar,
                low.bar.decidedArtefacts - low.bar.meetingBar,
                high.bar.meetingBar,
                high.bar.decidedArtefacts - high.bar.meetingBar
            )
            let withinMargin = abs(highRate - lowRate) <= thresholds.mergeMargin
            let enoughForTest = min(low.bar.decidedArtefacts, high.bar.decidedArtefacts) >= thresholds.mergeTestMinimumPerLevel
            guard withinMargin || (enoughForTest && fisher >= thresholds.mergeSignificance) else { return nil }
            let lowName = criterion.levels[low.position].name
            let highName = criterion.levels[high.position].name
            let rationale =
                "On “\(criterion.name)”, “\(lowName)” and “\(highName)” do not separate hiring outcomes: "
                + "\(NumberText.percent(lowRate, places: 0)) of \(low.bar.decidedArtefacts) and \(NumberText.percent(highRate, places: 0)) "
                + "of \(high.bar.decidedArtefacts) artefacts met the hiring bar (Fisher's exact \(NumberText.pStatement(fisher))). "
                + "Consider merging the two levels."
            let figures = [
                ProposalFigure(name: "rate_lower_level", value: lowRate), ProposalFigure(name: "rate_upper_level", value: highRate),
                ProposalFigure(name: "artefacts_lower_level", value: Double(low.bar.decidedArtefacts)),
                ProposalFigure(name: "artefacts_upper_level", value: Double(high.bar.decidedArtefacts)),
                ProposalFigure(name: "fisher_p", value: fisher),
            ]
            let cited = observations.filter { [low.position, high.position].contains($0.issuerPosition) && outcomes[$0.artefactID] != nil }
            return proposal(
                .mergeLevels,
                levels: [low.position, high.position],
                direction: nil,
                rationale: rationale,
                figures: figures,
                evidence: evidence(cited, withVerdicts: true)
            )
        }
    }

    func splits() -> [RevisionProposal] {
        criterion.levels.indices.compactMap { position in
            let atLevel = observations.filter { $0.issuerPosition == position && $0.median != nil }
            guard atLevel.count >= thresholds.minimumArtefactsPerLevel else { return nil }
            let medians = atLevel.compactMap(\.median).sorted()
            guard let q1 = Quantile.linear(sorted: medians, 0.25), let q3 = Quantile.linear(sorted: medians, 0.75),
                q3 - q1 >= thresholds.splitSpread
            else { return nil }
            let outliers = atLevel.enumerated().filter { abs(($0.element.median ?? 0) - Double(position)) >= 1 }
                .sorted { ($0.element.median ?? 0, $0.offset) < ($1.element.median ?? 0, $1.offset) }.map(\.element)
            let rationale =
                "Reviewers' ratings of “\(criterion.name)” work the issuer placed at “\(criterion.levels[position].name)” "
                + "spread widely: the middle half of \(atLevel.count) artefacts runs from \(decimal(q1)) to \(decimal(q3)) on the level "
                + "scale (interquartile range \(decimal(q3 - q1)) levels). Consider splitting the level; the artefacts rated a level "
                + "or more away from it are cited, lowest first."
            let figures = [
                ProposalFigure(name: "interquartile_range", value: q3 - q1), ProposalFigure(name: "first_quartile", value: q1),
                ProposalFigure(name: "third_quartile", value: q3), ProposalFigure(name: "artefacts", value: Double(atLevel.count)),
            ]
            return proposal(.splitLevel, levels: [position], direction: nil, rationale: rationale, figures: figures, evidence: evidence(outliers))
        }
    }

    private func proposal(
        _ kind: RevisionProposal.Kind,
        levels: [Int],
        direction: Drift.Direction?,
        rationale: String,
        figures: [ProposalFigure],
        evidence: ProposalEvidence
    ) -> RevisionProposal {
        let levelIDs = levels.map { criterion.levels[$0].id }
        let id = ([session.id, kind.rawValue, criterion.id] + (levelIDs.isEmpty ? [] : [levelIDs.joined(separator: "+")])).joined(separator: ":")
        return RevisionProposal(
            id: id,
            kind: kind,
            criterionID: criterion.id,
            levelIDs: levelIDs,
            direction: direction,
            rationale: rationale,
            figures: figures,
            evidence: evidence
        )
    }

    /// The ratings (and, if asked, hiring-bar verdicts) of the given artefacts, with their non-empty comments.
    private func evidence(_ cited: [CriterionObservation], withVerdicts: Bool = false) -> ProposalEvidence {
        let artefactIDs = cited.map(\.artefactID)
        let ratings = cited.flatMap(\.ratings)
        let order = Dictionary(artefactIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
        let verdicts =
            withVerdicts
            ? session.verdicts.filter { order[$0.artefactID] != nil }
                .sorted { (order[$0.artefactID] ?? 0, $0.reviewerID) < (order[$1.artefactID] ?? 0, $1.reviewerID) }
            : []
        let comments =
            ratings.compactMap { rating in
                cite(rating.comment, source: rating.id, artefact: rating.artefactID, reviewer: rating.reviewerID)
            }
            + verdicts.compactMap { verdict in
                cite(verdict.comment, source: verdict.id, artefact: verdict.artefactID, reviewer: verdict.reviewerID)
            }
        return ProposalEvidence(artefactIDs: artefactIDs, ratingIDs: ratings.map(\.id), verdictIDs: verdicts.map(\.id), comments: comments)
    }

    private func cite(_ comment: String?, source: String, artefact: String, reviewer: String) -> CitedComment? {
        guard let text = comment?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return CitedComment(sourceID: source, artefactID: artefact, reviewerID: reviewer, text: text)
    }

    private func decimal(_ value: Double) -> String { NumberText.decimal(value, places: 2) }
    /// Alphas to three places, as Krippendorff reports them.
    private func alphaText(_ value: Double) -> String { NumberText.decimal(value, places: 3) }
    private func signed(_ value: Double) -> String { (value > 0 ? "+" : "") + NumberText.decimal(value, places: 2) }
}
