import StrictJSON

/// A compact JWS (RFC 7515 §7.1) split and decoded: the verifier re-reads header and payload from the token itself
/// rather than trusting copies decoded elsewhere, so what is checked is exactly what was signed.
struct JWSParts: Sendable {
    let header: JSONObject
    let payload: JSONObject
    /// `BASE64URL(header) || '.' || BASE64URL(payload)`, the bytes the signature covers.
    let signingInput: [UInt8]
    let signature: [UInt8]

    /// Splits and decodes a compact JWS; a malformed token is a failed check.
    static func parse(_ compact: String) -> Result<JWSParts, CheckFailure> {
        // Work on bytes: a JWS is ASCII, and Character-level splitting of a long token costs more than the signature check.
        let all = Array(compact.utf8)
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        let start = all.firstIndex { !isSpace($0) } ?? all.endIndex
        let end = (all.lastIndex { !isSpace($0) } ?? -1) + 1
        let bytes = start < end ? all[start..<end] : []
        let dots = bytes.indices.filter { bytes[$0] == UInt8(ascii: ".") }
        guard dots.count == 2 else {
            return .failure(CheckFailure(.failed(.joseHeader, "not a compact JWS (expected three dot-separated parts, found \(dots.count + 1))")))
        }
        let headerText = bytes[bytes.startIndex..<dots[0]]
        let payloadText = bytes[(dots[0] + 1)..<dots[1]]
        let signatureText = bytes[(dots[1] + 1)...]
        guard let headerBytes = Base64.decode(bytes: headerText), let header = try? JSONParser.parse(headerBytes).objectValue else {
            return .failure(CheckFailure(.failed(.joseHeader, "the JOSE header is not base64url-encoded JSON")))
        }
        guard let payloadBytes = Base64.decode(bytes: payloadText), let payload = try? JSONParser.parse(payloadBytes).objectValue else {
            return .failure(CheckFailure(.failed(.jwtClaims, "the JWS payload is not a base64url-encoded JSON object")))
        }
        guard let signature = Base64.decode(bytes: signatureText), !signature.isEmpty else {
            return .failure(CheckFailure(.failed(.signature, "the JWS has no signature")))
        }
        return .success(JWSParts(header: header, payload: payload, signingInput: Array(bytes[bytes.startIndex..<dots[1]]), signature: signature))
    }

    /// True when `text` has the shape of a compact JWS, for telling a JWT status list from a JSON one.
    static func looksCompact(_ text: String) -> Bool {
        let bytes = text.utf8.filter { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
        return bytes.starts(with: "ey".utf8) && bytes.count { $0 == UInt8(ascii: ".") } == 2
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
