import Foundation
import Synchronization

/// A small in-memory cache whose entries expire, shared by concurrent verifications.
///
/// Bounded: when full, expired entries go first, then everything (a crude but safe bound; entries are cheap to refetch).
final class ExpiringCache<Value: Sendable>: Sendable {
    private struct Entry {
        var value: Value
        var expires: Date
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value stored for `key` if it has not expired at `now`.
    func value(for key: String, at now: Date) -> Value? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.expires > now else { return nil }
            return entry.value
        }
    }

    /// Stores `value` until `expires`; makes room first when the cache is full.
    func store(_ value: Value, for key: String, until expires: Date, now: Date) {
        entries.withLock { entries in
            if entries.count >= capacity, entries[key] == nil {
                entries = entries.filter { $0.value.expires > now }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = Entry(value: value, expires: expires)
        }
    }

    func remove(_ key: String) {
        _ = entries.withLock { $0.removeValue(forKey: key) }
    }

    /// Every unexpired entry, for callers that persist the cache.
    func snapshot(at now: Date) -> [(key: String, value: Value, expires: Date)] {
        entries.withLock { entries in
            entries.compactMap { $0.value.expires > now ? ($0.key, $0.value.value, $0.value.expires) : nil }
        }
    }
}
