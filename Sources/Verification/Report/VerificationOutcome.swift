/// The overall answer of a verification, as stored per credential and shown on the public page.
///
/// When several apply, the most serious wins, in this order (``precedence``):
/// `failed` › `revoked` › `suspended` › `unverifiable` › `expired` › `notYetValid` › `verified`.
/// A bad signature is `failed` even if the credential is also expired: the dates of a forged document mean nothing.
/// Revocation and suspension come from the issuer's own signed list, so they outrank "could not check everything".
/// Dates are read from the credential itself and only matter once it is known to be genuine, so `unverifiable` outranks them.
public enum VerificationOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case verified
    case failed
    case revoked
    case suspended
    case expired
    case notYetValid = "not_yet_valid"
    case unverifiable

    /// Higher is more serious.
    public var precedence: Int {
        switch self {
        case .verified: return 0
        case .notYetValid: return 1
        case .expired: return 2
        case .unverifiable: return 3
        case .suspended: return 4
        case .revoked: return 5
        case .failed: return 6
        }
    }
}
