import Verification

/// Verification in plain words for people who are not cryptographers: the verdict as a headline and each check as one
/// sentence. The checks' own `detail` (technical, precise) is shown next to these, never instead of them.
enum CheckExplanation {
    /// A short title for the overall outcome.
    static func title(_ outcome: VerificationOutcome) -> String {
        switch outcome {
        case .verified: return "Genuine"
        case .failed: return "Not genuine"
        case .revoked: return "Revoked by the issuer"
        case .suspended: return "Suspended by the issuer"
        case .expired: return "Expired"
        case .notYetValid: return "Not valid yet"
        case .unverifiable: return "Could not be verified"
        }
    }

    /// What the outcome means for someone deciding whether to rely on the credential.
    static func summary(_ outcome: VerificationOutcome, issuer: String, report: VerificationReport?) -> String {
        switch outcome {
        case .verified:
            let status = Set((report?.checks ?? []).filter { $0.name == .status }.map(\.outcome))
            let revocation =
                status.contains(.warning)
                ? "Whether the issuer has revoked it could not be fully checked."
                : status.contains(.passed) ? "The issuer has not revoked it." : "The issuer publishes no revocation status for it."
            return "This credential was issued by \(issuer) and has not been changed since it was issued. " + revocation
        case .failed:
            return "This credential failed verification: it was changed after it was issued, or it was not issued by \(issuer). Do not rely on it."
        case .revoked:
            return "\(issuer) has revoked this credential. It is no longer valid, even though it was genuinely issued."
        case .suspended:
            return "\(issuer) has suspended this credential. It is not valid while the suspension lasts."
        case .expired:
            return "This credential was genuinely issued by \(issuer), but its validity has ended."
        case .notYetValid:
            return "This credential was genuinely issued by \(issuer), but it does not take effect until a later date."
        case .unverifiable:
            return "Not every check could be completed (for example the issuer's key or status list could not be reached). "
                + "This does not show that it is forged, but it has not been confirmed either."
        }
    }

    /// What a check looks at, as a short label.
    static func label(_ name: CheckName) -> String {
        switch name {
        case .format: return "Credential format"
        case .proof: return "Digital signature"
        case .joseHeader: return "Signed envelope"
        case .jwtClaims: return "Envelope contents"
        case .key: return "Signing key"
        case .keyBinding: return "Key owner"
        case .signature: return "Tamper check"
        case .hostedAssertion: return "Issuer's copy"
        case .status: return "Revocation"
        case .validFrom: return "Start of validity"
        case .validUntil: return "Expiry"
        }
    }

    /// One plain sentence for a check.
    static func sentence(_ check: VerificationCheck) -> String {
        if check.outcome == .skipped {
            // Dates are skipped only when the credential states none.
            switch check.name {
            case .validUntil: return "It has no expiry date."
            case .validFrom: return "It states no start date."
            default: return "Not checked."
            }
        }
        let passed = check.outcome == .passed
        let warning = check.outcome == .warning
        switch check.name {
        case .format:
            return passed || warning ? "It is a well-formed digital credential." : "It is not a well-formed digital credential."
        case .proof:
            if passed { return "It carries a digital signature of a kind we check." }
            if warning { return "It carries a digital signature; something about it is worth noting." }
            return "It carries no digital signature that can be checked."
        case .joseHeader:
            return passed || warning
                ? "Its signed envelope follows the rules for signed credentials." : "Its signed envelope breaks the rules for signed credentials."
        case .jwtClaims:
            return passed || warning
                ? "The signed envelope agrees with the credential inside it." : "The signed envelope disagrees with the credential inside it."
        case .key:
            return passed || warning ? "The key that signed it was found." : "The key that signed it could not be found or read."
        case .keyBinding:
            if passed { return "That key belongs to the issuer." }
            if warning { return "The key is named only by the credential itself; the issuer does not publish it separately." }
            return "That key does not belong to the issuer the credential names."
        case .signature:
            return passed || warning
                ? "The signature is valid: nothing in the credential has changed since the issuer signed it."
                : "The signature does not match: the credential was changed after signing, or signed by someone else."
        case .hostedAssertion:
            return passed || warning ? "The issuer's own published copy matches it." : "The issuer's own published copy does not match it, or is gone."
        case .status:
            if passed { return "The issuer has not revoked or suspended it." }
            if warning { return "Its revocation status could only partly be checked." }
            switch check.effect {
            case .revoked: return "The issuer has revoked it."
            case .suspended: return "The issuer has suspended it."
            default: return "Whether the issuer has revoked it could not be checked."
            }
        case .validFrom:
            return passed || warning ? "It has taken effect." : "It has not taken effect yet."
        case .validUntil:
            return passed || warning ? "It has not expired." : "It has expired."
        }
    }
}
