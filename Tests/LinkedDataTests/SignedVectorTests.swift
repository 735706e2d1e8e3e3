import Foundation
import LinkedData
import StrictJSON
import Testing

/// Byte-exact canonical forms and hashes of the published Data Integrity test vectors, in safe mode with the
/// bundled contexts, as verification runs.
@Suite struct SignedVectorTests {

    struct Vector: CustomTestStringConvertible, Sendable {
        let name: String
        let signed: String
        let canonicalDocument: String
        let documentHash: String
        let proofConfiguration: String?
        let canonicalProof: String
        let proofHash: String
        let jcs: Bool
        let hash: CanonicalHashAlgorithm
        var testDescription: String { name }
    }

    static let w3c = "data/openbadges/signed/"
    static let vectors: [Vector] = [
        rdfc("eddsa-rdfc-2022", "w3c-vc-di-eddsa/TestVectors/eddsa-rdfc-2022/", "DataInt"),
        rdfc("Ed25519Signature2020", "w3c-vc-di-eddsa/TestVectors/Ed25519Signature2020/", "EdSig"),
        rdfc("ecdsa-rdfc-2019 P-256", "w3c-vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p256/", "ECDSAP256"),
        rdfc("ecdsa-rdfc-2019 P-384", "w3c-vc-di-ecdsa/TestVectors/ecdsa-rdfc-2019-p384/", "ECDSAP384", hash: .sha384),
        jcs("eddsa-jcs-2022", "w3c-vc-di-eddsa/TestVectors/eddsa-jcs-2022/", "JCS"),
        jcs("ecdsa-jcs-2019 P-256", "w3c-vc-di-ecdsa/TestVectors/ecdsa-jcs-2019-p256/", "JCSECDSAP256"),
        jcs("ecdsa-jcs-2019 P-384", "w3c-vc-di-ecdsa/TestVectors/ecdsa-jcs-2019-p384/", "JCSECDSAP384", hash: .sha384),
    ]

    static func rdfc(_ name: String, _ folder: String, _ suffix: String, hash: CanonicalHashAlgorithm = .sha256) -> Vector {
        let signedName = suffix == "DataInt" ? "signedDataInt" : "signed\(suffix)"
        return Vector(
            name: name, signed: w3c + folder + signedName + ".json", canonicalDocument: w3c + folder + "canonDoc\(suffix).txt",
            documentHash: w3c + folder + "docHash\(suffix).txt", proofConfiguration: w3c + folder + "proofConfig\(suffix).json",
            canonicalProof: w3c + folder + "proofCanon\(suffix).txt", proofHash: w3c + folder + "proofHash\(suffix).txt",
            jcs: false, hash: hash
        )
    }

    static func jcs(_ name: String, _ folder: String, _ suffix: String, hash: CanonicalHashAlgorithm = .sha256) -> Vector {
        Vector(
            name: name, signed: w3c + folder + "signed\(suffix).json", canonicalDocument: w3c + folder + "canonDoc\(suffix).txt",
            documentHash: w3c + folder + "docHash\(suffix).txt", proofConfiguration: w3c + folder + "proofConfig\(suffix).json",
            canonicalProof: w3c + folder + "proofCanon\(suffix).txt", proofHash: w3c + folder + "proofHash\(suffix).txt",
            jcs: true, hash: hash
        )
    }

    static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: vectors)
    func w3cVector(_ vector: Vector) throws {
        let processor = try #require(Bundled.processor)
        let signed = try #require(try Fixtures.json(vector.signed).objectValue)
        let document = JSONValue.object(signed.removing("proof"))
        let proofConfiguration = try Fixtures.json(try #require(vector.proofConfiguration))
        let expectedDocument = try Fixtures.text(vector.canonicalDocument)
        let expectedProof = try Fixtures.text(vector.canonicalProof)
        if vector.jcs {
            #expect(try JCS.canonicalString(document) == expectedDocument)
            #expect(try JCS.canonicalString(proofConfiguration) == expectedProof)
        } else {
            let canonical = try processor.canonicalize(document)
            #expect(canonical.nQuads == expectedDocument)
            #expect(canonical.hexDigest(vector.hash) == Self.trimmed(try Fixtures.text(vector.documentHash)))
            let proof = try processor.canonicalize(proofConfiguration)
            #expect(proof.nQuads == expectedProof)
            #expect(proof.hexDigest(vector.hash) == Self.trimmed(try Fixtures.text(vector.proofHash)))
        }
    }

    @Test(arguments: [("ob", "ob-signed-credential.json"), ("clr", "clr-signed-credential.json")])
    func openBadgesSpecVector(_ prefix: String, _ file: String) throws {
        let processor = try #require(Bundled.processor)
        let folder = "data/openbadges/signed/ob-spec-test-vectors/"
        let signed = try #require(try Fixtures.json(folder + file).objectValue)
        let expected = try Fixtures.json(folder + prefix + "-expected.json")
        let document = JSONValue.object(signed.removing("proof"))
        let canonical = try processor.canonicalize(document)
        #expect(canonical.hexDigest() == expected["documentHashHex"]?.stringValue)
        let proof = try #require(signed["proof"]?.asList.first?.objectValue)
        let proofCanonical = try processor.canonicalizeProofConfiguration(proof, documentContext: signed["@context"])
        #expect(proofCanonical.hexDigest() == expected["proofConfigHashHex"]?.stringValue)
        if prefix == "ob" {
            #expect(canonical.nQuads == (try Fixtures.text("data/openbadges/ob3/test-vectors/obv3p0/document-canon.txt")))
            #expect(proofCanonical.nQuads == (try Fixtures.text("data/openbadges/ob3/test-vectors/obv3p0/proof-canon.txt")))
        }
    }
}
