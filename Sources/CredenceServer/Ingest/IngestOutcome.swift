public import Credentials
public import Foundation
public import Verification

/// One credential to store, with its verdict and the media type it arrived as.
public struct IngestItem: Sendable {
    public var credential: ParsedCredential
    public var verification: VerificationReport
    public var mediaType: String?

    public init(credential: ParsedCredential, verification: VerificationReport, mediaType: String?) {
        self.credential = credential
        self.verification = verification
        self.mediaType = mediaType
    }
}

/// Where a credential ended up.
public struct StoredCredential: Sendable, Hashable {
    public var id: UUID
    public var credentialURI: String
    public var version: Int
    public var earnerID: UUID
    public var achievementID: UUID
    public var issuerID: UUID
    public var verification: VerificationOutcome
}

/// What ingest did with one credential.
public enum IngestOutcome: Sendable, Hashable {
    /// New: stored as version 1.
    case stored(StoredCredential)
    /// A re-issue (same id, issuer and earner, different content): stored as a new version, the old one kept.
    case newVersion(StoredCredential, previous: UUID)
    /// Exactly this credential (same id and content) was already stored; nothing written.
    case duplicate(StoredCredential)
    /// The id is already used by a credential of another issuer or earner; nothing written.
    case conflict(existing: UUID, reason: String)
}
