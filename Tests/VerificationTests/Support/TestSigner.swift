import Crypto
import Foundation
import StrictJSON

@testable import Verification

/// Issues credentials in tests: Data Integrity proofs (with the canonicaliser under test) and compact JWS.
struct TestSigner {
    var canonicalizer: any CredentialCanonicalizer = SortedJSONCanonicalizer()

    /// Adds a proof of `suite` (a cryptosuite name, or "Ed25519Signature2020") made with `key`, naming `method`.
    func sign(
        _ document: JSONObject,
        suite: String,
        key: TestKey,
        method: String,
        created: String = "2025-01-01T00:00:00Z",
        extra: JSONObject = [:]
    ) throws -> JSONObject {
        var proof: JSONObject =
            suite == "Ed25519Signature2020"
            ? ["type": "Ed25519Signature2020"] : ["type": "DataIntegrityProof", "cryptosuite": .string(suite)]
        proof["created"] = .string(created)
        proof["verificationMethod"] = .string(method)
        proof["proofPurpose"] = "assertionMethod"
        for (name, value) in extra { proof[name] = value }

        var unsecured = document.removing("proof")
        if let previous = extra["previousProof"] {
            let ids = previous.asList.compactMap(\.stringValue)
            let existing = (document["proof"]?.asList ?? []).filter { ids.contains($0["id"]?.stringValue ?? "") }
            unsecured["proof"] = .array(existing)
        }
        var configuration = proof
        configuration["@context"] = document["@context"]
        let jcs = suite.contains("jcs")
        let configurationBytes = jcs ? try canonicalizer.jcs(.object(configuration)) : try canonicalizer.canonicalNQuads(of: .object(configuration))
        let documentBytes = jcs ? try canonicalizer.jcs(.object(unsecured)) : try canonicalizer.canonicalNQuads(of: .object(unsecured))
        let hashData: [UInt8]
        if case .p384 = key {
            hashData = Array(SHA384.hash(data: configurationBytes)) + Array(SHA384.hash(data: documentBytes))
        } else {
            hashData = Array(SHA256.hash(data: configurationBytes)) + Array(SHA256.hash(data: documentBytes))
        }
        proof["proofValue"] = .string("z" + Base58.encode(try key.sign(hashData)))

        var signed = document
        let proofs = (document["proof"]?.asList ?? []) + [.object(proof)]
        signed["proof"] = proofs.count == 1 ? .object(proof) : .array(proofs)
        return signed
    }

    /// A compact JWS of `payload` with `header` (alg filled in from the key unless given).
    static func jws(_ payload: JSONObject, header: JSONObject, key: TestKey, pss: Bool = false) throws -> String {
        var header = header
        if header["alg"] == nil { header["alg"] = .string(pss ? "PS256" : key.joseAlgorithm) }
        let input =
            Base64.urlEncoded(JSONValue.object(header).serializedBytes()) + "." + Base64.urlEncoded(JSONValue.object(payload).serializedBytes())
        return input + "." + Base64.urlEncoded(try key.sign(Array(input.utf8), pss: pss))
    }

    /// A minimal OpenBadgeCredential (VCDM 2.0) from `issuer`.
    static func credential(issuer: String, name: String = "Teamwork", extra: JSONObject = [:]) -> JSONObject {
        var credential: JSONObject = [
            "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": "urn:uuid:7d5c1b1e-2f43-4a44-9d4c-0e6d1b0c1a01",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": ["id": .string(issuer), "type": ["Profile"], "name": "Test Issuer"],
            "validFrom": "2025-01-01T00:00:00Z",
            "name": "Teamwork Badge",
            "credentialSubject": [
                "id": "did:example:learner",
                "type": ["AchievementSubject"],
                "achievement": [
                    "id": "https://example.com/achievements/teamwork", "type": ["Achievement"], "name": .string(name),
                    "description": "Works well in teams.", "criteria": ["narrative": "Nominated by peers."],
                ],
            ],
        ]
        for (member, value) in extra { credential[member] = value }
        return credential
    }
}
