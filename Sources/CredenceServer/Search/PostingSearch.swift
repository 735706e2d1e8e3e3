import Foundation

/// A search as the in-memory index evaluates it: the ranking rules of docs/ranking.md, over every row of the query's
/// concepts, so the total and facets are exact and no plan depends on how popular a skill is.
struct PostingSearch {
    struct Term {
        var required: Bool
        var weight: Double
        var minProficiency: Double?
    }

    struct Concept {
        var term: Int
        var skillID: Int
        var confidence: Double
        var via: ConceptVia
    }

    var terms: [Term]
    var concepts: [Concept]
    var minMatched: Int
    var filters: SearchQuery.Filters
    /// Issuer organisations see only credentials of their issuers or received through their keys.
    var issuerScope: (issuers: Set<UUID>, organization: UUID)?
    var changedSince: Date?
    var now: Date
    var limit: Int
    var after: SearchCursor?
    var facets: Bool

    init(terms interpreted: [InterpretedTerm], minMatched: Int, scope: SearchScope, scopeIssuers: Set<UUID>, limit: Int, after: SearchCursor?,
        facets: Bool, now: Date)
    {
        terms = interpreted.map { Term(required: $0.required, weight: $0.required ? 1.0 : Ranking.preferredWeight, minProficiency: $0.minProficiency) }
        concepts = interpreted.enumerated().flatMap { position, term in
            term.concepts.map { Concept(term: position, skillID: $0.match.skillID, confidence: $0.confidence, via: $0.via) }
        }
        self.minMatched = minMatched
        filters = scope.filters
        issuerScope = scope.issuerOrganization.map { (scopeIssuers, $0) }
        changedSince = scope.changedSince
        self.now = now
        self.limit = limit
        self.after = after
        self.facets = facets
    }
}

/// What the in-memory index answers: one page of earners (and one more, to tell whether another page follows) with
/// the best row behind each matched term, the exact number of matching earners, and facet counts by id (labels are
/// the caller's to look up).
struct PostingAnswer: Sendable {
    var hits: [SearchHit]
    var total: Int
    var issuerCounts: [UUID: Int] = [:]
    var achievementCounts: [UUID: Int] = [:]
    var frameworkCounts: [String: Int] = [:]
    var proficiencyCounts: [String: Int] = [:]
}

extension PostingIndex {
    /// A row that passed the filters, with its value and what facets need, so that once grouped by earner every read
    /// is sequential.
    private struct Hit {
        var value: Double
        var run: UInt16
        var framework: UInt16
        var position: UInt32
        var issuer: UInt32
        var achievement: UInt32
        var proficiency: Float
        var credential: UInt32
    }

    /// One earner-ordered run of a query concept's rows.
    private struct Run {
        var postings: ArraySlice<Posting>
        var concept: Int
        var framework: UInt32
    }

