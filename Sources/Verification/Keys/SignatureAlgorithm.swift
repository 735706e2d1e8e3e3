/// A signature algorithm: key type, hash and padding.
enum SignatureAlgorithm: Sendable, Hashable {
    enum Hash: Sendable, Hashable {
        case sha256, sha384, sha512
    }

    case ed25519
    case ecdsaP256SHA256
    case ecdsaP384SHA384
    case ecdsaP521SHA512
    case rsaPKCS1(Hash)
    case rsaPSS(Hash)

    /// The algorithm a JOSE `alg` names (RFC 7518 §3.1, RFC 8037 for EdDSA); `nil` for `none`, HMAC and unknown names.
    init?(jose alg: String) {
        switch alg {
        case "EdDSA", "Ed25519": self = .ed25519
        case "ES256": self = .ecdsaP256SHA256
        case "ES384": self = .ecdsaP384SHA384
        case "ES512": self = .ecdsaP521SHA512
        case "RS256": self = .rsaPKCS1(.sha256)
        case "RS384": self = .rsaPKCS1(.sha384)
        case "RS512": self = .rsaPKCS1(.sha512)
        case "PS256": self = .rsaPSS(.sha256)
        case "PS384": self = .rsaPSS(.sha384)
        case "PS512": self = .rsaPSS(.sha512)
        default: return nil
        }
    }
}
