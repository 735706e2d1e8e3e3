import StrictJSON

/// The DID methods resolved here: `did:key` and `did:jwk` (the identifier is the key) and `did:web` (a document over HTTPS).
enum DecentralizedIdentifier {
    /// The key a `did:key` identifier encodes (did:key v0.7 §3.1.2): its method-specific id is a Multikey.
    static func keyDID(_ did: String) -> Result<PublicKeyMaterial, KeyResolutionFailure> {
        let multibase = did.dropFirst("did:key:".count)
        do {
            return .success(try Multikey.decode(multibase))
        } catch {
            return .failure(.malformed("\(did) does not encode a supported key (\(error))"))
        }
    }

    /// The key a `did:jwk` identifier encodes: base64url of a public JWK.
    static func jwkDID(_ did: String) -> Result<PublicKeyMaterial, KeyResolutionFailure> {
        let encoded = did.dropFirst("did:jwk:".count)
        guard let bytes = Base64.decode(encoded), let jwk = try? JSONParser.parse(bytes).objectValue else {
            return .failure(.malformed("\(did) does not encode a JSON Web Key"))
        }
        do {
            return .success(try JWK.decode(jwk))
        } catch {
            return .failure(.malformed("\(did) encodes an unusable key (\(error))"))
        }
    }

    /// The HTTPS URL of a `did:web` DID document (did:web §3.2.2): colons become path separators, `%3A` a port,
    /// and a DID with no path is served from `/.well-known/did.json`.
    static func webDocumentURL(_ did: String) -> String? {
        let specific = did.dropFirst("did:web:".count)
        let parts = specific.split(separator: ":", omittingEmptySubsequences: false).map { $0.replacingPercentColon() }
        guard let host = parts.first, !host.isEmpty, !host.contains("/"), !host.contains("@"), parts.allSatisfy({ !$0.isEmpty }) else {
            return nil
        }
        if parts.count == 1 { return "https://" + host + "/.well-known/did.json" }
        return "https://" + parts.joined(separator: "/") + "/did.json"
    }
}

extension Substring {
    fileprivate func replacingPercentColon() -> String {
        String(self).replacing("%3A", with: ":").replacing("%3a", with: ":")
    }
}
