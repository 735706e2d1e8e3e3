import Crypto
import CryptoExtras
import StrictJSON

/// Reads the public key of a verification method object, whatever vocabulary its controller document uses:
/// `Multikey` and `Ed25519VerificationKey2020` (`publicKeyMultibase`), `JsonWebKey`/`JsonWebKey2020` (`publicKeyJwk`),
/// `Ed25519VerificationKey2018` (`publicKeyBase58`) and OB 2.0 `CryptographicKey` (`publicKeyPem`).
enum VerificationMethod {
    /// `legacyRSA` admits RSA keys of 1,024 to 2,047 bits, which Open Badges 2.0 issuers published (their signed
    /// assertions must still verify); the caller reports such a key with a warning. Elsewhere 2,048 bits is the minimum.
    static func key(of method: JSONObject, legacyRSA: Bool = false) -> Result<PublicKeyMaterial, KeyResolutionFailure> {
        let id = method["id"]?.stringValue ?? "the verification method"
        if let multibase = method["publicKeyMultibase"]?.stringValue {
            do {
                return .success(try Multikey.decode(multibase))
            } catch {
                return .failure(.malformed("\(id) has an unusable publicKeyMultibase (\(error))"))
            }
        }
        if let jwk = method["publicKeyJwk"]?.objectValue {
            do {
                return .success(try JWK.decode(jwk))
            } catch {
                return .failure(.malformed("\(id) has an unusable publicKeyJwk (\(error))"))
            }
        }
        if let base58 = method["publicKeyBase58"]?.stringValue {
            guard let raw = Base58.decode(base58), raw.count == 32, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
                return .failure(.malformed("\(id) has an unusable publicKeyBase58"))
            }
            return .success(.ed25519(key))
        }
        if let pem = method["publicKeyPem"]?.stringValue {
            return pemKey(pem, id: id, legacyRSA: legacyRSA)
        }
        return .failure(.malformed("\(id) carries no public key this verifier reads"))
    }

    private static func pemKey(_ pem: String, id: String, legacyRSA: Bool) -> Result<PublicKeyMaterial, KeyResolutionFailure> {
        if let key = try? _RSA.Signing.PublicKey(pemRepresentation: pem) { return .success(.rsa(key)) }
        // The unsafe initialiser still refuses keys under 1,024 bits.
        if legacyRSA, let key = try? _RSA.Signing.PublicKey(unsafePEMRepresentation: pem) { return .success(.rsa(key)) }
        if let key = try? P256.Signing.PublicKey(pemRepresentation: pem) { return .success(.p256(key)) }
        if let key = try? P384.Signing.PublicKey(pemRepresentation: pem) { return .success(.p384(key)) }
        let rsaMinimum = legacyRSA ? "1,024" : "2,048"
        return .failure(.malformed("\(id) has a publicKeyPem that is not an RSA (\(rsaMinimum) bits or more) or P-256/P-384 public key"))
    }
}
