import Foundation

/// A set of earner numbers as bits (22 KB for 175,000 earners: it stays in cache).
struct EarnerSet {
    private var words: [UInt64]

    init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }

    mutating func insert(_ earner: UInt32) { words[Int(earner >> 6)] |= 1 << UInt64(earner & 63) }
    func contains(_ earner: UInt32) -> Bool { words[Int(earner >> 6)] & (1 << UInt64(earner & 63)) != 0 }
}

/// The query's filters, resolved once to the index's numbers.
struct RowFilter {
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
