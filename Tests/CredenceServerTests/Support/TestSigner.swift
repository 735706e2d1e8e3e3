import Crypto
import Foundation
import StrictJSON

/// Makes freshly signed VC-JWT Open Badges with a key generated for the test.
struct TestSigner {
    let key = Curve25519.Signing.PrivateKey()
    let issuer: String

    init(issuer: String = "https://issuer.example/profiles/test") {
        self.issuer = issuer
    }

    static let levels = ["Foundation", "Developing", "Proficient", "Advanced"]

    /// An OB 3.0 credential (VCDM 2.0) for `subject`: one four-level rubric with `level` (0…3) achieved, an evidence
    /// link, and an alignment to `alignmentURL` (by default ESCO "deliver visual presentation of data").
    func credential(
        id: String = "urn:uuid:\(UUID())",
        subject: String = "did:example:learner-1",
        achievement: String = "Data visualisation",
        alignmentURL: String = "http://data.europa.eu/esco/skill/c3e36d05-8ae8-447f-bb2b-6f9409f85389",
        level: Int = 2,
        validFrom: String = "2025-06-01T00:00:00Z",
        validUntil: String? = nil
    ) -> JSONValue {
        let slug = achievement.lowercased().replacingOccurrences(of: " ", with: "-")
        let achievementID = "https://issuer.example/achievements/\(slug)"
        let rubric = "\(achievementID)/rubric"
        var credential: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": .string(id),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": ["id": .string(issuer), "type": ["Profile"], "name": "Test Issuer"],
            "validFrom": .string(validFrom),
            "name": .string(achievement),
            "credentialSubject": [
                "id": .string(subject),
                "type": ["AchievementSubject"],
                "achievement": [
                    "id": .string(achievementID),
                    "type": ["Achievement"],
                    "name": .string(achievement),
                    "description": "Builds clear charts from real data.",
                    "criteria": ["narrative": "Complete the project and pass the review."],
                    "alignment": [["type": ["Alignment"], "targetName": .string(achievement), "targetUrl": .string(alignmentURL), "targetFramework": "ESCO"]],
                    "resultDescription": [
                        [
                            "id": .string(rubric), "type": ["ResultDescription"], "name": "Project rubric", "resultType": "RubricCriterionLevel",
                            "rubricCriterionLevel": .array(
                                Self.levels.enumerated().map { index, name in
                                    ["id": .string("\(rubric)/\(index)"), "type": ["RubricCriterionLevel"], "name": .string(name)]
                                }
                            ),
                        ]
                    ],
                ],
                "result": [["type": ["Result"], "resultDescription": .string(rubric), "achievedLevel": .string("\(rubric)/\(level)")]],
            ],
            "evidence": [["id": .string("https://portfolio.example/\(slug)/\(UUID().uuidString.prefix(8))"), "type": ["Evidence"], "name": "Project"]],
        ]
        if let validUntil { credential["validUntil"] = .string(validUntil) }
        return .object(credential)
    }

    /// The credential as a compact JWS (EdDSA, public key embedded as `jwk`), payload = credential + JWT claims.
    func jwt(_ credential: JSONValue) throws -> String {
        let publicKey = Self.base64URL(Array(key.publicKey.rawRepresentation))
        let header: JSONValue = ["alg": "EdDSA", "typ": "JWT", "jwk": ["kty": "OKP", "crv": "Ed25519", "x": .string(publicKey)]]
        guard var payload = credential.objectValue else { throw CocoaError(.coderInvalidValue) }
        payload["iss"] = .string(issuer)
        payload["jti"] = credential["id"]
        payload["sub"] = credential["credentialSubject"]?["id"]
        if let validFrom = credential["validFrom"]?.stringValue, let date = ISO8601DateFormatter().date(from: validFrom) {
            payload["nbf"] = .number(JSONNumber(Int(date.timeIntervalSince1970)))
        }
        if let validUntil = credential["validUntil"]?.stringValue, let date = ISO8601DateFormatter().date(from: validUntil) {
            payload["exp"] = .number(JSONNumber(Int(date.timeIntervalSince1970)))
        }
        let signingInput = Self.base64URL(header.serializedBytes()) + "." + Self.base64URL(JSONValue.object(payload).serializedBytes())
        let signature = try key.signature(for: Data(signingInput.utf8))
        return signingInput + "." + Self.base64URL(Array(signature))
    }

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

extension TestApp {
    static func freshJWT() async throws -> String {
        let signer = TestSigner()
        return try signer.jwt(signer.credential())
    }
}
