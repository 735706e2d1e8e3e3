import Foundation

/// A linear axis over a data range widened to round ("nice") tick values: steps of 1, 2, 2.5 or 5 × 10ⁿ.
struct ChartScale {
    let lower: Double
    let upper: Double
    let ticks: [Double]

    /// A scale covering `low…high` with about `targetTicks` intervals.
    init(covering low: Double, _ high: Double, targetTicks: Int = 5) {
        var low = low
        var high = high
        if !(low.isFinite && high.isFinite) || low > high { (low, high) = (0, 1) }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.5
            (low, high) = (low - pad, high + pad)
        }
        let rough = (high - low) / Double(max(1, targetTicks))
        let exponent = Int(log10(rough).rounded(.down))
        let mantissa = [1, 2, 2.5, 5, 10].first { $0 * pow(10, Double(exponent)) >= rough } ?? 10
        // k × mantissa is exact; one multiplication or correctly rounded division by an exact power of ten then
        // gives the nearest double to the decimal tick, so 3 × 0.2 prints and compares as 0.6.
        let scaleUp = pow(10, Double(abs(exponent)))
        let tick = { (k: Double) in exponent < 0 ? k * mantissa / scaleUp : k * mantissa * scaleUp }
        let step = tick(1)
        let firstIndex = (low / step).rounded(.down)
        let lastIndex = (high / step).rounded(.up)
        let first = tick(firstIndex)
        let last = tick(lastIndex)
        // Adding 0 turns −0 (from −0 × step) into 0, which prints without a sign.
        ticks = stride(from: firstIndex, through: lastIndex, by: 1).map { tick($0) + 0 }
        lower = first
        upper = last
    }

    /// The position of `value` on an axis `length` long.
    func position(_ value: Double, length: Double) -> Double {
        (value - lower) / (upper - lower) * length
    }
}
