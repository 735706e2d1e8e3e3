public import StrictJSON

/// Why a document could not be canonicalised.
public enum CanonicalizationError: Error, Sendable, Hashable {
    /// A JSON-LD context the document names is not among the pinned contexts: we cannot tell what it says (`unverifiable`).
    case contextUnavailable(String)
    /// The document is not valid JSON-LD, or safe mode found a term that would be silently dropped (`failed`).
    case invalidDocument(String)
}

/// The canonical forms Data Integrity hashes: RDFC-1.0 N-Quads of JSON-LD (for the `-rdfc-` suites and
/// Ed25519Signature2020) and JCS (RFC 8785, for the `-jcs-` suites).
///
/// `LinkedDataCanonicalizer` implements it with the pinned contexts; tests may substitute fixed outputs.
public protocol CredentialCanonicalizer: Sendable {
    /// The canonical N-Quads of `document` (a credential without its proof, or a proof configuration with the
    /// credential's `@context`), as UTF-8 bytes. Must expand in safe mode: VC Data Integrity §4.4 requires an error
    /// rather than silently dropping undefined terms.
    func canonicalNQuads(of document: JSONValue) throws(CanonicalizationError) -> [UInt8]

    /// The RFC 8785 canonical JSON of `value`, as UTF-8 bytes.
    func jcs(_ value: JSONValue) throws(CanonicalizationError) -> [UInt8]

    /// This canonicaliser, also knowing `contexts` (context documents by URL, preloaded by an operator) after the
    /// ones it pins.
    func including(contexts: [String: JSONValue]) -> any CredentialCanonicalizer
}
