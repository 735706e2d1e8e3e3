import Synchronization

/// Process-wide increasing numbers identifying immutable contexts, for cache keys.
enum UniqueIdentity {
    private static let counter = Atomic<Int>(0)

    static func next() -> Int {
        counter.wrappingAdd(1, ordering: .relaxed).newValue
    }
}
