public import Foundation

/// Everything a verification found: the outcome, the ordered checks behind it, and what was verified with what.
public struct VerificationReport: Sendable, Hashable, Codable {
    public var outcome: VerificationOutcome
    public var checks: [VerificationCheck]
    /// The proof that was accepted, e.g. `DataIntegrityProof eddsa-rdfc-2022`, `VC-JWT EdDSA`, `OB 2.0 hosted`.
    public var proofType: String?
    /// The verification method (key id) of the accepted proof.
    public var keyID: String?
    /// The issuer id read from the credential.
    public var issuerID: String?
    public var checkedAt: Date

    public init(
        checks: [VerificationCheck],
        proofType: String? = nil,
        keyID: String? = nil,
        issuerID: String? = nil,
        checkedAt: Date
    ) {
        self.checks = checks
        self.proofType = proofType
        self.keyID = keyID
        self.issuerID = issuerID
        self.checkedAt = checkedAt
        self.outcome = Self.outcome(of: checks)
    }

    /// The most serious effect among failed checks (see ``VerificationOutcome`` for the order), or `verified`.
    public static func outcome(of checks: [VerificationCheck]) -> VerificationOutcome {
        var outcome = VerificationOutcome.verified
        for check in checks where check.outcome == .failed {
            let effect = check.effect ?? .failed
            if effect.precedence > outcome.precedence { outcome = effect }
        }
        return outcome
    }

    /// The first check with this name, if any.
    public func check(_ name: CheckName) -> VerificationCheck? {
        checks.first { $0.name == name }
    }
}
