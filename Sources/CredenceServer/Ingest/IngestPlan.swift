public import Credentials
import StrictJSON
import Verification
import Foundation

/// Decides, before anything is written, what each credential of a batch becomes: new, a new version, a duplicate
/// or a conflict, given what is stored under the same ids and what earlier items of the same batch did.
struct IngestPlan {
    /// A stored credential sharing an id with an item of the batch.
    struct Existing {
        var id: UUID
        var uri: String
        var sha256: String
        var version: Int
        var isLatest: Bool
        var earnerID: UUID
        var earnerSubject: String
        var achievementID: UUID
        var issuerID: UUID
        var issuerURI: String
        var verification: VerificationOutcome
    }

    enum Decision {
        case insert(id: UUID, version: Int, supersedes: UUID?)
        case duplicate(Existing)
        /// A duplicate of an item earlier in the same batch, resolved once that item is stored.
        case duplicateOfBatchItem(index: Int)
        case conflict(existing: UUID, reason: String)
    }

    private(set) var decisions: [Decision] = []

    init(items: [IngestItem], existing: [Existing]) {
        var byURI = Dictionary(grouping: existing, by: \.uri)
        var batchByURI: [String: [(index: Int, sha: String, issuer: String, subject: String, id: UUID, version: Int)]] = [:]
        for (index, item) in items.enumerated() {
            let badge = item.credential.badge
            let sha = item.credential.contentKey
            let subject = badge.earnerSubject
            if let earlier = batchByURI[badge.id]?.first(where: { $0.sha == sha }) {
                decisions.append(.duplicateOfBatchItem(index: earlier.index))
                continue
            }
            if let stored = byURI[badge.id]?.first(where: { $0.sha256 == sha }) {
                decisions.append(.duplicate(stored))
                continue
            }
            // The newest version so far: from this batch if an earlier item re-issued it, else from the database.
            let latestInBatch = batchByURI[badge.id]?.last
            let latestStored = byURI[badge.id]?.first(where: \.isLatest)
            let latest: (id: UUID, version: Int, issuer: String, subject: String)? =
                latestInBatch.map { ($0.id, $0.version, $0.issuer, $0.subject) }
                ?? latestStored.map { ($0.id, $0.version, $0.issuerURI, $0.earnerSubject) }
            let id = UUID.timeOrdered()
            if let latest {
                guard latest.issuer == badge.issuer.id else {
                    decisions.append(.conflict(existing: latest.id, reason: "credential id \(badge.id) is already stored from another issuer (\(latest.issuer))"))
                    continue
                }
                guard latest.subject == subject else {
                    decisions.append(.conflict(existing: latest.id, reason: "credential id \(badge.id) is already stored for another earner"))
                    continue
                }
                decisions.append(.insert(id: id, version: latest.version + 1, supersedes: latest.id))
                batchByURI[badge.id, default: []].append((index, sha, badge.issuer.id, subject, id, latest.version + 1))
            } else {
                decisions.append(.insert(id: id, version: 1, supersedes: nil))
                batchByURI[badge.id, default: []].append((index, sha, badge.issuer.id, subject, id, 1))
            }
            byURI[badge.id] = byURI[badge.id]?.map { var e = $0; e.isLatest = false; return e }
        }
    }
}

extension ParsedCredential {
    /// What makes two deliveries "the same credential": the secured form, not the bytes around it. A badge baked
    /// into a PNG and the same badge as JSON, or JSON re-serialised with other spacing or member order, are one
    /// credential; a VC-JWT is its compact form exactly.
    public var contentKey: String {
        switch secured {
        case .embedded(let document), .ob2Hosted(let document):
            return ContentDigest.sha256Hex(document.serializedBytes(sortedKeys: true))
        case .jwt(let compact, _, _, _), .ob2Signed(let compact, _, _):
            return ContentDigest.sha256Hex(Array(compact.utf8))
        }
    }
}

extension EarnedBadge {
    /// The identity an earner is stored under: the subject id, or else the first (hashed) identifier with its type,
    /// so the same person named the same way by many credentials is one earner.
    public var earnerSubject: String {
        if let id = earner.id, !id.isEmpty { return id }
        if let identifier = earner.identifiers.first {
            return "identifier:\(identifier.identityType):\(identifier.identity)"
        }
        return "credential:\(id)"
    }
}
