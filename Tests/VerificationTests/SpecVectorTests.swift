import Credentials
import Crypto
import Foundation
import StrictJSON
import Testing

@testable import Verification

/// The W3C VC-DI-EdDSA / VC-DI-ECDSA and 1EdTech OB 3.0 test vectors, verified with their published canonical forms,
/// so the hashing and signature steps are checked independently of the RDFC implementation.
@Suite struct SpecVectorTests {
    /// A canonicaliser that answers with the vector's canonical document and proof configuration.
    private func table(signed: JSONObject, documentCanon: String, proofCanon: String, jcs: Bool) throws -> TableCanonicalizer {
        var proof = signed["proof"]?.objectValue ?? [:]
        proof["proofValue"] = nil
        if proof["@context"] == nil { proof["@context"] = signed["@context"] }
        let document = JSONValue.object(signed.removing("proof"))
        var table = TableCanonicalizer()
        let documentBytes = try Fixtures.bytes(documentCanon)
        let proofBytes = try Fixtures.bytes(proofCanon)
        if jcs {
            table.jcsForms = [document: documentBytes, .object(proof): proofBytes]
        } else {
            table.nquads = [document: documentBytes, .object(proof): proofBytes]
        }
        return table
    }

    /// The vectors sign with a did:key that is not their issuer, so the issuer binding is relaxed to a warning here.
    private func verify(_ path: String, documentCanon: String, proofCanon: String, jcs: Bool = false) async throws -> VerificationReport {
        let signed = try Fixtures.object(path)
        let canonicalizer = try table(signed: signed, documentCanon: documentCanon, proofCanon: proofCanon, jcs: jcs)
        let verifier = TestVerifier.make(canonicalizer: canonicalizer, options: VerificationOptions(requireIssuerKeyBinding: false))
        return await verifier.verify(.embedded(signed))
    }

    @Test(arguments: [
        ("w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/", "signedDataInt.json", "canonDocDataInt.txt", "proofCanonDataInt.txt", false),
        ("w3c-vc-di-eddsa/TestVectors/eddsa-jcs-2022/", "signedJCS.json", "canonDocJCS.txt", "proofCanonJCS.txt", true),
        ("w3c-vc-di-eddsa/TestVectors/Ed25519Signature2020/", "signedEdSig.json", "canonDocEdSig.txt", "proofCanonEdSig.txt", false),
        ("w3c-vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p256/", "signedECDSAP256.json", "canonDocECDSAP256.txt", "proofCanonECDSAP256.txt", false),
        ("w3c-vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p384/", "signedECDSAP384.json", "canonDocECDSAP384.txt", "proofCanonECDSAP384.txt", false),
        (
            "w3c-vc-di-ecdsa/TestVectors/ecdsa-jcs-2019-p256/", "signedJCSECDSAP256.json", "canonDocJCSECDSAP256.txt", "proofCanonJCSECDSAP256.txt",
            true
        ),
        (
            "w3c-vc-di-ecdsa/TestVectors/ecdsa-jcs-2019-p384/", "signedJCSECDSAP384.json", "canonDocJCSECDSAP384.txt", "proofCanonJCSECDSAP384.txt",
            true
        ),
    ])
    func w3cVectorVerifies(folder: String, signed: String, documentCanon: String, proofCanon: String, jcs: Bool) async throws {
        let report = try await verify(folder + signed, documentCanon: folder + documentCanon, proofCanon: folder + proofCanon, jcs: jcs)
        #expect(report.outcomes(.signature) == [.passed], "\(TestVerifier.summary(report))")
        #expect(report.outcomes(.keyBinding) == [.warning])
        #expect(report.outcome == .verified)
        #expect(report.keyID?.hasPrefix("did:key:z") == true)
    }

    @Test func w3cVectorFailsWhenItsSignerIsNotTheIssuer() async throws {
        let folder = "w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/"
        let signed = try Fixtures.object(folder + "signedDataInt.json")
        let canonicalizer = try table(
            signed: signed,
            documentCanon: folder + "canonDocDataInt.txt",
            proofCanon: folder + "proofCanonDataInt.txt",
            jcs: false
        )
        let report = await TestVerifier.make(canonicalizer: canonicalizer).verify(.embedded(signed))
        #expect(report.outcome == .failed)
        #expect(report.outcomes(.signature) == [.passed])
        #expect(report.check(.keyBinding)?.detail.contains("is not the issuer https://vc.example/issuers/5678") == true)
    }

    @Test func publishedHashesMatchTheCanonicalForms() throws {
        let folder = "w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/"
        let documentHash = SHA256.hash(data: try Fixtures.bytes(folder + "canonDocDataInt.txt"))
        let expected = try Fixtures.text(folder + "docHashDataInt.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(documentHash.map { String(format: "%02x", $0) }.joined() == expected)
    }

    @Test func openBadgesSpecVectorVerifiesWithTheKeyFromTheFragment() async throws {
        let report = try await verify(
            "ob-spec-test-vectors/ob-signed-credential.json",
            documentCanon: "../ob3/test-vectors/obv3p0/document-canon.txt",
            proofCanon: "../ob3/test-vectors/obv3p0/proof-canon.txt"
        )
        #expect(report.outcome == .verified, "\(TestVerifier.summary(report))")
        #expect(report.outcomes(.signature) == [.passed])
        // The issuer publishes no document listing the key: accepted, with a warning saying so.
        #expect(report.outcomes(.keyBinding) == [.warning])
        #expect(report.proofType == "DataIntegrityProof eddsa-rdfc-2022")
        #expect(report.issuerID == "https://example.edu/issuers/565049")
    }

    @Test func changedProofValueFailsTheVector() async throws {
        let folder = "w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/"
        var signed = try Fixtures.object(folder + "signedDataInt.json")
        let canonicalizer = try table(
            signed: signed,
            documentCanon: folder + "canonDocDataInt.txt",
            proofCanon: folder + "proofCanonDataInt.txt",
            jcs: false
        )
        var proof = signed["proof"]?.objectValue ?? [:]
        var value = Array(proof["proofValue"]?.stringValue ?? "")
        value[10] = value[10] == "a" ? "b" : "a"
        proof["proofValue"] = .string(String(value))
        signed["proof"] = .object(proof)
        let verifier = TestVerifier.make(canonicalizer: canonicalizer, options: VerificationOptions(requireIssuerKeyBinding: false))
        let report = await verifier.verify(.embedded(signed))
        #expect(report.outcome == .failed)
        #expect(report.outcomes(.signature) == [.failed])
    }
}
