import Testing

@testable import Calibration

@Suite struct KrippendorffAlphaTests {
    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": 4 observers × 12 units with missing
    /// values; printed results nominal .743, ordinal .815, interval .849, ratio .797. Full precision from an
    /// independent implementation over pairable values rather than the coincidence matrix (References/calibration_refs.py).
    static let reliabilityData: [[Double?]] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
        [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nil],
    ]

    @Test(arguments: [
        (MeasurementLevel.nominal, "0.743", 0.743421052631579),
        (.ordinal, "0.815", 0.8153875037548813),
        (.interval, "0.849", 0.8491071428571428),
        (.ratio, "0.797", 0.7974027747116127),
    ])
    func reproducesKrippendorffsExample(level: MeasurementLevel, printed: String, precise: Double) {
        let units = KrippendorffAlpha.units(coderMatrix: Self.reliabilityData)
        let result = KrippendorffAlpha(units: units, level: level)
        #expect(printsAs(result.alpha, printed, places: 3))
        #expect(isClose(result.alpha, precise, tolerance: 1e-13))
        // Unit 12 has a single value and is not pairable: 11 units, 40 pairable values.
        #expect(result.pairableUnits == 11 && result.pairableValues == 40)
    }

    /// Krippendorff (2011), binary data, two observers, no missing values: α = 0.095.
    @Test func binaryTwoObservers() {
        let units = KrippendorffAlpha.units(coderMatrix: [[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]])
        #expect(printsAs(KrippendorffAlpha(units: units, level: .nominal).alpha, "0.095", places: 3))
    }

    /// Krippendorff (2011), nominal data, two observers, no missing values (a…e coded 1…5): α = 0.692.
    @Test func nominalTwoObservers() {
        let units = KrippendorffAlpha.units(coderMatrix: [[1, 1, 2, 2, 4, 3, 3, 3, 5, 4, 4, 1], [2, 1, 2, 2, 2, 3, 3, 3, 5, 4, 4, 4]])
        #expect(printsAs(KrippendorffAlpha(units: units, level: .nominal).alpha, "0.692", places: 3))
    }

    @Test(arguments: MeasurementLevel.allCases)
    func perfectAgreementIsOne(level: MeasurementLevel) {
        let result = KrippendorffAlpha(units: [[1, 1, 1], [2, 2], [3, 3, 3, 3], [1, 1]], level: level)
        #expect(result.alpha == 1 && result.observedDisagreement == 0)
    }

    @Test(arguments: MeasurementLevel.allCases)
    func systematicDisagreementIsNegative(level: MeasurementLevel) throws {
        // Two coders who always pick opposite ends: worse than chance.
        let result = KrippendorffAlpha(units: [[1, 4], [4, 1], [1, 4], [4, 1], [1, 4]], level: level)
        #expect(try #require(result.alpha) < 0)
        // Hand-computed for nominal: o_14 = o_41 = 5, n = 10, D_o = 1, D_e = 2·5·5/(10·9) = 5/9, α = 1 − 9/5 = −0.8.
        if level == .nominal { #expect(isClose(result.alpha, -0.8)) }
    }

    @Test func degenerateDataAreReportedNotScored() {
        let none = KrippendorffAlpha(units: [[1], [2], []], level: .ordinal)
        #expect(none.alpha == nil && none.undefinedReason == .noPairableValues && none.pairableValues == 0)
        let constant = KrippendorffAlpha(units: [[3, 3], [3, 3, 3], [3]], level: .ordinal)
        #expect(constant.alpha == nil && constant.undefinedReason == .noVariation && constant.pairableValues == 5)
        #expect(KrippendorffAlpha(units: [], level: .nominal).undefinedReason == .noPairableValues)
        let withMissing = KrippendorffAlpha(units: [[1, .nan, 1], [2, .infinity, 2], [.nan, 3]], level: .nominal)
        #expect(withMissing.alpha == 1 && withMissing.pairableValues == 4 && withMissing.pairableUnits == 2)
    }

    @Test func ratioIgnoresPairsSummingToZero() {
        let result = KrippendorffAlpha(units: [[0, 0], [1, 2], [2, 2]], level: .ratio)
        #expect(result.alpha != nil && result.alpha?.isFinite == true)
    }
}

@Suite struct AlphaBootstrapTests {
    static let units = KrippendorffAlpha.units(coderMatrix: KrippendorffAlphaTests.reliabilityData)

    @Test func isReproducibleAndBracketsTheEstimate() throws {
        let first = AlphaBootstrap(units: Self.units, level: .ordinal, replicates: 2000, seed: 42)
        let second = AlphaBootstrap(units: Self.units, level: .ordinal, replicates: 2000, seed: 42)
        #expect(first == second)
        let interval = try #require(first.interval)
        #expect(interval.contains(0.8153875037548813))
        #expect(interval.lower > 0.4 && interval.upper <= 1)
        #expect(first.replicates.count + first.undefinedReplicates == 2000)
        let other = AlphaBootstrap(units: Self.units, level: .ordinal, replicates: 2000, seed: 43)
        #expect(other.replicates != first.replicates)
        #expect(abs(try #require(other.interval).lower - interval.lower) < 0.05)
    }

    @Test func probabilityBelowAThreshold() throws {
        let bootstrap = AlphaBootstrap(units: Self.units, level: .ordinal, replicates: 1000, seed: 7)
        #expect(bootstrap.probabilityBelow(-2) == 0 && bootstrap.probabilityBelow(1.01) == 1)
        let q = try #require(bootstrap.probabilityBelow(0.667))
        #expect(q > 0 && q < 0.5)
        let share = Double(bootstrap.replicates.filter { $0 < 0.667 }.count) / Double(bootstrap.replicates.count)
        #expect(q == share)
    }

    @Test func emptyDataGiveNoInterval() {
        let bootstrap = AlphaBootstrap(units: [[1]], level: .ordinal)
        #expect(bootstrap.interval == nil && bootstrap.replicates.isEmpty && bootstrap.probabilityBelow(0.5) == nil)
        let constant = AlphaBootstrap(units: [[2, 2], [2, 2]], level: .ordinal, replicates: 50)
        #expect(constant.undefinedReplicates == 50 && constant.interval == nil)
    }
}
