import Foundation

/// The best `limit` earners after the cursor, by score then earner id, both descending.
struct PageSelection {
    let limit: Int
    let after: SearchCursor?
    private(set) var earners: [SearchHit] = []

    init(limit: Int, after: SearchCursor?) {
        self.limit = limit
        self.after = after
    }

    static func precedes(_ score: Double, _ id: UUID, _ otherScore: Double, _ otherID: UUID) -> Bool {
        score != otherScore ? score > otherScore : otherID.isOrdered(before: id)
    }

    func admits(score: Double, earner: UUID) -> Bool {
        if let after, !Self.precedes(after.score, after.earnerID, score, earner) { return false }
        guard earners.count == limit, let last = earners.last else { return true }
        return Self.precedes(score, earner, last.score, last.earnerID)
    }

    mutating func insert(_ earner: SearchHit) {
        var low = 0
        var high = earners.count
        while low < high {
            let mid = (low + high) / 2
            if Self.precedes(earners[mid].score, earners[mid].earnerID, earner.score, earner.earnerID) { low = mid + 1 } else { high = mid }
        }
        earners.insert(earner, at: low)
        if earners.count > limit { earners.removeLast() }
    }
}

/// Facet counts of matching earners: each earner counts once per issuer, achievement and framework among its rows,
/// and once in the proficiency band of its best rated row.
struct FacetTally {
    let enabled: Bool
    private var issuers: [Int]
    private var achievements: [Int]
    private var frameworks: [Int]
    private var issuerSeen: [UInt32]
    private var achievementSeen: [UInt32]
    private var frameworkSeen: [UInt32]
    private var bands = [String: Int]()
    private var stamp: UInt32 = 0
    private var bestProficiency: Float = .nan
    private let index: PostingIndex

    init(index: PostingIndex, enabled: Bool) {
        self.enabled = enabled
        self.index = index
        let size = { (count: Int) in enabled ? count : 0 }
        issuers = Array(repeating: 0, count: size(index.issuers.count))
        achievements = Array(repeating: 0, count: size(index.achievements.count))
        frameworks = Array(repeating: 0, count: size(index.frameworks.count))
        issuerSeen = Array(repeating: UInt32.max, count: size(index.issuers.count))
        achievementSeen = Array(repeating: UInt32.max, count: size(index.achievements.count))
        frameworkSeen = Array(repeating: UInt32.max, count: size(index.frameworks.count))
    }

    mutating func begin(_ earner: UInt32) {
        stamp = earner
        bestProficiency = .nan
    }

    mutating func count(issuer: UInt32, achievement: UInt32, framework: UInt32, proficiency: Float) {
        if issuerSeen[Int(issuer)] != stamp {
            issuerSeen[Int(issuer)] = stamp
            issuers[Int(issuer)] += 1
        }
        if achievementSeen[Int(achievement)] != stamp {
            achievementSeen[Int(achievement)] = stamp
            achievements[Int(achievement)] += 1
        }
        if frameworkSeen[Int(framework)] != stamp {
            frameworkSeen[Int(framework)] = stamp
            frameworks[Int(framework)] += 1
        }
        if !proficiency.isNaN, bestProficiency.isNaN || proficiency > bestProficiency { bestProficiency = proficiency }
    }

    mutating func end() {
        bands[ProficiencyBand(bestProficiency.isNaN ? nil : Double(bestProficiency)).rawValue, default: 0] += 1
    }

    func write(to answer: inout PostingAnswer) {
        for (number, count) in issuers.enumerated() where count > 0 { answer.issuerCounts[index.issuers[UInt32(number)]] = count }
        for (number, count) in achievements.enumerated() where count > 0 { answer.achievementCounts[index.achievements[UInt32(number)]] = count }
        for (number, count) in frameworks.enumerated() where count > 0 { answer.frameworkCounts[index.frameworks[UInt32(number)]] = count }
        answer.proficiencyCounts = bands
    }
}

/// The proficiency bands of facets and docs/ranking.md §5.
enum ProficiencyBand: String {
    case unrated, foundation, intermediate, advanced

    /// Where the bands start on the normalised 0…1 scale (the SQL engine's facets use the same bounds).
    static let intermediateFrom = 0.34
    static let advancedFrom = 0.67

    init(_ proficiency: Double?) {
        guard let proficiency else {
            self = .unrated
            return
        }
        self = proficiency < Self.intermediateFrom ? .foundation : proficiency < Self.advancedFrom ? .intermediate : .advanced
    }
}

extension UUID {
    /// PostgreSQL's order of uuids: their bytes compared in turn.
    func isOrdered(before other: UUID) -> Bool {
        withUnsafeBytes(of: uuid) { a in
            withUnsafeBytes(of: other.uuid) { b in
                for i in 0..<16 where a[i] != b[i] { return a[i] < b[i] }
                return false
            }
        }
    }
}
