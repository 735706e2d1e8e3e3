import Crypto
import CryptoExtras

/// A public key of one of the types credentials are signed with.
enum PublicKeyMaterial: Sendable {
    case ed25519(Curve25519.Signing.PublicKey)
    case p256(P256.Signing.PublicKey)
    case p384(P384.Signing.PublicKey)
    case p521(P521.Signing.PublicKey)
    case rsa(_RSA.Signing.PublicKey)

    /// A short name for reports ("Ed25519", "P-256", "RSA-2048").
    /// An RSA key under today's 2,048-bit minimum, which only Open Badges 2.0 verification admits.
    var isShortRSA: Bool {
        if case .rsa(let key) = self { return key.keySizeInBits < 2_048 }
        return false
    }

    var typeName: String {
        switch self {
        case .ed25519: return "Ed25519"
        case .p256: return "P-256"
        case .p384: return "P-384"
        case .p521: return "P-521"
        case .rsa(let key): return "RSA-\(key.keySizeInBits)"
        }
    }

    /// The multicodec-prefixed bytes of a Multikey `publicKeyMultibase` (without the `z`), for comparing keys
    /// written in different forms; `nil` for RSA, which has no Multikey form here.
    var multikeyBytes: [UInt8]? {
        switch self {
        case .ed25519(let key): return Multikey.ed25519Prefix + Array(key.rawRepresentation)
        case .p256(let key): return Multikey.p256Prefix + Array(key.compressedRepresentation)
        case .p384(let key): return Multikey.p384Prefix + Array(key.compressedRepresentation)
        case .p521(let key): return Multikey.p521Prefix + Array(key.compressedRepresentation)
        case .rsa: return nil
        }
    }

    /// True when both are the same key, whatever form each was read from.
    func isSameKey(as other: PublicKeyMaterial) -> Bool {
        switch (self, other) {
        case (.rsa(let a), .rsa(let b)): return a.derRepresentation == b.derRepresentation
        default: return multikeyBytes != nil && multikeyBytes == other.multikeyBytes
        }
    }

    /// Checks `signature` over `message` with `algorithm`; false when the key does not fit the algorithm.
    ///
    /// ECDSA signatures are the raw `r‖s` form JOSE (RFC 7518 §3.4) and Data Integrity use; the message is hashed with
    /// the algorithm's hash here, so callers pass the bytes that were signed, not a digest.
    func isValidSignature(_ signature: [UInt8], for message: [UInt8], algorithm: SignatureAlgorithm) -> Bool {
        switch (self, algorithm) {
        case (.ed25519(let key), .ed25519):
            return key.isValidSignature(signature, for: message)
        case (.p256(let key), .ecdsaP256SHA256):
            guard let sig = try? P256.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(sig, for: SHA256.hash(data: message))
        case (.p384(let key), .ecdsaP384SHA384):
            guard let sig = try? P384.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(sig, for: SHA384.hash(data: message))
        case (.p521(let key), .ecdsaP521SHA512):
            guard let sig = try? P521.Signing.ECDSASignature(rawRepresentation: signature) else { return false }
            return key.isValidSignature(sig, for: SHA512.hash(data: message))
        case (.rsa(let key), .rsaPKCS1(let hash)):
            let sig = _RSA.Signing.RSASignature(rawRepresentation: signature)
            return Self.isValidRSA(key, sig, message, hash, padding: .insecurePKCS1v1_5)
        case (.rsa(let key), .rsaPSS(let hash)):
            let sig = _RSA.Signing.RSASignature(rawRepresentation: signature)
            return Self.isValidRSA(key, sig, message, hash, padding: .PSS)
        default:
            return false
        }
    }

    private static func isValidRSA(
        _ key: _RSA.Signing.PublicKey,
        _ signature: _RSA.Signing.RSASignature,
        _ message: [UInt8],
        _ hash: SignatureAlgorithm.Hash,
        padding: _RSA.Signing.Padding
    ) -> Bool {
        switch hash {
        case .sha256: return key.isValidSignature(signature, for: SHA256.hash(data: message), padding: padding)
        case .sha384: return key.isValidSignature(signature, for: SHA384.hash(data: message), padding: padding)
        case .sha512: return key.isValidSignature(signature, for: SHA512.hash(data: message), padding: padding)
        }
    }
}
