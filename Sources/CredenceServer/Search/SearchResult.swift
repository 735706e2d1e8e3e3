public import Foundation

/// One matching credential behind a term of a result: which badge, through which concept and rule.
public struct SearchMatch: Sendable, Hashable {
    public var term: Int
    public var skillID: Int
    public var via: ConceptVia
    public var termConfidence: Double
    public var alignmentRule: String
    public var credentialID: UUID
    public var score: Double
    public var proficiency: Double?
    public var verified: Bool
    public var awardedAt: Date
    public var validUntil: Date?
}

/// A ranked earner and the best match per term.
public struct SearchHit: Sendable, Hashable {
    public var earnerID: UUID
    public var score: Double
    public var matchedTerms: Int
    public var matches: [SearchMatch]
}

/// Counts of matching earners by a dimension.
public struct Facet: Sendable, Hashable {
    public var value: String
    public var label: String?
    public var count: Int
}

/// A page of results, the total (exact up to `totalBound`), facets and the cursor of the next page.
public struct SearchPage: Sendable {
    public var hits: [SearchHit]
    public var total: Int
    public var totalIsExact: Bool
    public var facets: [String: [Facet]]
    public var next: SearchCursor?
    public var rankedAt: Date
}

extension SearchPage {
    /// A page from the best `limit + 1` earners after the cursor (the extra one says another page follows) and the
    /// number of matching earners, reported exactly up to `Ranking.totalBound`.
    init(ranked: [SearchHit], limit: Int, matching: Int, facets: [String: [Facet]], rankedAt: Date, searchID: UUID) {
        let hits = Array(ranked.prefix(limit))
        self.init(
            hits: hits, total: min(matching, Ranking.totalBound), totalIsExact: matching <= Ranking.totalBound, facets: facets,
            next: ranked.count > limit ? hits.last.map { SearchCursor(score: $0.score, earnerID: $0.earnerID, rankedAt: rankedAt, searchID: searchID) } : nil,
            rankedAt: rankedAt
        )
    }
}
