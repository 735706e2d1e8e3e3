import Reporting

/// What a session says about one artefact on one criterion: the issuer's level and the reviewers' ratings, as
/// ordinal positions (0 = lowest level).
struct CriterionObservation {
    let artefactID: String
    let issuerPosition: Int?
    /// The ratings, ordered by reviewer id so that everything derived from them is deterministic.
    let ratings: [CriterionRating]
    let positions: [Int]

    /// The ratings as a reliability-data unit for Krippendorff's alpha.
    var unit: [Double] {
        positions.map(Double.init)
    }

    /// The reviewers' median level; a half-level when an even number of reviewers split between two levels.
    var median: Double? {
        Quantile.median(positions.map(Double.init))
    }

    /// The lower of the two middle ratings for an even count: a rubric level, for statistics that need one (kappa).
    var lowerMedian: Int? {
        guard !positions.isEmpty else { return nil }
        return positions.sorted()[(positions.count - 1) / 2]
    }

    /// Reviewers' median minus the issuer's level, in levels.
    var difference: Double? {
        guard let median, let issuerPosition else { return nil }
        return median - Double(issuerPosition)
    }

    /// Highest minus lowest rating.
    var spread: Int {
        (positions.max() ?? 0) - (positions.min() ?? 0)
    }
}

extension CalibrationSession {
    /// One observation per artefact (in session order) for a criterion of the session's rubric.
    func observations(for criterion: RubricCriterion) -> [CriterionObservation] {
        var byArtefact: [String: [CriterionRating]] = [:]
        for rating in ratings where rating.criterionID == criterion.id { byArtefact[rating.artefactID, default: []].append(rating) }
        return artefacts.map { artefact in
            let ratings = (byArtefact[artefact.id] ?? []).sorted { ($0.reviewerID, $0.id) < ($1.reviewerID, $1.id) }
            return CriterionObservation(
                artefactID: artefact.id,
                issuerPosition: artefact.issuerLevels[criterion.id].flatMap(criterion.position(ofLevel:)),
                ratings: ratings,
                positions: ratings.compactMap { criterion.position(ofLevel: $0.levelID) }
            )
        }
    }

    /// Each artefact's hiring-bar outcome by majority of its reviewers' verdicts; artefacts without verdicts are
    /// absent.
    func hiringBarOutcomes() -> [String: HiringBarOutcome] {
        var tally: [String: (yes: Int, no: Int)] = [:]
        for verdict in verdicts {
            var counts = tally[verdict.artefactID] ?? (0, 0)
            if verdict.meetsBar { counts.yes += 1 } else { counts.no += 1 }
            tally[verdict.artefactID] = counts
        }
        return tally.mapValues { $0.yes == $0.no ? .split : $0.yes > $0.no ? .meets : .misses }
    }

    /// Per artefact, the mean over criteria of (reviewers' median − issuer level), for artefacts with at least one
    /// such difference; one number per artefact keeps the overall sign test's observations independent.
    func meanDifferencesPerArtefact() -> [Double] {
        let perCriterion = rubric.criteria.map { observations(for: $0) }
        return artefacts.indices.compactMap { index in
            let differences = perCriterion.compactMap { $0[index].difference }
            return differences.isEmpty ? nil : differences.reduce(0, +) / Double(differences.count)
        }
    }
}

/// An artefact's hiring-bar outcome by majority of its reviewers.
enum HiringBarOutcome {
    case meets
    case misses
    /// As many reviewers said yes as no.
    case split
}
