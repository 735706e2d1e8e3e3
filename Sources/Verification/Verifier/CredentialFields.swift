import StrictJSON

/// What verification reads from a credential's JSON, under both VCDM 1.1 and 2.0 names.
struct CredentialFields {
    static let vcdm2Context = "https://www.w3.org/ns/credentials/v2"
    static let vcdm1Context = "https://www.w3.org/2018/credentials/v1"

    let object: JSONObject

    var id: String? { object["id"]?.stringValue }

    /// `issuer` as a URL string or a profile object's `id`.
    var issuerID: String? {
        object["issuer"]?.stringValue ?? object["issuer"]?["id"]?.stringValue
    }

    var types: [String] { (object["type"]?.asList ?? []).compactMap(\.stringValue) }

    /// The first subject's id (`credentialSubject` may be an array).
    var subjectID: String? {
        object["credentialSubject"]?.asList.first?["id"]?.stringValue
    }

    /// `validFrom` (VCDM 2.0) or `issuanceDate` (VCDM 1.1), with the member name for messages.
    var validFrom: (member: String, value: JSONValue)? {
        if let value = object["validFrom"] { return ("validFrom", value) }
        if let value = object["issuanceDate"] { return ("issuanceDate", value) }
        return nil
    }

    /// `validUntil` (VCDM 2.0) or `expirationDate` (VCDM 1.1).
    var validUntil: (member: String, value: JSONValue)? {
        if let value = object["validUntil"] { return ("validUntil", value) }
        if let value = object["expirationDate"] { return ("expirationDate", value) }
        return nil
    }

    /// The shape checks every W3C credential must pass before its proof means anything: the base context first,
    /// `VerifiableCredential` among its types, and an issuer.
    func formatCheck() -> VerificationCheck {
        let first = object["@context"]?.asList.first?.stringValue
        guard first == Self.vcdm2Context || first == Self.vcdm1Context else {
            return .failed(.format, "the first @context is \(first ?? "missing"), not the W3C credentials context")
        }
        guard types.contains("VerifiableCredential") else {
            return .failed(.format, "the type list does not include VerifiableCredential")
        }
        guard let issuerID, !issuerID.isEmpty else { return .failed(.format, "the credential has no issuer") }
        let model = first == Self.vcdm2Context ? "VC Data Model 2.0" : "VC Data Model 1.1"
        let kind = types.first { $0 != "VerifiableCredential" } ?? "VerifiableCredential"
        return .passed(.format, "\(kind) (\(model)) issued by \(issuerID)")
    }
}
