import StrictJSON

/// Finds the credential baked into a PNG: an `iTXt` chunk with keyword `openbadgecredential` (OB 3.0) or an
/// `iTXt`/`tEXt`/`zTXt` chunk with keyword `openbadges` (OB 2.0). Every chunk's length and CRC are checked.
enum BakedPNG {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let keywords = ["openbadgecredential", "openbadges"]

    /// The baked text's bytes (UTF-8; `tEXt` Latin-1 is converted).
    static func credentialText(in png: [UInt8], limits: ParseLimits, log: FindingLog) throws(CredentialRejection) -> [UInt8] {
        guard png.count >= 8, Array(png[0..<8]) == signature else {
            throw CredentialRejection(.malformedPNG, "the body does not start with the PNG signature")
        }
        var found: [[UInt8]] = []
        var position = 8
        var sawEnd = false
        while position < png.count {
            // Damage after an intact credential chunk spoils the picture, not the credential.
            if !found.isEmpty && position + 12 > png.count { break }
            guard position + 8 <= png.count else {
                throw CredentialRejection(.malformedPNG, "the PNG ends inside a chunk header at byte \(position)")
            }
            let length = Int(png[position]) << 24 | Int(png[position + 1]) << 16 | Int(png[position + 2]) << 8 | Int(png[position + 3])
            let typeBytes = png[(position + 4)..<(position + 8)]
            guard length <= Int(Int32.max), typeBytes.allSatisfy(isLetter) else {
                if !found.isEmpty { break }
                throw CredentialRejection(.malformedPNG, "invalid chunk header at byte \(position)")
            }
            let dataStart = position + 8
            guard length <= png.count - dataStart - 4 else {
                if !found.isEmpty { break }
                throw CredentialRejection(.malformedPNG, "the PNG is truncated: a \(length)-byte chunk at byte \(position) runs past the end")
            }
            let data = png[dataStart..<(dataStart + length)]
            let type = String(decoding: typeBytes, as: UTF8.self)
            let stored =
                UInt32(png[dataStart + length]) << 24 | UInt32(png[dataStart + length + 1]) << 16
                | UInt32(png[dataStart + length + 2]) << 8 | UInt32(png[dataStart + length + 3])
            let intact = CRC32.checksum(png[(position + 4)..<(dataStart + length)]) == stored
            if type == "iTXt" || type == "tEXt" || type == "zTXt", let text = try credentialText(type: type, data: data, limits: limits) {
                guard intact else {
                    throw CredentialRejection(
                        .pngChecksum,
                        "the CRC of the \(type) chunk holding the credential (byte \(position)) does not match: it was altered or damaged"
                    )
                }
                found.append(text)
            } else if !intact {
                log.warn(.pngChecksum, "the CRC of the \(type) chunk at byte \(position) does not match; the image may be damaged", at: .root)
            }
            position = dataStart + length + 4
            if type == "IEND" {
                sawEnd = true
                break
            }
        }
        if !sawEnd { log.warn(.pngTruncated, "the PNG has no IEND chunk; it may be truncated", at: .root) }
        guard let text = found.first else {
            throw CredentialRejection(.noBakedCredential, "the PNG has no openbadgecredential (or openbadges) text chunk")
        }
        guard found.count == 1 else {
            throw CredentialRejection(.multipleBakedCredentials, "the PNG holds \(found.count) credential chunks; a baked badge holds exactly one")
        }
        return text
    }

    /// The text of a chunk whose keyword marks a baked badge; `nil` for other text chunks.
    private static func credentialText(type: String, data: ArraySlice<UInt8>, limits: ParseLimits) throws(CredentialRejection) -> [UInt8]? {
        guard let keywordEnd = data.firstIndex(of: 0) else { return nil }
        let keyword = String(decoding: data[data.startIndex..<keywordEnd], as: UTF8.self)
        guard keywords.contains(keyword) else { return nil }
        var rest = data[(keywordEnd + 1)...]
        let text: [UInt8]
        switch type {
        case "tEXt":
            text = latin1ToUTF8(rest)
        case "zTXt":
            guard rest.count >= 1 else { throw CredentialRejection(.malformedPNG, "the zTXt chunk has no compression method") }
            text = try CompressedText.inflate(Array(rest.dropFirst()), maxOutput: limits.maxDocumentBytes)
        default:
            // iTXt: compression flag, method, language tag NUL, translated keyword NUL, then UTF-8 text.
            guard rest.count >= 2 else { throw CredentialRejection(.malformedPNG, "the iTXt chunk is cut short") }
            let compressed = rest[rest.startIndex] == 1
            rest = rest.dropFirst(2)
            guard let languageEnd = rest.firstIndex(of: 0) else {
                throw CredentialRejection(.malformedPNG, "the iTXt chunk has no language tag terminator")
            }
            rest = rest[(languageEnd + 1)...]
            guard let translatedEnd = rest.firstIndex(of: 0) else {
                throw CredentialRejection(.malformedPNG, "the iTXt chunk has no translated keyword terminator")
            }
            rest = rest[(translatedEnd + 1)...]
            text = compressed ? try CompressedText.inflate(Array(rest), maxOutput: limits.maxDocumentBytes) : Array(rest)
        }
        guard text.count <= limits.maxDocumentBytes else {
            throw CredentialRejection(.documentTooLarge, "the baked credential is larger than \(limits.maxDocumentBytes) bytes")
        }
        return text
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    /// `tEXt` is ISO 8859-1, whose code points equal the first 256 Unicode scalars.
    private static func latin1ToUTF8(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(where: { $0 >= 0x80 }) else { return Array(bytes) }
        var out = [UInt8]()
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                out.append(0xC0 | byte >> 6)
                out.append(0x80 | byte & 0x3F)
            }
        }
        return out
    }
}