    /// Ranks every earner with a row for the query's concepts. The passing rows are grouped by earner with a counting
    /// sort (earners are numbered); as each concept's rows are in earner order, both of its passes move forward
    /// through memory. Each earner's group then gives its best value per term, whether it matches, its score and its
    /// facet values.
    func search(_ query: PostingSearch) -> PostingAnswer {
        let nowSeconds = query.now.timeIntervalSinceReferenceDate
        let decay = pow(2, -Ranking.rank(at: query.now))
        let filter = RowFilter(query, index: self)
        var runs: [Run] = []
        for (c, concept) in query.concepts.enumerated() {
            guard let (sorted, tail, framework) = self.runs(of: concept.skillID), filter.admits(framework: framework) else { continue }
            for postings in [sorted, tail] where !postings.isEmpty { runs.append(Run(postings: postings, concept: c, framework: framework)) }
        }
        // Only earners with a row for every required term can match: the required term with the fewest rows is read
        // first and marks its earners; other terms' rows of unmarked earners are skipped (as SQL planners start from
        // the rarest term). Total and facets count matching earners only, so they are unchanged.
        var rowsPerTerm = [Int](repeating: 0, count: query.terms.count)
        for run in runs { rowsPerTerm[query.concepts[run.concept].term] += run.postings.count }
        let gate = query.terms.indices.filter { query.terms[$0].required }.min { rowsPerTerm[$0] < rowsPerTerm[$1] }
        if let gate { runs.sort { (query.concepts[$0.concept].term == gate ? 0 : 1) < (query.concepts[$1.concept].term == gate ? 0 : 1) } }
        let gateRuns = gate.map { gate in runs.prefix { query.concepts[$0.concept].term == gate }.count } ?? 0
        let earnerCount = earners.count
        var holders = EarnerSet(count: gate == nil ? 0 : earnerCount)
        let capacity = runs.reduce(0) { $0 + $1.postings.count }
        // Hot loops over up to a few hundred thousand rows: plain buffers, no bounds or uniqueness checks.
        let passing = UnsafeMutableBufferPointer<Hit>.allocate(capacity: capacity)
        let passingEarner = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: capacity)
        defer {
            passing.deallocate()
            passingEarner.deallocate()
        }
        var count = 0
        // ends[e + 1] counts earner e's rows; the prefix sums then give where each earner's group starts.
        var ends = [Int32](repeating: 0, count: earnerCount + 1)
        ends.withUnsafeMutableBufferPointer { ends in
            for (r, run) in runs.enumerated() {
                let scale = query.concepts[run.concept].confidence * decay
                let minimum = query.terms[query.concepts[run.concept].term].minProficiency ?? -.infinity
                let first = run.postings.startIndex
                let marks = gate != nil && r < gateRuns
                let gated = gate != nil && r >= gateRuns
                run.postings.withUnsafeBufferPointer { postings in
                    for i in postings.indices {
                        let posting = postings[i]
                        if gated, !holders.contains(posting.earner) { continue }
                        guard filter.admits(posting, now: nowSeconds), minimum == -.infinity || Double(posting.proficiency) >= minimum else { continue }
                        if marks { holders.insert(posting.earner) }
                        passing.initializeElement(
                            at: count,
                            to: Hit(
                                value: scale * posting.weight, run: UInt16(r), framework: UInt16(truncatingIfNeeded: run.framework),
                                position: UInt32(first + i), issuer: posting.issuer, achievement: posting.achievement,
                                proficiency: posting.proficiency, credential: posting.credential
                            )
                        )
                        passingEarner[count] = posting.earner
                        count += 1
                        ends[Int(posting.earner) + 1] &+= 1
                    }
                }
            }
            for e in 0..<earnerCount { ends[e + 1] &+= ends[e] }
        }
        // Scatter: each earner's cursor starts at its group's start and ends at its end.
        let grouped = [Hit](unsafeUninitializedCapacity: count) { buffer, initialized in
            ends.withUnsafeMutableBufferPointer { ends in
                for i in 0..<count {
                    let e = Int(passingEarner[i])
                    buffer.initializeElement(at: Int(ends[e]), to: passing[i])
                    ends[e] &+= 1
                }
            }
            initialized = count
        }

        let termCount = query.terms.count
        let requiredCount = query.terms.filter(\.required).count
        var best = [Int](repeating: -1, count: termCount)
        var page = PageSelection(limit: query.limit + 1, after: query.after)
        var total = 0
        var facets = FacetTally(index: self, enabled: query.facets)
        var start = 0
        for e in 0..<earnerCount where Int(ends[e]) > start {
            let group = start..<Int(ends[e])
            start = Int(ends[e])
            for t in 0..<termCount { best[t] = -1 }
            for h in group {
                let term = query.concepts[runs[Int(grouped[h].run)].concept].term
                if best[term] < 0 || isBetter(grouped[h], than: grouped[best[term]]) { best[term] = h }
            }
            var matched = 0
            var required = 0
            var score = 0.0
            for t in 0..<termCount where best[t] >= 0 {
                matched += 1
                if query.terms[t].required { required += 1 }
                score += grouped[best[t]].value * query.terms[t].weight
            }
            guard required == requiredCount, matched >= query.minMatched else { continue }
            total += 1
            let id = earners[UInt32(e)]
            if page.admits(score: score, earner: id) {
                let matches = (0..<termCount).compactMap { t -> SearchMatch? in
                    guard best[t] >= 0 else { return nil }
                    let hit = grouped[best[t]]
                    let run = runs[Int(hit.run)]
                    return match(t, query.concepts[run.concept], run.postings[Int(hit.position)], value: hit.value)
                }
                page.insert(SearchHit(earnerID: id, score: score, matchedTerms: matched, matches: matches))
            }
            if facets.enabled {
                facets.begin(UInt32(e))
                for h in group {
                    let hit = grouped[h]
                    facets.count(issuer: hit.issuer, achievement: hit.achievement, framework: UInt32(hit.framework), proficiency: hit.proficiency)
                }
                facets.end()
            }
        }
        var answer = PostingAnswer(hits: page.earners, total: total)
        if query.facets { facets.write(to: &answer) }
        return answer
    }

    private func match(_ term: Int, _ concept: PostingSearch.Concept, _ posting: Posting, value: Double) -> SearchMatch {
        let credential = Int(posting.credential)
        return SearchMatch(
            term: term, skillID: concept.skillID, via: concept.via, termConfidence: concept.confidence,
            alignmentRule: rules[UInt32(posting.rule)], credentialID: credentials[posting.credential], score: value,
            proficiency: posting.proficiency.isNaN ? nil : Double(posting.proficiency), verified: posting.has(Posting.verified),
            awardedAt: Date(timeIntervalSinceReferenceDate: credentialAwardedAt[credential]),
            validUntil: posting.validUntil.isFinite ? Date(timeIntervalSinceReferenceDate: posting.validUntil) : nil
        )
    }

    /// The better of two rows for one term: higher value, then the lower credential id (as the SQL engine orders).
    private func isBetter(_ a: Hit, than b: Hit) -> Bool {
        if a.value != b.value { return a.value > b.value }
        return credentials[a.credential].isOrdered(before: credentials[b.credential])
    }
}

