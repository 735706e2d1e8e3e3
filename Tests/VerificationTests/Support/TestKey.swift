import Crypto
import CryptoExtras
import Foundation
import StrictJSON

@testable import Verification

/// A private key generated in the test, with every public form a credential can name it by.
enum TestKey {
    case ed25519(Curve25519.Signing.PrivateKey)
    case p256(P256.Signing.PrivateKey)
    case p384(P384.Signing.PrivateKey)
    case p521(P521.Signing.PrivateKey)
    case rsa(_RSA.Signing.PrivateKey)

    static func ed25519() -> TestKey { .ed25519(Curve25519.Signing.PrivateKey()) }
    static func p256() -> TestKey { .p256(P256.Signing.PrivateKey()) }
    static func p384() -> TestKey { .p384(P384.Signing.PrivateKey()) }
    static func p521() -> TestKey { .p521(P521.Signing.PrivateKey()) }

    /// One RSA key for the whole run: generating 2048-bit keys takes a while.
    private static let sharedRSA = try? _RSA.Signing.PrivateKey(keySize: .bits2048)

    static func rsa() throws -> TestKey {
        guard let key = sharedRSA else { throw KeyGenerationFailed() }
        return .rsa(key)
    }

    struct KeyGenerationFailed: Error {}

    var publicMaterial: PublicKeyMaterial {
        switch self {
        case .ed25519(let key): return .ed25519(key.publicKey)
        case .p256(let key): return .p256(key.publicKey)
        case .p384(let key): return .p384(key.publicKey)
        case .p521(let key): return .p521(key.publicKey)
        case .rsa(let key): return .rsa(key.publicKey)
        }
    }

    /// `z6Mk…`, `zDna…`, `z82L…`; empty for RSA, which has no Multikey form.
    var multikey: String { Multikey.encode(publicMaterial) ?? "" }
    var didKey: String { "did:key:" + multikey }
    var didKeyMethod: String { didKey + "#" + multikey }
    var didJWK: String { "did:jwk:" + Base64.urlEncoded(JSONValue.object(publicJWK).serializedBytes()) }

    var joseAlgorithm: String {
        switch self {
        case .ed25519: return "EdDSA"
        case .p256: return "ES256"
        case .p384: return "ES384"
        case .p521: return "ES512"
        case .rsa: return "RS256"
        }
    }

    var publicJWK: JSONObject {
        func b64(_ data: some DataProtocol) -> JSONValue { .string(Base64.urlEncoded(Array(data))) }
        func ec(_ curve: String, _ raw: Data) -> JSONObject {
            let half = raw.count / 2
            return ["kty": "EC", "crv": .string(curve), "x": b64(raw.prefix(half)), "y": b64(raw.suffix(half))]
        }
        switch self {
        case .ed25519(let key): return ["kty": "OKP", "crv": "Ed25519", "x": b64(key.publicKey.rawRepresentation)]
        case .p256(let key): return ec("P-256", key.publicKey.rawRepresentation)
        case .p384(let key): return ec("P-384", key.publicKey.rawRepresentation)
        case .p521(let key): return ec("P-521", key.publicKey.rawRepresentation)
        case .rsa(let key):
            guard let primitives = try? key.publicKey.getKeyPrimitives() else { return [:] }
            return ["kty": "RSA", "n": b64(primitives.modulus), "e": b64(primitives.publicExponent)]
        }
    }

    /// A Multikey (or, for RSA, JsonWebKey) verification method object for controller documents.
    func verificationMethod(id: String, controller: String) -> JSONObject {
        if case .rsa = self {
            return ["id": .string(id), "type": "JsonWebKey", "controller": .string(controller), "publicKeyJwk": .object(publicJWK)]
        }
        return ["id": .string(id), "type": "Multikey", "controller": .string(controller), "publicKeyMultibase": .string(multikey)]
    }

    /// Signs `message` as the named algorithm does: Ed25519 directly, ECDSA over the curve's hash (raw r‖s), RSA PKCS#1 v1.5
    /// or PSS over SHA-256.
    func sign(_ message: [UInt8], pss: Bool = false) throws -> [UInt8] {
        switch self {
        case .ed25519(let key): return Array(try key.signature(for: message))
        case .p256(let key): return Array(try key.signature(for: message).rawRepresentation)
        case .p384(let key): return Array(try key.signature(for: message).rawRepresentation)
        case .p521(let key): return Array(try key.signature(for: message).rawRepresentation)
        case .rsa(let key):
            return Array(try key.signature(for: SHA256.hash(data: message), padding: pss ? .PSS : .insecurePKCS1v1_5).rawRepresentation)
        }
    }
}
