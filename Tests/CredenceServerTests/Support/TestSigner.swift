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

    /// An OB 3.0 credential (VCDM 2.0) for `subject`, with one rubric level achieved and one ESCO alignment.
    func credential(id: String = "urn:uuid:\(UUID())", subject: String = "did:example:learner-1", achievement: String = "Data visualisation") -> JSONValue {
        [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": .string(id),
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": ["id": .string(issuer), "type": ["Profile"], "name": "Test Issuer"],
            "validFrom": "2025-06-01T00:00:00Z",
            "name": .string(achievement),
            "credentialSubject": [
                "id": .string(subject),
                "type": ["AchievementSubject"],
                "achievement": [
                    "id": .string("https://issuer.example/achievements/\(achievement.lowercased().replacingOccurrences(of: " ", with: "-"))"),
                    "type": ["Achievement"],
                    "name": .string(achievement),
                    "description": "Builds clear charts from real data.",
                    "criteria": ["narrative": "Complete the project and pass the review."],
                    "alignment": [
                        [
                            "type": ["Alignment"], "targetName": "create data visualisations",
                            "targetUrl": "http://data.europa.eu/esco/skill/b8c7ebc2-2b7f-4ba2-a8b4-d2f0a8c1e1c4", "targetFramework": "ESCO",
                        ]
                    ],
                ],
            ],
        ]
    }

    /// The credential as a compact JWS (EdDSA, public key embedded as `jwk`), payload = credential + JWT claims.
    func jwt(_ credential: JSONValue) throws -> String {
        let publicKey = Self.base64URL(Array(key.publicKey.rawRepresentation))
        let header: JSONValue = ["alg": "EdDSA", "typ": "JWT", "jwk": ["kty": "OKP", "crv": "Ed25519", "x": .string(publicKey)]]
        guard var payload = credential.objectValue else { throw CocoaError(.coderInvalidValue) }
        payload["iss"] = .string(issuer)
        payload["jti"] = credential["id"]
        payload["sub"] = credential["credentialSubject"]?["id"]
        payload["nbf"] = 1_748_736_000
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
