import Foundation
import Reporting

/// Draws a session's sample from candidate credentials: stratified by the issuer's level, deterministic for a seed.
///
/// Candidates are taken in id order, so the same credentials and seed give the same sample whatever order the
/// database returned them in. Per stratum (lowest level first) a partial Fisher–Yates shuffle with a seeded
/// SplitMix64 picks its quota; the picks are then shuffled once more for presentation, so reviewers cannot read the
/// issuer's level from an artefact's position.
struct SampleDraw: Equatable {
    /// How the sample is spread over strata.
    enum Allocation: String, Codable, Sendable {
        /// As even as the strata allow: hiring-bar rates and merge proposals need artefacts at every level.
        case equal
        /// In proportion to each stratum's size (largest remainders).
        case proportional
    }

    /// One stratum's figures.
    struct Stratum: Equatable {
        /// The level id (nil for an unstratified sample).
        let key: String?
        let available: Int
        let drawn: Int
    }

    /// The chosen candidates in presentation order.
    let chosen: [UUID]
    let strata: [Stratum]

    /// Draws up to `size` candidates. `strata` orders the stratum keys (levels, lowest first); candidates whose key is
    /// not listed are left out. Pass `strata: [nil]` and nil keys for an unstratified draw.
    init(candidates: [(id: UUID, stratum: String?)], strata order: [String?], size: Int, allocation: Allocation, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let sorted = candidates.sorted { $0.id.uuidString < $1.id.uuidString }
        let pools = order.map { key in sorted.filter { $0.stratum == key }.map(\.id) }
        let quotas =
            allocation == .equal
            ? Self.equalQuotas(capacities: pools.map(\.count), size: size)
            : Self.proportionalQuotas(capacities: pools.map(\.count), size: size)
        var chosen: [UUID] = []
        for (pool, quota) in zip(pools, quotas) {
            var pool = pool
            for index in 0..<quota {
                pool.swapAt(index, index + generator.index(below: pool.count - index))
            }
            chosen += pool.prefix(quota)
        }
        for index in chosen.indices.dropLast() {
            chosen.swapAt(index, index + generator.index(below: chosen.count - index))
        }
        self.chosen = chosen
        self.strata = zip(order, zip(pools, quotas)).map { Stratum(key: $0, available: $1.0.count, drawn: $1.1) }
    }

    /// Water-filling: every stratum gets an equal share, a stratum too small gives what it lacks to the others, and
    /// the last units go to the lowest levels.
    static func equalQuotas(capacities: [Int], size: Int) -> [Int] {
        var quotas = [Int](repeating: 0, count: capacities.count)
        var remaining = min(size, capacities.reduce(0, +))
        while remaining > 0 {
            let open = capacities.indices.filter { quotas[$0] < capacities[$0] }
            guard !open.isEmpty else { break }
            let share = remaining / open.count
            let extra = remaining % open.count
            for (rank, index) in open.enumerated() {
                let add = min(share + (rank < extra ? 1 : 0), capacities[index] - quotas[index])
                quotas[index] += add
                remaining -= add
            }
        }
        return quotas
    }

    /// Largest remainders of size × capacity / total, ties to the lower level.
    static func proportionalQuotas(capacities: [Int], size: Int) -> [Int] {
        let total = capacities.reduce(0, +)
        guard total > 0 else { return capacities.map { _ in 0 } }
        let target = min(size, total)
        let exact = capacities.map { Double(target) * Double($0) / Double(total) }
        var quotas = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$1] - Double(quotas[$1]), $0) < (exact[$0] - Double(quotas[$0]), $1) }
        var missing = target - quotas.reduce(0, +)
        for index in order where missing > 0 && quotas[index] < capacities[index] {
            quotas[index] += 1
            missing -= 1
        }
        return quotas
    }
}
