/// What one group of learners (cohorts with badges, or without) did, one figure per learner.
public struct CohortActivity: Sendable, Hashable {
    /// Learners in the group.
    public var learners: Int
    /// Learners who checked in at least once.
    public var checkedIn: Int
    /// Learners who posted in a discussion at least once.
    public var discussed: Int
    /// Learners who completed at least one module, and of those, how many completed another one after it.
    public var startedModules: Int
    public var continuedModules: Int
    /// Learners who completed the course.
    public var completed: Int
    /// Each learner's median hours from an assignment's release to their submission of it.
    public var submissionHours: [Double]

    public init(
        learners: Int, checkedIn: Int, discussed: Int, startedModules: Int, continuedModules: Int, completed: Int, submissionHours: [Double]
    ) {
        self.learners = learners
        self.checkedIn = checkedIn
        self.discussed = discussed
        self.startedModules = startedModules
        self.continuedModules = continuedModules
        self.completed = completed
        self.submissionHours = submissionHours
    }
}

/// Learners in cohorts with badges compared with learners in cohorts without, measure by measure: rates with the
/// two-proportion z-test and Newcombe's interval, times with the Mann–Whitney test and the Hodges–Lehmann shift with
/// its interval, each with the small-group warnings of `SampleSizeRule`.
///
/// Learners are the units: each contributes one yes/no per rate and one median time, so a learner who submits
/// twenty assignments does not outweigh twenty learners who submit one.
public struct CohortComparison: Sendable, Hashable {
    /// One measure compared.
    public struct Row: Sendable, Hashable {
        public let measure: String
        public let label: String
        /// The rates (rates) or the medians of learners' times (times), with badges and without.
        public let withBadges: Double?
        public let withoutBadges: Double?
        /// The group sizes the figure rests on (for rates: trials).
        public let withBadgesSize: Int
        public let withoutBadgesSize: Int
        /// with − without: the rate difference, or the Hodges–Lehmann shift in hours.
        public let difference: Double?
        public let interval: ConfidenceInterval?
        public let test: String
        public let statistic: Double?
        public let pValue: Double?
        /// Small-group warnings ("first" is the group with badges).
        public let warnings: [String]
        public let isRate: Bool
    }

    public let rows: [Row]

    public init(withBadges a: CohortActivity, withoutBadges b: CohortActivity, rule: SampleSizeRule = SampleSizeRule()) {
        func rate(_ measure: String, _ label: String, _ x: (Int, Int), _ y: (Int, Int)) -> Row {
            // Clamped into 0 ≤ successes ≤ trials, where a proportion always exists.
            let first = Proportion(successes: max(0, min(x.0, x.1)), trials: max(0, x.1))!
            let second = Proportion(successes: max(0, min(y.0, y.1)), trials: max(0, y.1))!
            let test = TwoProportionTest(first, second, rule: rule)
            return Row(
                measure: measure, label: label, withBadges: first.rate, withoutBadges: second.rate, withBadgesSize: x.1, withoutBadgesSize: y.1,
                difference: test.difference, interval: test.differenceInterval, test: "two-proportion z-test", statistic: test.z,
                pValue: test.pValue, warnings: test.warnings.map(\.message), isRate: true
            )
        }
        var rows = [
            rate("check_in", "Checked in", (a.checkedIn, a.learners), (b.checkedIn, b.learners)),
            rate("discussion", "Took part in discussion", (a.discussed, a.learners), (b.discussed, b.learners)),
            rate(
                "module_retention", "Went on to another module", (a.continuedModules, a.startedModules), (b.continuedModules, b.startedModules)
            ),
            rate("completion", "Completed the course", (a.completed, a.learners), (b.completed, b.learners)),
        ]
        let test = MannWhitneyTest(a.submissionHours, b.submissionHours, rule: rule)
        let shift = HodgesLehmannEstimate(a.submissionHours, b.submissionHours)
        rows.append(
            Row(
                measure: "submission_hours", label: "Hours from release to submission (median per learner)",
                withBadges: Quantile.median(a.submissionHours), withoutBadges: Quantile.median(b.submissionHours),
                withBadgesSize: a.submissionHours.count, withoutBadgesSize: b.submissionHours.count, difference: shift?.shift,
                interval: shift?.interval, test: "Mann–Whitney U", statistic: test?.u, pValue: test?.pValue,
                warnings: test?.warnings.map(\.message) ?? ["no submissions to compare in one of the groups"], isRate: false
            )
        )
        self.rows = rows
    }
}
