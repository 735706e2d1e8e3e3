import Credentials
import Foundation
import StrictJSON
import Testing

@testable import Verification

/// Credentials signed in the test with freshly generated keys, for every suite and key type, and the ways they must fail.
@Suite struct DataIntegrityTests {
    let signer = TestSigner()

    static let suites: [(String, @Sendable () -> TestKey)] = [
        ("eddsa-rdfc-2022", TestKey.ed25519), ("eddsa-2022", TestKey.ed25519), ("eddsa-jcs-2022", TestKey.ed25519),
        ("Ed25519Signature2020", TestKey.ed25519), ("ecdsa-rdfc-2019", TestKey.p256), ("ecdsa-rdfc-2019", TestKey.p384),
        ("ecdsa-jcs-2019", TestKey.p256), ("ecdsa-jcs-2019", TestKey.p384),
    ]

    @Test(arguments: 0..<suites.count)
    func freshCredentialVerifiesWithADidKeyIssuer(index: Int) async throws {
        let (suite, makeKey) = Self.suites[index]
        let key = makeKey()
        let credential = TestSigner.credential(issuer: key.didKey)
        let signed = try signer.sign(credential, suite: suite, key: key, method: key.didKeyMethod)
        let report = await TestVerifier.make().verify(.embedded(signed))
        #expect(report.outcome == .verified, "\(suite): \(TestVerifier.summary(report)) \(report.details)")
        #expect(report.outcomes(.keyBinding) == [.passed])
        #expect(report.keyID == key.didKeyMethod)
        // Superseded suites verify but say so.
        #expect(report.outcomes(.proof) == [suite == "eddsa-2022" || suite == "Ed25519Signature2020" ? .warning : .passed])
    }

    @Test(arguments: 0..<suites.count)
    func signatureByAnotherKeyFails(index: Int) async throws {
        let (suite, makeKey) = Self.suites[index]
        let named = makeKey()
        let actual = makeKey()
        let signed = try signer.sign(TestSigner.credential(issuer: named.didKey), suite: suite, key: actual, method: named.didKeyMethod)
        let report = await TestVerifier.make().verify(.embedded(signed))
        #expect(report.outcome == .failed)
        #expect(report.outcomes(.signature) == [.failed])
    }

    @Test func keyOfAnotherControllerFails() async throws {
        let issuerKey = TestKey.ed25519()
        let other = TestKey.ed25519()
        let signed = try signer.sign(
            TestSigner.credential(issuer: issuerKey.didKey),
            suite: "eddsa-rdfc-2022",
            key: other,
            method: other.didKeyMethod
        )
        let report = await TestVerifier.make().verify(.embedded(signed))
        #expect(report.outcome == .failed)
        #expect(report.outcomes(.signature) == [.passed])
        #expect(report.outcomes(.keyBinding) == [.failed])
        #expect(report.check(.keyBinding)?.detail.contains("is not the issuer") == true)
    }

    @Test func suiteMustFitTheKeyType() async throws {
        let key = TestKey.p256()
        let signed = try signer.sign(TestSigner.credential(issuer: key.didKey), suite: "eddsa-rdfc-2022", key: key, method: key.didKeyMethod)
        let report = await TestVerifier.make().verify(.embedded(signed))
        #expect(report.outcome == .failed)
        #expect(report.check(.signature)?.detail.contains("cannot be made with a P-256 key") == true)
    }

    /// Every kind of edit a forger would make: a name, a date, an evidence URL, the proof value.
    @Test(arguments: ["name", "date", "evidence", "proofValue", "issuer"])
    func tamperedCredentialFails(edit: String) async throws {
        let key = TestKey.ed25519()
        var credential = TestSigner.credential(issuer: key.didKey)
        credential["evidence"] = [["id": "https://example.com/evidence/1", "type": ["Evidence"]]]
        var signed = try signer.sign(credential, suite: "eddsa-rdfc-2022", key: key, method: key.didKeyMethod)
        switch edit {
        case "name": signed["name"] = "Teamwork Badgf"
        case "date": signed["validFrom"] = "2025-01-02T00:00:00Z"
        case "evidence": signed["evidence"] = [["id": "https://example.com/evidence/2", "type": ["Evidence"]]]
        case "issuer": signed["issuer"] = ["id": .string(key.didKey), "type": ["Profile"], "name": "Another Issuer"]
        default:
            var proof = signed["proof"]?.objectValue ?? [:]
            var value = Array(proof["proofValue"]?.stringValue ?? "")
            value[20] = value[20] == "z" ? "y" : "z"
            proof["proofValue"] = .string(String(value))
            signed["proof"] = .object(proof)
        }
        let report = await TestVerifier.make().verify(.embedded(signed))
        #expect(report.outcome == .failed, "\(edit): \(TestVerifier.summary(report))")
        #expect(report.outcomes(.signature) == [.failed])
    }

