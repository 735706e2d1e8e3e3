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
