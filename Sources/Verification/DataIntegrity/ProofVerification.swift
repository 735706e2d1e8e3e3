/// The result of checking one proof (embedded, JOSE or OB 2.0): its checks and, when it holds, the key that made it.
struct ProofVerification: Sendable {
    enum Status: Sendable, Equatable {
        /// Signature valid and the key speaks for the issuer.
        case verified
        /// Something about the proof is wrong (bad signature, malformed, wrong key).
        case failed
        /// A document needed to check it could not be had.
        case unavailable
        /// A proof type or suite this verifier does not check.
        case unsupported
    }

    var status: Status
    var label: String
    var methodID: String?
    var checks: [VerificationCheck]

    /// The status implied by the checks: any `failed` effect wins over `unverifiable`, else verified.
    static func status(of checks: [VerificationCheck]) -> Status {
        let failures = checks.filter { $0.outcome == .failed }
        if failures.isEmpty { return .verified }
        return failures.contains { ($0.effect ?? .failed) != .unverifiable } ? .failed : .unavailable
    }
}
