import Foundation
import Skills
import Synchronization

/// Remembers how query terms were understood. Recruiters repeat the same skills all day, and the vocabulary changes
/// only when a framework is loaded or imported, so a term's concepts are reused for a few minutes (per instance).
public final class TermCache: Sendable {
    let lifetime: Duration
    let capacity: Int
    private let entries = Mutex<[String: (concepts: [ExpandedConcept], expires: ContinuousClock.Instant)]>([:])

    public init(lifetime: Duration = .seconds(600), capacity: Int = 20_000) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The cached concepts of `term`, or those `load` finds (then cached).
    func concepts(for term: SearchQuery.Term, load: () async throws -> [ExpandedConcept]) async throws -> [ExpandedConcept] {
        let key = Self.key(term)
        let now = ContinuousClock.now
        if let hit = entries.withLock({ $0[key] }), hit.expires > now { return hit.concepts }
        let concepts = try await load()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = (concepts, now.advanced(by: lifetime))
        }
        return concepts
    }

    /// Forgets everything (after a framework is loaded or imported in this process).
    public func clear() {
        entries.withLock { $0.removeAll() }
    }

    /// Terms that normalise alike share an entry ("Data Visualisation", "data visualization").
    static func key(_ term: SearchQuery.Term) -> String {
        let what: String
        if let concept = term.concept {
            what = "concept:\(concept)"
        } else if let code = term.code {
            what = "code:\(code)"
        } else {
            what = "text:" + SkillText.normalize(term.text ?? "").key
        }
        return what + ((term.expand ?? true) ? "|expand" : "")
    }
}
