public import Crypto
import Foundation
public import StrictJSON

/// Issues VC-JWT credentials (EdDSA) from a `did:key` issuer: the demo issuer of `credence seed --demo` and the
/// benchmark populations. The verifier resolves the key from the DID alone, so these verify offline.
public struct Ed25519CredentialSigner: Sendable {
    public let key: Curve25519.Signing.PrivateKey
    /// `did:key:z6Mk…`, the issuer id credentials must carry.
    public let issuerID: String
    /// `did:key:z6Mk…#z6Mk…`, the JOSE `kid`.
    public let verificationMethod: String

    public init(key: Curve25519.Signing.PrivateKey) {
        self.key = key
        let multibase = Multikey.encode(.ed25519(key.publicKey)) ?? ""
        self.issuerID = "did:key:" + multibase
        self.verificationMethod = issuerID + "#" + multibase
    }

    /// A signer whose key is derived from `seed`, so the same seed always gives the same issuer.
    public init(seed: String) {
        let digest = SHA256.hash(data: Data(seed.utf8))
        // A 32-byte SHA-256 digest is always a valid Ed25519 private key seed.
        self.init(key: (try? Curve25519.Signing.PrivateKey(rawRepresentation: Array(digest))) ?? Curve25519.Signing.PrivateKey())
    }

    /// The credential as a compact JWS whose payload is the credential itself (VCDM 2.0) plus `iss`, `jti`, `sub`,
    /// `nbf` (and `exp`) taken from it, as OB 3.0 §8.2 requires.
    public func jwt(_ credential: JSONObject) throws -> String {
        var payload = credential
        payload["iss"] = .string(issuerID)
        if let id = credential["id"] { payload["jti"] = id }
        if let subject = credential["credentialSubject"]?["id"] { payload["sub"] = subject }
        if let from = credential["validFrom"]?.stringValue.flatMap(Self.epochSeconds) { payload["nbf"] = .number(JSONNumber(from)) }
        if let until = credential["validUntil"]?.stringValue.flatMap(Self.epochSeconds) { payload["exp"] = .number(JSONNumber(until)) }
        let header: JSONValue = ["alg": "EdDSA", "typ": "JWT", "kid": .string(verificationMethod)]
        let input = Base64.urlEncoded(header.serializedBytes()) + "." + Base64.urlEncoded(JSONValue.object(payload).serializedBytes())
        let signature = try key.signature(for: Data(input.utf8))
        return input + "." + Base64.urlEncoded(Array(signature))
    }

    static func epochSeconds(_ text: String) -> Int? {
        (try? Date(text, strategy: .iso8601)).map { Int($0.timeIntervalSince1970) }
    }
}
