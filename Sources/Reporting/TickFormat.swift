/// How axis ticks are written.
public enum TickFormat: Sendable, Hashable {
    /// Values in 0…1 shown as percentages with the given decimals.
    case percent(places: Int)
    /// Plain decimals.
    case decimal(places: Int)

    func text(_ value: Double) -> String {
        switch self {
        case .percent(let places): return NumberText.percent(value, places: places)
        case .decimal(let places): return NumberText.decimal(value, places: places)
        }
    }
}
