import StrictJSON
import Verification

/// A stand-in for RDFC and JCS in tests of everything around canonicalisation: sorted-key JSON, which is injective
/// enough that any change to a document changes its bytes. Signing and verifying in tests use the same function.
struct SortedJSONCanonicalizer: CredentialCanonicalizer {
    func canonicalNQuads(of document: JSONValue) throws(CanonicalizationError) -> [UInt8] {
        document.serializedBytes(sortedKeys: true)
    }

    func jcs(_ value: JSONValue) throws(CanonicalizationError) -> [UInt8] {
        value.serializedBytes(sortedKeys: true)
    }

    /// Sorted JSON reads no contexts.
    func including(contexts: [String: JSONValue]) -> any CredentialCanonicalizer { self }
}

/// Returns the canonical forms published with the W3C and 1EdTech test vectors for the documents they belong to,
/// so the cryptography can be checked against the vectors before (and independently of) the RDFC implementation.
struct TableCanonicalizer: CredentialCanonicalizer {
    var nquads: [JSONValue: [UInt8]] = [:]
    var jcsForms: [JSONValue: [UInt8]] = [:]

    func canonicalNQuads(of document: JSONValue) throws(CanonicalizationError) -> [UInt8] {
        guard let bytes = nquads[document] else { throw .invalidDocument("no canonical form in the test table") }
        return bytes
    }

    func jcs(_ value: JSONValue) throws(CanonicalizationError) -> [UInt8] {
        guard let bytes = jcsForms[value] else { throw .invalidDocument("no JCS form in the test table") }
        return bytes
    }

    /// The table already holds the canonical forms; contexts change nothing.
    func including(contexts: [String: JSONValue]) -> any CredentialCanonicalizer { self }
}
