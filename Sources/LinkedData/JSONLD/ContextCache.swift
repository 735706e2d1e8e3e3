import StrictJSON
import Synchronization

/// Processed contexts, keyed by the context they were applied to and what was applied, shared by every document
/// a processor handles. Contexts are immutable, so a hit is simply reused; the size is bounded so documents with
/// ever-new inline contexts cannot grow it without limit.
final class ContextCache: Sendable {
    /// What was applied: a remote context's URL, a term's scoped context, or an inline context value.
    enum Source: Hashable, Sendable {
        case url(String)
        case scoped(Int)
        case inline(JSONValue)
    }

    struct Key: Hashable, Sendable {
        let active: Int
        let source: Source
        let baseURL: String?
        let overrideProtected: Bool
        let propagate: Bool
    }

    private let entries = Mutex<[Key: ActiveContext]>([:])
    private let capacity: Int

    init(capacity: Int = 2048) {
        self.capacity = capacity
    }

    func context(for key: Key) -> ActiveContext? {
        entries.withLock { $0[key] }
    }

    func store(_ context: ActiveContext, for key: Key) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = context
        }
    }
}
