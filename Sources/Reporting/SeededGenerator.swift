/// A small, fast, seedable random number generator (SplitMix64, Steele, Lea & Flood 2014).
///
/// Bootstrap intervals in reports must be reproducible: the same data and seed give the same interval on every
/// platform and Swift version. The standard library's `random(in:using:)` does not promise a fixed algorithm, so
/// draws go through `index(below:)`, which does.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in 0..<bound, without modulo bias (Lemire 2019, multiply-and-reject); `bound` must be > 0.
    public mutating func index(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }
}
