import Foundation
import HTTPTypes
import Synchronization

/// A token bucket per API key, so one client cannot monopolise an expensive endpoint.
/// Per instance: with several instances behind a balancer, each allows the rate on its own.
public final class RateLimiter: Sendable {
    let ratePerSecond: Double
    let burst: Double
    private let buckets = Mutex<[String: (tokens: Double, updated: ContinuousClock.Instant)]>([:])

    public init(ratePerSecond: Double, burst: Double) {
        self.ratePerSecond = ratePerSecond
        self.burst = burst
    }

    /// Takes a token for `key`; returns the seconds to wait when there is none.
    func take(_ key: String, now: ContinuousClock.Instant = .now) -> Double? {
        buckets.withLock { buckets in
            var bucket = buckets[key] ?? (burst, now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(burst, bucket.tokens + seconds * ratePerSecond)
            bucket.updated = now
            defer { buckets[key] = bucket }
            guard bucket.tokens >= 1 else { return (1 - bucket.tokens) / ratePerSecond }
            bucket.tokens -= 1
            return nil
        }
    }

    /// Throws 429 with `Retry-After` when the key has used its allowance.
    func check(_ principal: Principal) throws {
        if let wait = take(principal.keyPrefix) {
            let seconds = max(1, Int(wait.rounded(.up)))
            throw Problem(
                status: .tooManyRequests, detail: "this key is making requests faster than \(Int(ratePerSecond)) per second; retry in \(seconds) s",
                headers: [.retryAfter: String(seconds)]
            )
        }
    }
}