    @Test func credentialWithoutProofIsUnverifiable() async throws {
        let report = await TestVerifier.make().verify(.embedded(TestSigner.credential(issuer: "https://example.com/issuer")))
        #expect(report.outcome == .unverifiable)
        #expect(report.check(.proof)?.detail.contains("no proof") == true)
    }

    @Test func proofForAnotherPurposeFails() async throws {
        let key = TestKey.ed25519()
        let signed = try signer.sign(
            TestSigner.credential(issuer: key.didKey),
            suite: "eddsa-rdfc-2022",
            key: key,
            method: key.didKeyMethod,
            extra: ["proofPurpose": "authentication"]
        )
        let report = await TestVerifier.make().verify(.embedded(signed))
        #expect(report.outcome == .failed)
        #expect(report.check(.proof)?.detail.contains("not assertionMethod") == true)
    }

    @Test func expiredProofFails() async throws {
        let key = TestKey.ed25519()
        let signed = try signer.sign(
            TestSigner.credential(issuer: key.didKey),
            suite: "eddsa-rdfc-2022",
            key: key,
            method: key.didKeyMethod,
            extra: ["expires": "2026-01-01T00:00:00Z"]
        )
        let report = await TestVerifier.make().verify(.embedded(signed))
        #expect(report.outcome == .failed)
        #expect(report.check(.proof)?.detail.contains("expired") == true)
    }

    @Test func unknownProofTypeIsSkippedWhenAnotherProofVerifies() async throws {
        let key = TestKey.ed25519()
        var credential = TestSigner.credential(issuer: key.didKey)
        credential["proof"] = ["type": "SomeProofType", "proofValue": "abc"]
        let signed = try signer.sign(credential, suite: "eddsa-rdfc-2022", key: key, method: key.didKeyMethod)
        let report = await TestVerifier.make().verify(.embedded(signed))
        #expect(report.outcome == .verified, "\(TestVerifier.summary(report))")
        #expect(report.outcomes(.proof) == [.skipped, .passed])
    }

    @Test func onlyUnknownProofTypesIsUnverifiable() async throws {
        var credential = TestSigner.credential(issuer: "https://example.com/issuer")
        credential["proof"] = ["type": "DataIntegrityProof", "cryptosuite": "ecdsa-sd-2023", "proofValue": "uabc"]
        let report = await TestVerifier.make().verify(.embedded(credential))
        #expect(report.outcome == .unverifiable)
        #expect(report.check(.proof)?.detail.contains("ecdsa-sd-2023") == true)
    }

    @Test func proofSetIsAcceptedOnAnyIssuerProof() async throws {
        let issuerKey = TestKey.ed25519()
        let stranger = TestKey.p256()
        let first = try signer.sign(
            TestSigner.credential(issuer: issuerKey.didKey),
            suite: "ecdsa-rdfc-2019",
            key: stranger,
            method: stranger.didKeyMethod
        )
        let both = try signer.sign(first, suite: "eddsa-rdfc-2022", key: issuerKey, method: issuerKey.didKeyMethod)
        let report = await TestVerifier.make().verify(.embedded(both))
        #expect(report.outcome == .verified, "\(TestVerifier.summary(report))")
        #expect(report.keyID == issuerKey.didKeyMethod)
        // The stranger's proof is valid but not the issuer's: kept as a warning.
        #expect(report.outcomes(.proof).contains(.warning))
    }

    @Test func proofChainIsVerifiedWithItsPreviousProof() async throws {
        let issuerKey = TestKey.ed25519()
        let notary = TestKey.ed25519()
        let first = try signer.sign(
            TestSigner.credential(issuer: issuerKey.didKey),
            suite: "eddsa-rdfc-2022",
            key: issuerKey,
            method: issuerKey.didKeyMethod,
            extra: ["id": "urn:uuid:first"]
        )
        let chained = try signer.sign(
            first,
            suite: "eddsa-rdfc-2022",
            key: notary,
            method: notary.didKeyMethod,
            extra: ["previousProof": "urn:uuid:first"]
        )
        let report = await TestVerifier.make().verify(.embedded(chained))
        #expect(report.outcome == .verified)
        // The chained proof verifies only with its previous proof included; it is by another key, hence a warning.
        #expect(report.outcomes(.proof) == [.passed, .warning])
        #expect(report.details.contains("another proof verified"))

        var broken = chained
        var proofs = broken["proof"]?.arrayValue ?? []
        proofs[0] = .object(proofs[0].objectValue?.removing("id") ?? [:])
        broken["proof"] = .array(proofs)
        let brokenReport = await TestVerifier.make().verify(.embedded(broken))
        #expect(brokenReport.details.contains("previous proof urn:uuid:first that is not present"))
    }
}
