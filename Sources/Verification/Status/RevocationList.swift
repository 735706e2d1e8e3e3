import Credentials
import StrictJSON

/// The 1EdTech Revocation List status method (VCRL 1.0): the issuer's service returns
/// `{"revokedCredentials": [{"id": …, "revoked": true?, "revocationReason": …}]}`.
enum RevocationList {
    /// OB 3.0 §"Verification" step 4: a credential listed (with `revoked` true or absent) is revoked. An unreachable list is a
    /// warning, not an error, as the OB 3.0 verification text and the 1EdTech validator treat it.
    static func check(url: String, credentialID: String?, documents: DocumentLoader) async -> VerificationCheck {
        guard let credentialID else { return .warning(.status, "the credential has no id to look up in its revocation list") }
        let document: JSONValue
        switch await documents.raw(url, accept: "application/json") {
        case .failure(let failure):
            return .warning(.status, "the revocation list could not be checked: \(failure.detail)")
        case .success(let fetched):
            guard case .success(let json) = DocumentLoader.parse(fetched.body, url: url) else {
                return .warning(.status, "the revocation list at \(url) is not JSON")
            }
            document = json
        }
        for entry in document["revokedCredentials"]?.asList ?? [] where entry["id"]?.stringValue == credentialID {
            if entry["revoked"]?.boolValue == false { continue }
            let reason = entry["revocationReason"]?.stringValue.map { ": \($0)" } ?? ""
            return .failed(.status, "revoked by the issuer (1EdTech revocation list \(url))\(reason)", effect: .revoked)
        }
        return .passed(.status, "not in the issuer's revocation list \(url)")
    }
}
