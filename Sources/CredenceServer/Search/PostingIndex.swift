import Foundation

/// One row of `credential_skills` with what search filters on, as the replica reads it.
struct IndexRow: Sendable {
    var skillID: Int
    var earnerID: UUID
    var credentialID: UUID
    var rank: Double
    var proficiency: Float?
    var rule: String
    var verified: Bool
    var awardedAt: Date
    var validUntil: Date?
    var issuerID: UUID
    var achievementID: UUID
    var achievementType: String?
    var framework: String
    var trusted: Bool
    var receivedAt: Date
    /// The organisation whose key submitted the credential.
    var receivedBy: UUID?
    var discoverableSince: Date?
}

/// The search index in memory: per concept, the rows of every credential aligned to it, in earner order, so a search
/// merges its concepts' rows and meets each earner's rows together, reading memory only in sequence. Credentials and
/// earners are numbered; a row refers to them by number. Times are Date's own seconds (since 2001), so they come back
/// exactly. A changed credential's rows are marked dead and its current rows appended after the sorted part; a concept
/// is merged back into order once that tail or its dead rows grow. Not thread-safe by itself: `SearchReplica` fills a new one in one task
/// and then only touches it under its read-write lock.
final class PostingIndex: @unchecked Sendable {
    struct Posting {
        var earner: UInt32
        var credential: UInt32
        var issuer: UInt32
        var achievement: UInt32
        /// 2^rank: a row's value is then term confidence × this × 2^(−now / half-life), one multiplication a row.
        var weight: Double
        /// `.infinity` when the credential does not expire.
        var validUntil: Double
        /// `.nan` when unrated.
        var proficiency: Float
        var flags: UInt8
        var rule: UInt16

        static let dead: UInt8 = 1
        static let verified: UInt8 = 2
        static let trusted: UInt8 = 4

        func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
    }

    struct Concept {
        /// `[0, sorted)` in earner order; the rest appended since, in any order.
        var postings: [Posting] = []
        var sorted = 0
        var dead = 0
        var framework: UInt32

        /// The rows after the sorted part, in earner order (a copy: searches do not change the index).
        var sortedTail: ArraySlice<Posting> {
            sorted == postings.count ? [] : ArraySlice(postings[sorted...].sorted { $0.earner < $1.earner })
        }
    }

    /// Values many rows share, numbered once.
    struct Numbering<Value: Hashable> {
        private(set) var values: [Value] = []
        private var numbers: [Value: UInt32] = [:]

        init(reserving first: Value? = nil) {
            if let first { _ = number(first) }
        }

        mutating func number(_ value: Value) -> UInt32 {
            if let number = numbers[value] { return number }
            let number = UInt32(values.count)
            values.append(value)
            numbers[value] = number
            return number
        }

        func existing(_ value: Value) -> UInt32? { numbers[value] }
        subscript(number: UInt32) -> Value { values[Int(number)] }
        var count: Int { values.count }
    }

    private(set) var concepts: [Int: Concept] = [:]
    private(set) var earners = Numbering<UUID>()
    private(set) var earnerDiscoverableSince: [Double] = []
    private(set) var credentials = Numbering<UUID>()
    private(set) var credentialAwardedAt: [Double] = []
    private(set) var credentialReceivedAt: [Double] = []
    /// 0 when no organisation's key submitted it.
    private(set) var credentialReceivedBy: [UInt32] = []
    /// 0 when the achievement has no type.
    private(set) var credentialAchievementType: [UInt32] = []
    private var credentialEarner: [UInt32] = []
    private var credentialFirstRef: [Int32] = []
    private(set) var issuers = Numbering<UUID>()
    private(set) var achievements = Numbering<UUID>()
    private(set) var organizations = Numbering<UUID?>(reserving: nil)
    private(set) var achievementTypes = Numbering<String?>(reserving: nil)
    private(set) var frameworks = Numbering<String>()
    private(set) var rules = Numbering<String>()

    /// Which concepts each credential has rows in, as linked lists in one pool, so a change can find them.
    private var refConcept: [Int] = []
    private var refNext: [Int32] = []
    private var freeRef: Int32 = -1

    private(set) var rowCount = 0

    /// Replaces the rows of `credentials` with `rows` (their current rows; none when they left the index).
    func replace(credentials ids: some Sequence<UUID>, with rows: [IndexRow]) {
        var touched = Set<Int>()
        for id in ids {
            guard let slot = credentials.existing(id) else { continue }
            removeRows(of: Int(slot), touched: &touched)
        }
        for row in rows {
            insert(row)
            touched.insert(row.skillID)
        }
        for concept in touched { restoreOrder(concept, always: false) }
    }

    /// Puts every concept in earner order (after the initial load).
    func sortAll() {
        for concept in Array(concepts.keys) { restoreOrder(concept, always: true) }
    }

