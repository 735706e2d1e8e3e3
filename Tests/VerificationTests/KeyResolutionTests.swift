import Credentials
import Foundation
import StrictJSON
import Testing

@testable import Verification

/// How verification methods become keys: did:key, did:jwk, did:web, HTTPS controller documents, `issuer#z6Mk…`.
@Suite struct KeyResolutionTests {
    let signer = TestSigner()

    private func document(_ id: String, methods: [JSONObject], assertion: [String]?) -> String {
        var document: JSONObject = [
            "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"], "id": .string(id),
            "verificationMethod": .array(methods.map { .object($0) }),
        ]
        if let assertion { document["assertionMethod"] = .array(assertion.map { .string($0) }) }
        return JSONValue.object(document).serialized()
    }

    @Test func multikeysDecodeForEachCurve() throws {
        let vectors = [
            ("z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", "Ed25519"),
            ("zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP", "P-256"),
            ("z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ", "P-384"),
        ]
        for (multibase, type) in vectors {
            let key = try Multikey.decode(multibase)
            #expect(key.typeName == type)
            #expect(Multikey.encode(key) == multibase)
        }
        #expect(throws: Multikey.DecodingError.self) { try Multikey.decode("z6MkjZRsdasZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi") }
    }

    @Test func didWebDocumentLocations() {
        #expect(DecentralizedIdentifier.webDocumentURL("did:web:example.com") == "https://example.com/.well-known/did.json")
        #expect(DecentralizedIdentifier.webDocumentURL("did:web:example.com:issuers:42") == "https://example.com/issuers/42/did.json")
        #expect(DecentralizedIdentifier.webDocumentURL("did:web:localhost%3A8443:u") == "https://localhost:8443/u/did.json")
        #expect(DecentralizedIdentifier.webDocumentURL("did:web:") == nil)
    }

    @Test func didWebIssuerVerifies() async throws {
        let key = TestKey.p256()
        let did = "did:web:issuer.example:org:1"
        let method = did + "#key-1"
        let fetcher = MutableFetcher()
        fetcher.set(
            "https://issuer.example/org/1/did.json",
            json: document(did, methods: [key.verificationMethod(id: method, controller: did)], assertion: [method])
        )
        let signed = try signer.sign(TestSigner.credential(issuer: did), suite: "ecdsa-rdfc-2019", key: key, method: method)
        let verifier = TestVerifier.make(fetcher: fetcher)
        let report = await verifier.verify(.embedded(signed))
        #expect(report.outcome == .verified, "\(TestVerifier.summary(report)) \(report.details)")
        #expect(report.outcomes(.keyBinding) == [.passed])
        // The DID document is cached: a second verification does not fetch it again.
        _ = await verifier.verify(.embedded(signed))
        #expect(fetcher.requests(for: "https://issuer.example/org/1/did.json") == 1)
    }

    @Test func didWebKeyNotAuthorisedForAssertionsFails() async throws {
        let key = TestKey.ed25519()
        let did = "did:web:issuer.example"
        let fetcher = MutableFetcher()
        fetcher.set(
            "https://issuer.example/.well-known/did.json",
            json: document(did, methods: [key.verificationMethod(id: did + "#key-1", controller: did)], assertion: [did + "#key-2"])
        )
        let signed = try signer.sign(TestSigner.credential(issuer: did), suite: "eddsa-rdfc-2022", key: key, method: did + "#key-1")
        let report = await TestVerifier.make(fetcher: fetcher).verify(.embedded(signed))
        #expect(report.outcome == .failed)
        #expect(report.check(.keyBinding)?.detail.contains("assertionMethod") == true)
    }

    @Test func unreachableDidDocumentIsUnverifiable() async throws {
        let key = TestKey.ed25519()
        let signed = try signer.sign(
            TestSigner.credential(issuer: "did:web:gone.example"),
            suite: "eddsa-rdfc-2022",
            key: key,
            method: "did:web:gone.example#key-1"
        )
        let report = await TestVerifier.make().verify(.embedded(signed))
        #expect(report.outcome == .unverifiable)
        #expect(report.check(.key)?.detail.contains("not available offline") == true)
    }

    @Test func didJWKIssuerVerifies() async throws {
        let key = TestKey.p384()
        let signed = try signer.sign(TestSigner.credential(issuer: key.didJWK), suite: "ecdsa-jcs-2019", key: key, method: key.didJWK + "#0")
        let report = await TestVerifier.make().verify(.embedded(signed))
        #expect(report.outcome == .verified, "\(TestVerifier.summary(report)) \(report.details)")
    }

    @Test func httpsControllerDocumentVerifies() async throws {
        let key = TestKey.ed25519()
        let issuer = "https://issuer.example/profile"
        let fetcher = MutableFetcher()
        var profile: JSONObject = ["id": .string(issuer), "type": ["Profile"], "name": "Issuer"]
        profile["verificationMethod"] = [.object(key.verificationMethod(id: issuer + "#key-1", controller: issuer))]
        profile["assertionMethod"] = ["#key-1"]
        fetcher.set(issuer, json: JSONValue.object(profile).serialized())
        let signed = try signer.sign(TestSigner.credential(issuer: issuer), suite: "Ed25519Signature2020", key: key, method: issuer + "#key-1")
        let report = await TestVerifier.make(fetcher: fetcher).verify(.embedded(signed))
        #expect(report.outcome == .verified, "\(TestVerifier.summary(report)) \(report.details)")
        #expect(report.outcomes(.keyBinding) == [.passed])
    }

    @Test func fragmentKeyIsConfirmedWhenTheIssuerPublishesIt() async throws {
        let key = TestKey.ed25519()
        let issuer = "https://issuer.example/profile"
        let method = issuer + "#" + key.multikey
        let signed = try signer.sign(TestSigner.credential(issuer: issuer), suite: "eddsa-rdfc-2022", key: key, method: method)

        let unconfirmed = await TestVerifier.make().verify(.embedded(signed))
        #expect(unconfirmed.outcome == .verified)
        #expect(unconfirmed.outcomes(.keyBinding) == [.warning])

        let strict = await TestVerifier.make(options: VerificationOptions(unconfirmedKeys: .reject)).verify(.embedded(signed))
        #expect(strict.outcome == .unverifiable)

        let fetcher = MutableFetcher()
        fetcher.set(issuer, json: document(issuer, methods: [key.verificationMethod(id: method, controller: issuer)], assertion: nil))
        let confirmed = await TestVerifier.make(fetcher: fetcher, options: VerificationOptions(unconfirmedKeys: .reject)).verify(.embedded(signed))
        #expect(confirmed.outcome == .verified)
        #expect(confirmed.outcomes(.keyBinding) == [.passed])
    }

    /// A document on another host that names the issuer as its id, or as its key's controller, does not speak for the issuer.
    @Test func documentsCannotClaimSomeoneElsesKeys() async throws {
        let key = TestKey.ed25519()
        let issuer = "https://university.example/issuer"
        let fetcher = MutableFetcher()
        let impostor: JSONObject = [
            "id": .string(issuer), "verificationMethod": [.object(key.verificationMethod(id: "https://attacker.example/keys#k", controller: issuer))],
        ]
        fetcher.set("https://attacker.example/keys", json: JSONValue.object(impostor).serialized())
        var honestID = impostor
        honestID["id"] = "https://attacker.example/keys"
        fetcher.set(
            "https://attacker.example/other", json: JSONValue.object(honestID).serialized().replacingOccurrences(of: "keys#k", with: "other#k"))
        for method in ["https://attacker.example/keys#k", "https://attacker.example/other#k"] {
            let signed = try signer.sign(TestSigner.credential(issuer: issuer), suite: "eddsa-rdfc-2022", key: key, method: method)
            let report = await TestVerifier.make(fetcher: fetcher).verify(.embedded(signed))
            #expect(report.outcome == .failed, "\(method): \(TestVerifier.summary(report)) \(report.details)")
        }
    }

    /// A verification method served as its own document is trusted once its controller's document lists it.
    @Test func standaloneVerificationMethodDocument() async throws {
        let key = TestKey.p256()
        let issuer = "https://issuer.example/profile"
        let method = "https://issuer.example/keys/1"
        let fetcher = MutableFetcher()
        fetcher.set(method, json: JSONValue.object(key.verificationMethod(id: method, controller: issuer)).serialized())
        let signed = try signer.sign(TestSigner.credential(issuer: issuer), suite: "ecdsa-rdfc-2019", key: key, method: method)
        let unlisted = await TestVerifier.make(fetcher: fetcher).verify(.embedded(signed))
        #expect(unlisted.outcome == .unverifiable, "\(unlisted.details)")
        fetcher.set(issuer, json: JSONValue.object(["id": .string(issuer), "assertionMethod": [.string(method)]]).serialized())
        let listed = await TestVerifier.make(fetcher: fetcher).verify(.embedded(signed))
        #expect(listed.outcome == .verified, "\(TestVerifier.summary(listed)) \(listed.details)")
    }

    /// An issuer whose profile publishes its keys refutes a fragment key it does not list: a forgery, not a gap.
    @Test func fragmentKeyTheIssuerDoesNotListFails() async throws {
        let key = TestKey.ed25519()
        let issuer = "https://issuer.example/profile"
        let fetcher = MutableFetcher()
        let published = TestKey.ed25519().verificationMethod(id: issuer + "#key-1", controller: issuer)
        fetcher.set(issuer, json: document(issuer, methods: [published], assertion: [issuer + "#key-1"]))
        let signed = try signer.sign(TestSigner.credential(issuer: issuer), suite: "eddsa-rdfc-2022", key: key, method: issuer + "#" + key.multikey)
        let report = await TestVerifier.make(fetcher: fetcher).verify(.embedded(signed))
        #expect(report.outcome == .failed)
        #expect(report.check(.keyBinding)?.detail.contains("not among those the issuer publishes") == true)
    }

    @Test func fragmentKeyUnderAnotherURLThanTheIssuerFails() async throws {
        let key = TestKey.ed25519()
        let method = "https://attacker.example/me#" + key.multikey
        let signed = try signer.sign(TestSigner.credential(issuer: "https://university.example"), suite: "eddsa-rdfc-2022", key: key, method: method)
        let report = await TestVerifier.make().verify(.embedded(signed))
        #expect(report.outcome == .failed)
        #expect(report.check(.keyBinding)?.detail.contains("is not under the issuer") == true)
    }

    @Test(arguments: [
        ("z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x", VerificationOutcome.failed, "is not a URL"),
        ("xxx:z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x", .failed, "unsupported scheme"),
        ("did:example:z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x", .unverifiable, "DID method \"example\""),
        ("https://example.edu/issuers/565049#z6MkjZRsdasZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi", .failed, "not a supported Multikey"),
        ("did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi#z6Other", .failed, "must repeat the key"),
    ])
    func badVerificationMethods(method: String, outcome: VerificationOutcome, reason: String) async throws {
        let key = TestKey.ed25519()
        let signed = try signer.sign(
            TestSigner.credential(issuer: "https://example.edu/issuers/565049"),
            suite: "eddsa-rdfc-2022",
            key: key,
            method: method
        )
        let report = await TestVerifier.make().verify(.embedded(signed))
        #expect(report.outcome == outcome, "\(TestVerifier.summary(report))")
        #expect(report.check(.key)?.detail.contains(reason) == true, "\(report.details)")
    }
}
