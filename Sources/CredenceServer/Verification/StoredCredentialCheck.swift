import Foundation
import PostgresNIO
import StrictJSON
import Verification

/// A stored credential as re-verification needs it: its bytes, its stored outcome and the report that outcome came from.
struct StoredCredentialCheck: Sendable {
    var id: UUID
    var earnerID: UUID
    var uri: String
    var issuerURI: String
    /// The credential's own document, byte for byte (the baked text of an image).
    var document: [UInt8]
    var checkedAt: Date
    var outcome: VerificationOutcome
    /// The latest stored report; `nil` when it is missing or was written in a form this version cannot read.
    var previous: VerificationReport?

    /// Rebuilds the latest report from the `verifications` row (checks as `checksJSON` wrote them).
    static func report(checks: String?, proofType: String?, keyID: String?, issuerURI: String, checkedAt: Date?) -> VerificationReport? {
        guard let checks, let checkedAt, let decoded = try? JSONDecoder().decode([VerificationCheck].self, from: Data(checks.utf8)),
            !decoded.isEmpty
        else { return nil }
        return VerificationReport(checks: decoded, proofType: proofType, keyID: keyID, issuerID: issuerURI, checkedAt: checkedAt)
    }
}

/// The new verdict on a stored credential, ready to be written.
struct RecheckResult: Sendable {
    enum Trigger: String, Sendable {
        /// The re-verification job.
        case job
        /// Someone asked for this credential to be verified again.
        case manual
        /// The public verification page's fresh status check.
        case `public`
    }

    var credential: StoredCredentialCheck
    /// `nil` when the stored document could not be read again: the stored outcome stands, only `checked_at` moves.
    var report: VerificationReport?
    var checkedAt: Date
    /// Write a history row even when the outcome did not change (an explicit request is worth recording).
    var alwaysRecord: Bool

    var changed: Bool {
        guard let report else { return false }
        return report.outcome != credential.outcome
    }
}