/// A set of earner numbers as bits (22 KB for 175,000 earners: it stays in cache).
private struct EarnerSet {
    private var words: [UInt64]

    init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }

    mutating func insert(_ earner: UInt32) { words[Int(earner >> 6)] |= 1 << UInt64(earner & 63) }
    func contains(_ earner: UInt32) -> Bool { words[Int(earner >> 6)] & (1 << UInt64(earner & 63)) != 0 }
}

/// The query's filters, resolved once to the index's numbers.
private struct RowFilter {
    let includeUnverified: Bool
    let trustedOnly: Bool
    let issuers: Set<UInt32>?
    let frameworks: Set<UInt32>?
    let achievementTypes: Set<UInt32>?
    let awardedAfter: Double?
    let awardedBefore: Double?
    let scopeIssuers: Set<UInt32>?
    let scopeOrganization: UInt32?
    let changedSince: Double?
    let index: PostingIndex
    /// Whether any filter needs the credential's own attributes (kept off the common path).
    let readsCredential: Bool

    init(_ query: PostingSearch, index: PostingIndex) {
        let f = query.filters
        includeUnverified = f.includeUnverified ?? false
        trustedOnly = f.issuerTrust == "trusted"
        issuers = f.issuers.map { Set($0.compactMap { index.issuers.existing($0) }) }
        frameworks = f.frameworks.map { Set($0.compactMap { index.frameworks.existing($0) }) }
        achievementTypes = f.achievementTypes.map { Set($0.compactMap { index.achievementTypes.existing($0) }) }
        awardedAfter = f.awardedAfter?.timeIntervalSinceReferenceDate
        awardedBefore = f.awardedBefore?.timeIntervalSinceReferenceDate
        scopeIssuers = query.issuerScope.map { Set($0.issuers.compactMap { index.issuers.existing($0) }) }
        // An organisation no credential names still scopes the search: it then matches no received credential.
        scopeOrganization = query.issuerScope.map { index.organizations.existing($0.organization) ?? UInt32.max }
        changedSince = query.changedSince?.timeIntervalSinceReferenceDate
        self.index = index
        readsCredential = achievementTypes != nil || awardedAfter != nil || awardedBefore != nil || scopeIssuers != nil || changedSince != nil
    }

    func admits(framework: UInt32) -> Bool { frameworks?.contains(framework) ?? true }

    func admits(_ posting: PostingIndex.Posting, now: Double) -> Bool {
        guard !posting.has(PostingIndex.Posting.dead), includeUnverified || posting.has(PostingIndex.Posting.verified), posting.validUntil > now
        else { return false }
        if trustedOnly, !posting.has(PostingIndex.Posting.trusted) { return false }
        if let issuers, !issuers.contains(posting.issuer) { return false }
        return !readsCredential || admitsCredential(posting)
    }

    private func admitsCredential(_ posting: PostingIndex.Posting) -> Bool {
        let slot = Int(posting.credential)
        if let achievementTypes, !achievementTypes.contains(index.credentialAchievementType[slot]) { return false }
        if let awardedAfter, !(index.credentialAwardedAt[slot] >= awardedAfter) { return false }
        if let awardedBefore, !(index.credentialAwardedAt[slot] < awardedBefore) { return false }
        if let scopeIssuers, let scopeOrganization, !scopeIssuers.contains(posting.issuer), index.credentialReceivedBy[slot] != scopeOrganization {
            return false
        }
        if let changedSince, !(index.credentialReceivedAt[slot] >= changedSince),
            !(index.earnerDiscoverableSince[Int(posting.earner)] >= changedSince)
        {
            return false
        }
        return true
    }
}

/// The best `limit` earners after the cursor, by score then earner id, both descending.
private struct PageSelection {
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
private struct FacetTally {
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

    init(_ proficiency: Double?) {
        guard let proficiency else {
            self = .unrated
            return
        }
        self = proficiency < 0.34 ? .foundation : proficiency < 0.67 ? .intermediate : .advanced
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