    /// Adds a row of a credential whose rows are not yet here (the initial load).
    func insert(_ row: IndexRow) {
        let earner = earners.number(row.earnerID)
        if Int(earner) == earnerDiscoverableSince.count { earnerDiscoverableSince.append(-.infinity) }
        earnerDiscoverableSince[Int(earner)] = row.discoverableSince?.timeIntervalSinceReferenceDate ?? -.infinity

        let credential = credentials.number(row.credentialID)
        let slot = Int(credential)
        if slot == credentialAwardedAt.count {
            credentialAwardedAt.append(0)
            credentialReceivedAt.append(0)
            credentialReceivedBy.append(0)
            credentialAchievementType.append(0)
            credentialEarner.append(0)
            credentialFirstRef.append(-1)
        }
        credentialEarner[slot] = earner
        credentialAwardedAt[slot] = row.awardedAt.timeIntervalSinceReferenceDate
        credentialReceivedAt[slot] = row.receivedAt.timeIntervalSinceReferenceDate
        credentialReceivedBy[slot] = organizations.number(row.receivedBy)
        credentialAchievementType[slot] = achievementTypes.number(row.achievementType)

        var flags: UInt8 = 0
        if row.verified { flags |= Posting.verified }
        if row.trusted { flags |= Posting.trusted }
        let posting = Posting(
            earner: earner, credential: credential, issuer: issuers.number(row.issuerID), achievement: achievements.number(row.achievementID),
            weight: pow(2, row.rank), validUntil: row.validUntil?.timeIntervalSinceReferenceDate ?? .infinity, proficiency: row.proficiency ?? .nan, flags: flags,
            rule: UInt16(rules.number(row.rule))
        )
        let framework = frameworks.number(row.framework)
        concepts[row.skillID, default: Concept(framework: framework)].postings.append(posting)
        let ref = allocateRef()
        refConcept[Int(ref)] = row.skillID
        refNext[Int(ref)] = credentialFirstRef[slot]
        credentialFirstRef[slot] = ref
        rowCount += 1
    }

    private func removeRows(of slot: Int, touched: inout Set<Int>) {
        var ref = credentialFirstRef[slot]
        let earner = credentialEarner[slot]
        let credential = UInt32(slot)
        while ref >= 0 {
            let id = refConcept[Int(ref)]
            if let position = concepts[id]?.position(of: credential, earner: earner) {
                concepts[id]?.postings[position].flags |= Posting.dead
                concepts[id]?.dead += 1
                touched.insert(id)
                rowCount -= 1
            }
            let next = refNext[Int(ref)]
            refNext[Int(ref)] = freeRef
            freeRef = ref
            ref = next
        }
        credentialFirstRef[slot] = -1
    }

    private func allocateRef() -> Int32 {
        if freeRef >= 0 {
            let ref = freeRef
            freeRef = refNext[Int(ref)]
            return ref
        }
        refConcept.append(0)
        refNext.append(-1)
        return Int32(refNext.count - 1)
    }

    /// Merges a concept's tail into its sorted part and drops dead rows, once the tail is more than a 32nd of the rows
    /// or the dead more than an 8th (or `always`); a search sorts a short tail itself.
    private func restoreOrder(_ id: Int, always: Bool) {
        guard var concept = concepts[id] else { return }
        let tail = concept.postings.count - concept.sorted
        if !always, tail <= max(64, concept.postings.count / 32), concept.dead <= max(64, concept.postings.count / 8) { return }
        concepts[id] = nil
        var merged: [Posting] = []
        merged.reserveCapacity(concept.postings.count - concept.dead)
        let sortedTail = concept.sortedTail
        var i = 0
        var j = sortedTail.startIndex
        while i < concept.sorted || j < sortedTail.endIndex {
            let takeMain = j == sortedTail.endIndex || (i < concept.sorted && concept.postings[i].earner <= sortedTail[j].earner)
            let posting = takeMain ? concept.postings[i] : sortedTail[j]
            if takeMain { i += 1 } else { j += 1 }
            if !posting.has(Posting.dead) { merged.append(posting) }
        }
        concept.postings = merged
        concept.sorted = merged.count
        concept.dead = 0
        if !merged.isEmpty { concepts[id] = concept }
    }

    /// The rows of one concept as earner-ordered runs (dead ones included; callers skip them).
    func runs(of concept: Int) -> (sorted: ArraySlice<Posting>, tail: ArraySlice<Posting>, framework: UInt32)? {
        concepts[concept].map { ($0.postings[..<$0.sorted], $0.sortedTail, $0.framework) }
    }
}

extension PostingIndex.Concept {
    /// Where a live row of `credential` is: found by earner in the sorted part, else in the tail.
    func position(of credential: UInt32, earner: UInt32) -> Int? {
        var low = 0
        var high = sorted
        while low < high {
            let mid = (low + high) / 2
            if postings[mid].earner < earner { low = mid + 1 } else { high = mid }
        }
        var i = low
        while i < sorted, postings[i].earner == earner {
            if postings[i].credential == credential, !postings[i].has(PostingIndex.Posting.dead) { return i }
            i += 1
        }
        return postings[sorted...].firstIndex { $0.credential == credential && !$0.has(PostingIndex.Posting.dead) }
    }
}
