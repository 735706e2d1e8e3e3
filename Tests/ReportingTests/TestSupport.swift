import Foundation

/// Whether `actual` is within `tolerance` of `expected`, relative to |expected| when that is above 1.
func isClose(_ actual: Double?, _ expected: Double, tolerance: Double = 1e-12) -> Bool {
    guard let actual else { return false }
    return abs(actual - expected) <= tolerance * max(1, abs(expected))
}

/// Whether `actual` prints as `expected` when rounded to `places` decimals, as a published table would show it.
func printsAs(_ actual: Double?, _ expected: String, places: Int) -> Bool {
    guard let actual else { return false }
    return String(format: "%.\(places)f", actual) == expected
}
