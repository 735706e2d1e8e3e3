import Crypto
import Foundation

/// The text of an API key, `crd_<prefix>_<secret>`: the prefix finds the stored row, the secret proves possession.
///
/// Only the SHA-256 of the secret is stored. A fast hash suffices because the secret is 256 random bits,
/// not a human password; a slow hash would only add latency to every request.
public struct APIKeySecret: Sendable, Hashable {
    public let prefix: String
    let secret: String

    /// The full key as shown to its owner, once.
    public var token: String { "crd_\(prefix)_\(secret)" }

    /// A new random key.
    public static func generate() -> APIKeySecret {
        var generator = SystemRandomNumberGenerator()
        let prefixBytes = (0..<6).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let secretBytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return APIKeySecret(prefix: base32(prefixBytes), secret: base64URL(secretBytes))
    }

    init(prefix: String, secret: String) {
        self.prefix = prefix
        self.secret = secret
    }

    /// Parses a presented token; `nil` when it does not have the shape of one of our keys.
    public init?(token: String) {
        let parts = token.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "crd", parts[1].count == 10, parts[2].count == 43,
            parts[1].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) }),
            parts[2].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return nil }
        self.prefix = String(parts[1])
        self.secret = String(parts[2])
    }

    /// SHA-256 of the secret part, as stored.
    public var secretHash: [UInt8] {
        Array(SHA256.hash(data: Data(secret.utf8)))
    }

    /// Compares hashes in constant time, so response timing does not leak how much of a guess was right.
    static func hashesMatch(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    private static func base32(_ bytes: [UInt8]) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var bits = 0
        var value = 0
        var out = ""
        for byte in bytes {
            value = (value << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(value >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(value << (5 - bits)) & 31]) }
        return String(out.prefix(10))
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
