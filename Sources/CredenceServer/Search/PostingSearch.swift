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
