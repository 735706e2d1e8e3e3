import Crypto
import CryptoExtras
import StrictJSON

/// Public JSON Web Keys (RFC 7517, 7518 §6, RFC 8037) for the key types credentials use.
enum JWK {
    enum DecodingError: Error, Equatable {
        case containsPrivateKey
        case unsupported(String)
        case invalid(String)
    }

    /// Reads a public JWK; one carrying private material (`d`, or RSA `p`/`q`) is refused, because publishing it
    /// means anyone can sign with it (OB 3.0 §8.2.4.2: the `jwk` header MUST NOT contain `d`).
    static func decode(_ jwk: JSONObject) throws(DecodingError) -> PublicKeyMaterial {
        guard jwk["d"] == nil, jwk["p"] == nil, jwk["q"] == nil else { throw .containsPrivateKey }
        let kty = jwk["kty"]?.stringValue ?? ""
        switch kty {
        case "OKP":
            guard jwk["crv"]?.stringValue == "Ed25519" else { throw .unsupported("OKP curve \(jwk["crv"]?.stringValue ?? "none")") }
            guard let x = bytes(jwk, "x"), x.count == 32, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: x) else {
                throw .invalid("Ed25519 x must be 32 bytes")
            }
            return .ed25519(key)
        case "EC":
            let curve = jwk["crv"]?.stringValue ?? "none"
            guard let x = bytes(jwk, "x"), let y = bytes(jwk, "y") else { throw .invalid("EC key without x or y") }
            switch curve {
            case "P-256":
                guard x.count == 32, y.count == 32, let key = try? P256.Signing.PublicKey(rawRepresentation: x + y) else {
                    throw .invalid("not a P-256 point")
                }
                return .p256(key)
            case "P-384":
                guard x.count == 48, y.count == 48, let key = try? P384.Signing.PublicKey(rawRepresentation: x + y) else {
                    throw .invalid("not a P-384 point")
                }
                return .p384(key)
            case "P-521":
                guard x.count == 66, y.count == 66, let key = try? P521.Signing.PublicKey(rawRepresentation: x + y) else {
                    throw .invalid("not a P-521 point")
                }
                return .p521(key)
            default:
                throw .unsupported("EC curve \(curve)")
            }
        case "RSA":
            guard let n = bytes(jwk, "n"), let e = bytes(jwk, "e") else { throw .invalid("RSA key without n or e") }
            do {
                return .rsa(try _RSA.Signing.PublicKey(n: n, e: e))
            } catch {
                throw .invalid("RSA modulus shorter than 2048 bits or malformed")
            }
        default:
            throw .unsupported("key type \(kty.isEmpty ? "missing" : kty)")
        }
    }

    private static func bytes(_ jwk: JSONObject, _ member: String) -> [UInt8]? {
        jwk[member]?.stringValue.flatMap { Base64.decode($0) }
    }

    /// The RFC 7638 thumbprint (base64url SHA-256 of the required members in lexicographic order), which
    /// VC-JOSE-COSE issuers often use as `kid`.
    static func thumbprint(_ jwk: JSONObject) -> String? {
        let required: [String]
        switch jwk["kty"]?.stringValue {
        case "OKP": required = ["crv", "kty", "x"]
        case "EC": required = ["crv", "kty", "x", "y"]
        case "RSA": required = ["e", "kty", "n"]
        default: return nil
        }
        var members: [(String, JSONValue)] = []
        for name in required {
            guard let value = jwk[name], case .string = value else { return nil }
            members.append((name, value))
        }
        let canonical = JSONValue.object(JSONObject(members)).serializedBytes()
        return Base64.urlEncoded(Array(SHA256.hash(data: canonical)))
    }
}
