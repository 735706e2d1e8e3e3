public import Reporting

/// How many artefacts meet reviewers' hiring bar, with a Wilson interval.
///
/// An artefact meets the bar when most of its reviewers said so. Artefacts whose reviewers split evenly are counted
/// in `splitArtefacts` and left out of the rate, so the rate and its interval rest on artefacts with a clear outcome.
public struct HiringBarRate: Sendable, Hashable, Codable {
    /// Artefacts with a clear majority.
    public let decidedArtefacts: Int
    /// Of those, the artefacts meeting the bar.
    public let meetingBar: Int
    /// Artefacts whose reviewers split evenly.
    public let splitArtefacts: Int
    /// Wilson score interval of the rate; nil without decided artefacts.
    public let interval: ConfidenceInterval?

    init(outcomes: [HiringBarOutcome], confidence: Double) {
        meetingBar = outcomes.filter { $0 == .meets }.count
        decidedArtefacts = outcomes.filter { $0 != .split }.count
        splitArtefacts = outcomes.count - decidedArtefacts
        interval = Proportion(successes: meetingBar, trials: decidedArtefacts)?.wilsonInterval(confidence: confidence)
    }

    /// The share meeting the bar; nil without decided artefacts.
    public var rate: Double? {
        decidedArtefacts == 0 ? nil : Double(meetingBar) / Double(decidedArtefacts)
    }
}

/// The hiring-bar rate of the artefacts the issuer placed at one level of a criterion.
public struct LevelHiringBar: Sendable, Hashable, Codable {
    public let levelID: String
    /// The level's ordinal position (0 = lowest).
    public let position: Int
    /// The rate at this level.
    public let bar: HiringBarRate
}
