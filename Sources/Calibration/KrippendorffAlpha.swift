/// Krippendorff's alpha: chance-corrected agreement among any number of coders, with missing values, for nominal,
/// ordinal, interval or ratio data (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").
///
/// Input is one array per unit (an artefact, or an artefact × criterion) holding the values its coders gave; who
/// gave them does not matter, and a unit may have any number of values (NaN and infinities count as missing). Units
/// with fewer than two values cannot be paired and are left out, as the coincidence-matrix formulation requires.
public struct KrippendorffAlpha: Sendable, Hashable, Codable {
    /// Why alpha has no value.
    public enum UndefinedReason: String, Sendable, Hashable, Codable {
        /// No unit has two or more values.
        case noPairableValues = "no_pairable_values"
        /// All pairable values are equal, so expected disagreement is 0 and alpha is 0/0. Perfect agreement on a
        /// single value says nothing about a coding scheme's ability to discriminate; it is reported, not scored.
        case noVariation = "no_variation"
    }

    /// The level of measurement used.
    public let level: MeasurementLevel
    /// α, from −1-ish (systematic disagreement) through 0 (chance) to 1 (perfect agreement); nil when undefined.
    public let alpha: Double?
    /// Why `alpha` is nil.
    public let undefinedReason: UndefinedReason?
    /// n: the number of pairable values (values in units with at least two).
    public let pairableValues: Int
    /// The number of units with at least two values.
    public let pairableUnits: Int
    /// D_o, the observed disagreement.
    public let observedDisagreement: Double
    /// D_e, the disagreement expected by chance.
    public let expectedDisagreement: Double

    /// Alpha for units of values at a level of measurement.
    public init(units: [[Double]], level: MeasurementLevel) {
        let prepared = PreparedUnits(units)
        var matrix = CoincidenceMatrix(values: prepared.values)
        for contribution in prepared.contributions { matrix.add(contribution) }
        self.init(matrix: matrix, level: level, pairableUnits: prepared.contributions.count)
    }

    init(matrix: CoincidenceMatrix, level: MeasurementLevel, pairableUnits: Int) {
        let result = matrix.alpha(level: level)
        self.level = level
        alpha = result.alpha
        undefinedReason = result.reason
        pairableValues = Int(result.n.rounded())
        self.pairableUnits = pairableUnits
        observedDisagreement = result.observed
        expectedDisagreement = result.expected
    }

    /// Converts a coders × units matrix with missing values (nil) — the layout of Krippendorff's examples — to units.
    public static func units(coderMatrix: [[Double?]]) -> [[Double]] {
        let unitCount = coderMatrix.map(\.count).max() ?? 0
        return (0..<unitCount).map { unit in coderMatrix.compactMap { unit < $0.count ? $0[unit] : nil } }
    }
}

/// Units reduced to indices of their distinct values, keeping only pairable ones, ready for the coincidence matrix.
struct PreparedUnits {
    let values: [Double]
    let contributions: [UnitContribution]

    /// Non-finite values count as missing.
    init(_ units: [[Double]]) {
        let pairable = units.map { $0.filter(\.isFinite) }.filter { $0.count >= 2 }
        values = Array(Set(pairable.joined())).sorted()
        let index = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        contributions = pairable.map { unit in UnitContribution(valueIndices: unit.compactMap { index[$0] }) }
    }
}
