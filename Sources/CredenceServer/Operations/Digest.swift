import Crypto
import Foundation

/// Content hashes as lower-case hex, the form stored and shown everywhere in the service.
enum Digest {
    static func sha256Hex(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}

extension Date {
    /// RFC 3339 with milliseconds in UTC: what PostgreSQL reads as `timestamptz` and what the API writes.
    var rfc3339: String {
        formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
