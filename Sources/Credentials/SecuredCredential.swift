public import StrictJSON

/// A credential in the form its issuer secured it: exactly what a verifier must check.
///
/// Ingest produces this alongside the normalised `EarnedBadge`; the `Verification` library consumes it,
/// so neither library needs to know how the other reads or checks credentials.
public enum SecuredCredential: Sendable, Hashable {
    /// A JSON-LD credential with embedded proofs (Data Integrity or legacy Linked Data proofs), or with none.
    case embedded(document: JSONValue)
    /// A VC-JWT: the compact JWS, its decoded header and payload, and the credential it carries
    /// (the payload itself under VCDM 2.0, or its `vc` claim in the older form).
    case jwt(compact: String, header: JSONObject, payload: JSONObject, credential: JSONValue)
    /// An Open Badges 2.0 hosted assertion, verified by fetching its `id` and comparing.
    case ob2Hosted(assertion: JSONValue)
    /// An Open Badges 2.0 signed assertion (compact JWS) with its decoded header and assertion.
    case ob2Signed(compact: String, header: JSONObject, assertion: JSONValue)
}
