/// What a body is, from its declared media type or, failing that, its first bytes.
enum BodyKind: String {
    case json, jwt, png, svg

    /// The kind a declared media type names; `nil` when the type says nothing useful (`text/plain`,
    /// `application/octet-stream`, absent), so the body is sniffed. Throws for image types that cannot carry a badge.
    static func declared(_ mediaType: String?) throws(CredentialRejection) -> BodyKind? {
        guard let mediaType else { return nil }
        let essence = mediaType.split(separator: ";", maxSplits: 1).first.map { String($0).trimmingASCIIWhitespace().lowercased() } ?? ""
        switch essence {
        case "application/json", "application/ld+json", "application/vc+ld+json", "application/vc", "application/vc+json", "text/json":
            return .json
        case "application/jwt", "application/vc+jwt", "application/vc+ld+jwt", "application/vc-ld+jwt", "application/jose", "application/jws":
            return .jwt
        case "image/png", "image/apng":
            return .png
        case "image/svg+xml", "image/svg":
            return .svg
        default:
            if essence.hasPrefix("image/") {
                throw CredentialRejection(.unsupportedMediaType, "\(essence) cannot carry a baked badge; Open Badges are baked into PNG or SVG")
            }
            return nil
        }
    }

    /// The kind the first bytes show: the PNG signature, XML markup, JSON, or a compact JWS.
    static func sniff(_ bytes: [UInt8]) -> BodyKind? {
        if bytes.starts(with: BakedPNG.signature) { return .png }
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        guard let first = bytes[start...].first(where: { !ASCIIWhitespace.contains($0) }) else { return nil }
        switch first {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""): return .json
        case UInt8(ascii: "<"): return .svg
        default: return CompactJWS.looksLikeJWS(bytes[start...]) ? .jwt : nil
        }
    }
}
