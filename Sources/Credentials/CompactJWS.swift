import StrictJSON

/// A compact JWS split and decoded: the JOSE header and the JSON payload. The signature is left to the verifier.
struct CompactJWS {
    /// The JWS text without any whitespace it was wrapped in.
    let compact: String
    let header: JSONObject
    let payload: JSONValue

    /// True when the text has the shape of a compact JWS: base64url segments separated by exactly two dots.
    static func looksLikeJWS(_ bytes: some Collection<UInt8>) -> Bool {
        var dots = 0
        var characters = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                dots += 1
            } else if Base64URL.isAlphabet(byte) || byte == UInt8(ascii: "=") {
                characters += 1
            } else if !ASCIIWhitespace.contains(byte) {
                return false
            }
        }
        return dots == 2 && characters > 0
    }

    /// Decodes header and payload. `base` is where the JWS sits (a CLR member); problems inside the payload are
    /// reported relative to it.
    static func decode(_ bytes: [UInt8], limits: JSONLimits, log: FindingLog, at base: JSONPointer) throws(CredentialRejection) -> CompactJWS {
        let trimmed = ASCIIWhitespace.trimming(bytes)
        var text = Array(trimmed)
        if text.contains(where: ASCIIWhitespace.contains) {
            text.removeAll(where: ASCIIWhitespace.contains)
            log.warn(.whitespaceInJWS, "the compact JWS contains line breaks or spaces; they were removed", at: base)
        }
        let segments = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        if segments.count == 5 {
            throw CredentialRejection(.malformedJWS, "this is an encrypted JWE; only signed JWS credentials can be read", at: base)
        }
        guard segments.count == 3 else {
            throw CredentialRejection(.malformedJWS, "a compact JWS has three dot-separated parts; found \(segments.count)", at: base)
        }
        guard let headerBytes = Base64URL.decode(segments[0]), !headerBytes.isEmpty else {
            throw CredentialRejection(.malformedJWS, "the JOSE header is not base64url", at: base)
        }
        guard let payloadBytes = Base64URL.decode(segments[1]), !payloadBytes.isEmpty else {
            throw CredentialRejection(.malformedJWS, "the JWS payload is not base64url", at: base)
        }
        guard Base64URL.decode(segments[2]) != nil else {
            throw CredentialRejection(.malformedJWS, "the JWS signature is not base64url", at: base)
        }
        let header = try JSONDocument.parse(headerBytes, limits: limits, at: base, what: "the JOSE header")
        guard let headerObject = header.objectValue else {
            throw CredentialRejection(.invalidJOSEHeader, "the JOSE header must be a JSON object", at: base)
        }
        guard let alg = headerObject["alg"]?.stringValue, !alg.isEmpty else {
            throw CredentialRejection(.invalidJOSEHeader, "the JOSE header has no \"alg\"", at: base)
        }
        if alg.lowercased() == "none" || segments[2].isEmpty {
            log.warn(
                .unsecuredJWT,
                "the JWS is unsecured (alg \"\(alg)\"\(segments[2].isEmpty ? ", empty signature" : "")); it cannot be verified",
                at: base
            )
        }
        let payload = try JSONDocument.parse(payloadBytes, limits: limits, at: base, what: "the JWS payload")
        return CompactJWS(compact: String(decoding: text, as: UTF8.self), header: headerObject, payload: payload)
    }

    /// The proof summary a JWS stands for: its algorithm and key id.
    var proofSummary: ProofSummary {
        ProofSummary(type: "JWS/" + (header["alg"]?.stringValue ?? "?"), verificationMethod: header["kid"]?.stringValue)
    }
}
