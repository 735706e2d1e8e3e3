public import Foundation

/// Verified status lists shared by all verifications in a process, refetched when stale.
///
/// A list is fetched, its proof verified and its bitstring decompressed once, then reused until its `ttl`,
/// the deployment's default lifetime or its `validUntil` passes. Failures are remembered briefly so an unreachable
/// list is not fetched once per credential during an import.
public final class StatusListCache: Sendable {
    let lists: ExpiringCache<Result<StatusListSnapshot, StatusListFailure>>
    let failureLifetime: TimeInterval

    public init(capacity: Int = 10_000, failureLifetime: TimeInterval = 60) {
        self.lists = ExpiringCache(capacity: capacity)
        self.failureLifetime = failureLifetime
    }

    /// The lists currently held, for persisting.
    public func snapshots(at now: Date) -> [StatusListSnapshot] {
        lists.snapshot(at: now).compactMap { try? $0.value.get() }
    }

    /// Adds lists verified earlier (for instance loaded from the database at start-up); stale ones are ignored.
    public func preload(_ snapshots: [StatusListSnapshot], now: Date) {
        for snapshot in snapshots where snapshot.refreshAfter > now {
            lists.store(.success(snapshot), for: snapshot.url, until: snapshot.refreshAfter, now: now)
        }
    }

    /// Forgets a list so the next check fetches it again (an admin "recheck now").
    public func invalidate(_ url: String) {
        lists.remove(url)
    }
}

/// Why a status list could not be used, with the W3C Bitstring Status List error name in the detail.
struct StatusListFailure: Error, Sendable, Hashable {
    var detail: String
}
