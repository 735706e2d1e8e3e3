import Credentials
import Foundation
import StrictJSON

/// Builds synthetic credentials, JWTs and images for the cases the fixtures do not cover.
enum TestDocuments {
    /// A minimal valid OB 3.0 credential (VCDM 2.0), changed by `edit`.
    static func credential(_ edit: (inout JSONObject) -> Void = { _ in }) -> JSONValue {
        var credential: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": "urn:uuid:2f6f1d2c-1b1a-4c53-9a0e-6f3c1d2e3f40",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": ["id": "https://issuer.example/profile", "type": ["Profile"], "name": "Example Issuer"],
            "validFrom": "2024-05-01T12:00:00Z",
            "credentialSubject": [
                "id": "did:example:earner", "type": ["AchievementSubject"],
                "achievement": [
                    "id": "https://issuer.example/achievements/1", "type": ["Achievement"], "name": "Example Achievement",
                    "description": "An example.", "criteria": ["narrative": "Do the thing."],
                ],
            ],
            "proof": [["type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022"]],
        ]
        edit(&credential)
        return .object(credential)
    }

    /// Edits the achievement of a credential object.
    static func editAchievement(_ credential: inout JSONObject, _ edit: (inout JSONObject) -> Void) {
        guard var subject = credential["credentialSubject"]?.objectValue, var achievement = subject["achievement"]?.objectValue else { return }
        edit(&achievement)
        subject["achievement"] = .object(achievement)
        credential["credentialSubject"] = .object(subject)
    }

    /// Edits the subject of a credential object.
    static func editSubject(_ credential: inout JSONObject, _ edit: (inout JSONObject) -> Void) {
        guard var subject = credential["credentialSubject"]?.objectValue else { return }
        edit(&subject)
        credential["credentialSubject"] = .object(subject)
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// A compact JWS with a filler signature.
    static func jwt(header: JSONValue = ["alg": "RS256", "typ": "JWT"], payload: JSONValue) -> String {
        base64URL(header.serializedBytes()) + "." + base64URL(payload.serializedBytes()) + "." + base64URL(Array(repeating: 7, count: 64))
    }

    /// A VCDM 2.0 VC-JWT whose claims agree with the credential, changed by `edit`.
    static func vcJWT(_ credential: JSONValue = credential(), edit: (inout JSONObject) -> Void = { _ in }) -> String {
        var payload = credential.objectValue ?? [:]
        payload["iss"] = credential["issuer"]?["id"]
        payload["jti"] = credential["id"]
        payload["sub"] = credential["credentialSubject"]?["id"]
        payload["nbf"] = 1_714_564_800  // 2024-05-01T12:00:00Z
        if payload["validUntil"] == nil {
            payload["validUntil"] = "2030-01-01T00:00:00Z"
            payload["exp"] = 1_893_456_000
        }
        edit(&payload)
        return jwt(payload: .object(payload))
    }

    // MARK: PNG

    /// A PNG chunk with its length and CRC.
    static func chunk(_ type: String, _ data: [UInt8], corruptCRC: Bool = false) -> [UInt8] {
        let typeAndData = Array(type.utf8) + data
        var crc = crc32(typeAndData)
        if corruptCRC { crc ^= 1 }
        return bigEndian(UInt32(data.count)) + typeAndData + bigEndian(crc)
    }

    /// An iTXt chunk: keyword, compression flag and method, empty language and translated keyword, text (as a zlib
    /// stream when `compressed`).
    static func iTXt(_ keyword: String, _ text: String, compressed: Bool = false, corruptCRC: Bool = false) -> [UInt8] {
        let body = compressed ? zlibStored(Array(text.utf8)) : Array(text.utf8)
        return chunk("iTXt", Array(keyword.utf8) + [0, compressed ? 1 : 0, 0, 0, 0] + body, corruptCRC: corruptCRC)
    }

    /// A zlib stream holding `bytes` in stored (uncompressed) deflate blocks, so tests need no compressor.
    static func zlibStored(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var blocks = stride(from: 0, to: bytes.count, by: 65_535).map { Array(bytes[$0..<min($0 + 65_535, bytes.count)]) }
        if blocks.isEmpty { blocks = [[]] }
        for (i, block) in blocks.enumerated() {
            let length = UInt16(block.count)
            out += [i == blocks.count - 1 ? 1 : 0, UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)] + block
        }
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65_521
            b = (b + a) % 65_521
        }
        return out + bigEndian(b << 16 | a)
    }

    /// A 1×1 PNG with the given extra chunks between IHDR and IEND.
    static func png(_ chunks: [[UInt8]]) -> [UInt8] {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let header = chunk("IHDR", bigEndian(1) + bigEndian(1) + [8, 6, 0, 0, 0])
        return signature + header + chunks.flatMap { $0 } + chunk("IEND", [])
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
    }

    /// Bitwise CRC-32, independent of the library's table-driven one.
    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

extension CredentialParser {
    /// Parses a JSON value or text in tests.
    func parse(_ value: JSONValue, mediaType: String? = "application/ld+json") async throws(CredentialRejection) -> [ParsedCredential] {
        try await parse(value.serializedBytes(), mediaType: mediaType)
    }

    func parse(_ text: String, mediaType: String?) async throws(CredentialRejection) -> [ParsedCredential] {
        try await parse(Array(text.utf8), mediaType: mediaType)
    }
}

/// The rejection an async throwing call produces, or `nil` when it succeeds.
func rejection(_ body: () async throws(CredentialRejection) -> [ParsedCredential]) async -> CredentialRejection? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}
