public import Credentials
public import Foundation

/// The verdict on one credential: the outcome and the named checks behind it, as stored and served.
public struct VerificationSummary: Sendable, Hashable {
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        case verified, failed, revoked, suspended, expired
        case notYetValid = "not_yet_valid"
        case unverifiable
    }

    public struct Check: Sendable, Hashable {
        public enum Result: String, Sendable, Hashable {
            case passed, failed, warning, skipped
        }

        public var name: String
        public var result: Result
        public var detail: String

        public init(name: String, result: Result, detail: String) {
            self.name = name
            self.result = result
            self.detail = detail
        }
    }

    public var outcome: Outcome
    public var checks: [Check]
    public var proofType: String?
    public var keyID: String?
    public var checkedAt: Date

    public init(outcome: Outcome, checks: [Check], proofType: String? = nil, keyID: String? = nil, checkedAt: Date) {
        self.outcome = outcome
        self.checks = checks
        self.proofType = proofType
        self.keyID = keyID
        self.checkedAt = checkedAt
    }
}

/// Decides whether a parsed credential is genuine. Ingest calls it before storing, outside any transaction,
/// because verification may fetch documents over the network.
public protocol CredentialVerifying: Sendable {
    func verify(_ credential: ParsedCredential) async -> VerificationSummary
}
