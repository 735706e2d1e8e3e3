import Crypto

/// Multikey public keys (W3C Controlled Identifiers §2.2.2): a multicodec prefix, then the raw or compressed key,
/// multibase-encoded. The same encoding is the method-specific id of `did:key`.
enum Multikey {
    /// Unsigned-varint multicodec prefixes: ed25519-pub 0xed, p256-pub 0x1200, p384-pub 0x1201, p521-pub 0x1202.
    static let ed25519Prefix: [UInt8] = [0xED, 0x01]
    static let p256Prefix: [UInt8] = [0x80, 0x24]
    static let p384Prefix: [UInt8] = [0x81, 0x24]
    static let p521Prefix: [UInt8] = [0x82, 0x24]

    enum DecodingError: Error, Equatable {
        case notMultibase
        case unsupportedCodec(String)
        case invalidKey(String)
    }

    /// Decodes a `publicKeyMultibase` value such as `z6Mk…` (Ed25519), `zDna…` (P-256) or `z82L…` (P-384).
    static func decode(_ text: some StringProtocol) throws(DecodingError) -> PublicKeyMaterial {
        guard let bytes = Multibase.decode(text), bytes.count > 2 else { throw .notMultibase }
        let prefix = Array(bytes.prefix(2))
        let body = bytes.dropFirst(2)
        switch prefix {
        case ed25519Prefix:
            guard body.count == 32, let key = try? Curve25519.Signing.PublicKey(rawRepresentation: body) else {
                throw .invalidKey("an Ed25519 key must be 32 bytes")
            }
            return .ed25519(key)
        case p256Prefix:
            guard let key = try? P256.Signing.PublicKey(compressedRepresentation: body) else { throw .invalidKey("not a compressed P-256 point") }
            return .p256(key)
        case p384Prefix:
            guard let key = try? P384.Signing.PublicKey(compressedRepresentation: body) else { throw .invalidKey("not a compressed P-384 point") }
            return .p384(key)
        case p521Prefix:
            guard let key = try? P521.Signing.PublicKey(compressedRepresentation: body) else { throw .invalidKey("not a compressed P-521 point") }
            return .p521(key)
        default:
            throw .unsupportedCodec(Self.codecName(bytes))
        }
    }

    /// The multicodec as hex, read as an unsigned varint, for error details ("0x9fdd").
    private static func codecName(_ bytes: [UInt8]) -> String {
        var value = 0
        var shift = 0
        for byte in bytes.prefix(4) {
            value |= Int(byte & 0x7F) << shift
            shift += 7
            if byte & 0x80 == 0 { break }
        }
        return "0x" + String(value, radix: 16)
    }

    static func encode(_ key: PublicKeyMaterial) -> String? {
        key.multikeyBytes.map { "z" + Base58.encode($0) }
    }
}
